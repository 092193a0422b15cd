/**
 * Progress of long work (`deck export`, `deck check`): on a terminal, one line
 * redrawn in place with a bar (`[██████░░░░] 120/200 slides`); elsewhere (CI,
 * pipes, logs) only a plain line per finished step, no bars or carriage returns.
 */
export interface Progress {
  /** Starts a step, e.g. `printing PDF`. */
  step(label: string): void;
  /** Count within the current step. */
  advance(done: number, total: number, unit?: string): void;
  /** Ends the current step, with a summary line if given. */
  done(summary?: string): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const BAR_WIDTH = 24;

export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : width;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

export function createProgress(stream: ProgressStream = process.stderr, interactive = Boolean(stream.isTTY) && !process.env.CI): Progress {
  let label = '';
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = (text: string) => {
    if (!interactive) return;
    clear();
    stream.write(text.slice(0, Math.max(20, (stream.columns || 80) - 1)));
    drawn = true;
  };
  return {
    step(next) {
      label = next;
      draw(`${label} …`);
    },
    advance(done, total, unit = 'slides') {
      draw(`${label} ${progressBar(done, total)} ${done}/${total} ${unit}`);
    },
    done(summary) {
      clear();
      if (summary !== undefined) stream.write(`${summary}\n`);
    },
  };
}

/** For callers that want no output (tests, the API). */
export const silentProgress: Progress = { step() {}, advance() {}, done() {} };
