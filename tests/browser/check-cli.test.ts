/**
 * `deck check` from the command line, with Chromium: a deck with an
 * overflowing slide fails with the finding at its Markdown line; the shipped
 * deck passes with no error (machine-readable with --json).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/run-check.ts';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import { SHIPPED_DECK } from '../support/build-fixture.ts';
import { CHECK_FIXTURES } from '../support/check-fixtures.ts';

const run = promisify(execFile);
const DECK = join(import.meta.dirname, '../../bin/deck.js');
const ROOT = join(import.meta.dirname, '../..');
// Each run builds a deck and starts Chromium in a child process: generous on a busy CI machine.

async function deckCheck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run('node', [DECK, 'check', ...args], { cwd: ROOT }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('deck check (command line)', () => {
  it('fails a deck with an overflowing slide, naming the Markdown line', async () => {
    const result = await deckCheck([join(CHECK_FIXTURES, 'overflow')]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tests\/fixtures\/check\/overflow\/01-zu-lang\.md:13: error: content overflows the slide at the bottom by \d+ px.* \[overflow\]$/);
    expect(lines.at(-1)).toMatch(/^1 slides: 1 error\(s\), 0 warning\(s\); checked in Chromium/);
    expect(result.stderr).toBe('');
  }, 120_000);

  it('passes the shipped deck with no error (npm run check)', async () => {
    const result = await deckCheck(['slides', '--json']);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.errors, JSON.stringify(report.diagnostics, null, 2)).toBe(0);
    expect(report.rendered).toBe(true);
    expect(report.slides).toBe(compileFolder(SHIPPED_DECK).slides.length);
    expect(result.code).toBe(0);
  }, 120_000);
});
