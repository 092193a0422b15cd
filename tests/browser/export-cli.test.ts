/**
 * `deck export` on the command line, run from a folder outside the project:
 * the promised error without Chromium, `--range`, reuse of a fresh build, and
 * an interrupt that leaves no file, Chromium profile or Chromium behind.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROME_MISSING } from '../../src/browser/find-chrome.ts';
import { compiledExportDeck, EXPORT_DECK, exportTempDir } from '../support/export-fixture.ts';
import { processesMentioning } from '../support/processes.ts';
import { readPdf } from '../support/pdf-reader.ts';

const DECK = join(import.meta.dirname, '../../bin/deck.js');
const execute = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function deck(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return execute('node', [DECK, 'export', EXPORT_DECK, ...args], { cwd, env: { ...process.env, CI: '1', ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** Everything under `dir`, as relative paths. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

let cwd: string;
beforeAll(() => {
  cwd = exportTempDir();
});

describe('deck export without Chromium', () => {
  it.each([
    ['--chrome', { args: ['--chrome', '/nonexistent/chromium'], env: {} }],
    ['CHROME_PATH', { args: [], env: { CHROME_PATH: '/nonexistent/chromium' } }],
  ])('says in one line how to get one (%s), exits non-zero and writes nothing', async (_, { args, env }) => {
    const dir = exportTempDir();
    const result = await deck(dir, ['--pdf', 'deck.pdf', ...args], env);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(CHROME_MISSING);
    expect(lines[0]).toContain('/nonexistent/chromium');
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('deck export from a folder outside the project', () => {
  it('rejects a malformed range before building anything', async () => {
    const result = await deck(cwd, ['--range', '3-x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--range: invalid range "3-x"/);
    expect(filesIn(cwd)).toEqual([]);
  });

  it('refuses --notes with --no-notes, in either order, writing nothing', async () => {
    for (const flags of [['--notes', '--no-notes'], ['--no-notes', '--notes']]) {
      const result = await deck(cwd, flags);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/--notes \(the handout\) and --no-notes exclude each other/);
    }
    expect(filesIn(cwd)).toEqual([]);
  });

  it('exports --range 2,4-5 to a relative path: those slides, in order, one page each', async () => {
    const slides = compiledExportDeck().slides;
    const result = await deck(cwd, ['--range', '2,4-5', '--pdf', 'subset.pdf']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^built .*dist in/m);
    expect(result.stderr).toMatch(/export done in [\d.]+ s \([\d.]+ s per slide\)/);
    expect(result.stderr).not.toMatch(/\r|\x1b\[/);
    const pdf = await readPdf(join(cwd, 'subset.pdf'));
    expect(pdf.pages).toBe(3);
    [1, 3, 4].forEach((index, page) => expect(pdf.text[page]).toContain(slides[index]!.title));
    expect(pdf.outline).toEqual([1, 3, 4].map((index) => slides[index]!.title));
    expect(pdf.outlinePages).toEqual([1, 2, 3]);
  });

  it('reuses the fresh build the second time', async () => {
    const again = await deck(cwd, ['--range', '1', '--pdf', 'first.pdf']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^reused fresh build /m);
    expect((await readPdf(join(cwd, 'first.pdf'))).pages).toBe(1);
  });

  it('leaves no file, no Chromium profile and no Chromium when interrupted mid-export', async () => {
    const temporary = exportTempDir();
    const child = spawn('node', [DECK, 'export', EXPORT_DECK, '--png', 'pngs', '--scale', '2', '--pdf', 'stopped.pdf'], {
      cwd,
      env: { ...process.env, CI: '1', TMPDIR: temporary },
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('print view ready')) resolve();
      });
      child.on('exit', () => reject(new Error(`export ended before it could be interrupted: ${stderr}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(existsSync(join(cwd, 'stopped.pdf'))).toBe(false);
    expect(existsSync(join(cwd, 'pngs')) ? readdirSync(join(cwd, 'pngs')) : []).toEqual([]);
    expect(filesIn(cwd).filter((name) => name.includes('.tmp-'))).toEqual([]);
    // Chromium's profile folder (in TMPDIR) is removed, and Chromium, started with it, is gone.
    expect(readdirSync(temporary)).toEqual([]);
    expect(processesMentioning(temporary)).toEqual([]);
  });
});
