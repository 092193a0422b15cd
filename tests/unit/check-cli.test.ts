/** `deck check` from the command line without a browser: --no-render, --strict, --json, and a clear error when Chromium is missing. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CHECK_FIXTURES } from '../support/check-fixtures.ts';

const run = promisify(execFile);
const DECK = join(import.meta.dirname, '../../bin/deck.js');
const ROOT = join(import.meta.dirname, '../..');

async function deckCheck(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return run('node', [DECK, 'check', ...args], { cwd: ROOT, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('deck check (command line, no browser)', () => {
  it('prints file:line: severity: message [rule] and a summary, exit 1 on an error', async () => {
    const result = await deckCheck([join(CHECK_FIXTURES, 'missing-file'), '--no-render']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'tests/fixtures/check/missing-file/01-bild.md:5: error: image "assets/umsatz.png" not found [missing-file]',
      expect.stringMatching(/^1 slides: 1 error\(s\), 0 warning\(s\); compiled only: rendered checks turned off; [\d.]+ s$/),
      '',
    ]);
  });

  it('exits 0 on warnings, 1 with --strict', async () => {
    const fixture = join(CHECK_FIXTURES, 'image-alt');
    const lenient = await deckCheck([fixture, '--no-render']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('01-bild.md:3: warning: image "assets/logo.svg" has no alt text');
    expect((await deckCheck([fixture, '--no-render', '--strict'])).code).toBe(1);
  });

  it('reports as JSON with --json', async () => {
    const result = await deckCheck([join(CHECK_FIXTURES, 'unknown-directive'), '--no-render', '--json']);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ slides: 1, errors: 0, warnings: 1, rendered: false });
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ file: 'tests/fixtures/check/unknown-directive/01-titel.md', line: 2, code: 'unknown-directive', severity: 'warning' }),
    ]);
  });

  it('says in one line that Chromium is missing, and how to do without it', async () => {
    const result = await deckCheck([join(CHECK_FIXTURES, 'overflow')], { ...process.env, CHROME_PATH: '/nonexistent/chromium' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Chromium.*--no-render/);
  });

  it('skips the rendered checks when the deck does not build, and says why', async () => {
    const result = await deckCheck([join(CHECK_FIXTURES, 'chart')], { ...process.env, CHROME_PATH: '/nonexistent/chromium' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/01-chart\.md:9: error: values has 2 entries, labels has 3 \[chart\]/);
    expect(result.stdout).toMatch(/compiled only: the deck does not build/);
  });

  it('rejects a minimum font size that is not a number', async () => {
    const result = await deckCheck([join(CHECK_FIXTURES, 'overflow'), '--no-render', '--min-font-size', 'gross']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--min-font-size needs a positive number/);
  });
});
