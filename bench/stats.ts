/** Summary of repeated measurements: min, median and max (the bench reports all three). */
export interface Stats {
  runs: number;
  min: number;
  median: number;
  max: number;
  values: number[];
}

export function stats(values: number[]): Stats {
  if (values.length === 0) throw new Error('no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: values.length, min: sorted[0]!, median, max: sorted[sorted.length - 1]!, values };
}

/** Runs `measure` `runs` times one after the other and summarises the results. */
export async function repeat(runs: number, measure: (run: number) => Promise<number>): Promise<Stats> {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) values.push(await measure(run));
  return stats(values);
}
