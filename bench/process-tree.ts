/**
 * Memory of a whole process tree (a command and every descendant), sampled
 * from /proc: RSS counts shared pages once per process, PSS splits them
 * between the processes sharing them, so the PSS sum is the tree's real
 * footprint. `/usr/bin/time` would only see the largest single process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface TreeMemory {
  /** Bytes. */
  rss: number;
  pss: number;
  processes: number;
}

export const MEMORY_SAMPLING_AVAILABLE = existsSync('/proc/self/smaps_rollup');

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
}

function children(pid: number): number[] {
  const tasks = (() => {
    try {
      return readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  })();
  return tasks.flatMap((tid) => (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(/\s+/).filter(Boolean).map(Number));
}

/** `pid` and all its descendants that are alive now. */
export function processTree(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift()!;
    if (found.includes(next)) continue;
    found.push(next);
    queue.push(...children(next));
  }
  return found;
}

function kilobytes(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : 0;
}

const PAGE_SIZE = 4096;

/**
 * Memory of the tree now. PSS costs the kernel a walk of every mapping (about
 * 2 ms per Chromium process here), RSS from `statm` almost nothing: ask for
 * PSS only where it is needed.
 */
export function treeMemory(pid: number, withPss = true): TreeMemory {
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const member of processTree(pid)) {
    if (withPss) {
      const rollup = read(`/proc/${member}/smaps_rollup`);
      if (!rollup) continue;
      rss += kilobytes(rollup, 'Rss');
      pss += kilobytes(rollup, 'Pss');
    } else {
      const statm = read(`/proc/${member}/statm`);
      if (!statm) continue;
      rss += Number(statm.split(' ')[1]) * PAGE_SIZE;
    }
    processes++;
  }
  return { rss, pss, processes };
}

export interface MemorySampler {
  /** Stops sampling and returns the peaks (each the largest sum seen in one sample). */
  stop(): TreeMemory & { samples: number };
}

export interface SamplingOptions {
  /** @defaultValue 50 */
  intervalMs?: number;
  /** Also sum PSS (costly: sample a separate run, not a timed one). @defaultValue false */
  pss?: boolean;
}

/** Samples the tree of `pid` every `intervalMs` until stopped. */
export function sampleTreeMemory(pid: number, options: SamplingOptions = {}): MemorySampler {
  const peak = { rss: 0, pss: 0, processes: 0, samples: 0 };
  const intervalMs = options.intervalMs ?? 50;
  const sample = () => {
    if (!MEMORY_SAMPLING_AVAILABLE) return;
    const now = treeMemory(pid, options.pss ?? false);
    peak.samples++;
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
    peak.processes = Math.max(peak.processes, now.processes);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { ...peak };
    },
  };
}
