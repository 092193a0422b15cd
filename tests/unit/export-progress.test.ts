import { describe, expect, it } from 'vitest';
import { createProgress, progressBar } from '../../src/export/progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns: 100, write: (text: string) => written.push(text) } };
}

describe('export progress', () => {
  it('draws a bar of slides done out of the total', () => {
    expect(progressBar(0, 4, 8)).toBe('[░░░░░░░░]');
    expect(progressBar(2, 4, 8)).toBe('[████░░░░]');
    expect(progressBar(4, 4, 8)).toBe('[████████]');
  });

  it('redraws one line in place on a terminal and ends each step with a plain line', () => {
    const { written, stream: tty } = stream(true);
    const progress = createProgress(tty, true);
    progress.step('writing PNGs');
    progress.advance(1, 2);
    progress.advance(2, 2);
    progress.done('wrote 2 PNGs');
    expect(written.join('')).toContain('writing PNGs [████████████░░░░░░░░░░░░] 1/2 slides');
    expect(written.join('')).toContain('\r\x1b[2K');
    expect(written.at(-1)).toBe('wrote 2 PNGs\n');
  });

  it('prints only the summary lines in CI or a pipe: no bars, no carriage returns', () => {
    const { written, stream: pipe } = stream(false);
    const progress = createProgress(pipe, false);
    progress.step('writing PNGs');
    progress.advance(1, 2);
    progress.done('wrote 2 PNGs');
    expect(written).toEqual(['wrote 2 PNGs\n']);
  });

  it('ends a step without a line when it has nothing to say (deck check: its findings go to stdout)', () => {
    const { written, stream: tty } = stream(true);
    const progress = createProgress(tty, true);
    progress.step('checking slides');
    progress.advance(3, 17);
    progress.done();
    expect(written.join('')).toContain('checking slides [████░░░░░░░░░░░░░░░░░░░░] 3/17 slides');
    expect(written.at(-1)).toBe('\r\x1b[2K');
    const { written: piped, stream: pipe } = stream(false);
    const quiet = createProgress(pipe, false);
    quiet.step('checking slides');
    quiet.done();
    expect(piped).toEqual([]);
  });
});
