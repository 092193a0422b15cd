/** `deck build` end to end: a broken chart stops the build with file:line and leaves no output. */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DECK } from '../support/build-fixture.ts';

const run = promisify(execFile);
const DECK = join(import.meta.dirname, '../../bin/deck.js');

function copySample(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'deck-cli-')), 'slides');
  cpSync(SAMPLE_DECK, dir, { recursive: true });
  return dir;
}

describe('deck build', () => {
  it('builds a folder of slides into a static deck', async () => {
    const slides = copySample();
    const out = join(slides, '..', 'out');
    await run('node', [DECK, 'build', slides, '--out', out]);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<section class="title" id="beispiel-deck"');
    expect(html).toContain('<html lang="de"');
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
  });

  it('fails on a broken chart with its file and line, and writes nothing', async () => {
    const slides = copySample();
    const file = join(slides, '01-intro.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('values: [1, 2, 10]', 'values: [1, 2]'));
    const out = join(slides, '..', 'out');
    const result = await run('node', [DECK, 'build', slides, '--out', out]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/01-intro\.md:26: error: values has 2 entries, labels has 3 \[chart\]/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(slides, '..'))).toBe(true);
  });

  it('keeps the previous output when a later build fails', async () => {
    const slides = copySample();
    const out = join(slides, '..', 'out');
    await run('node', [DECK, 'build', slides, '--out', out]);
    writeFileSync(join(slides, '03-bad.md'), '## Kaputt\n\n```chart\ntype: pie\n```\n');
    await expect(run('node', [DECK, 'build', slides, '--out', out])).rejects.toThrow(/03-bad\.md:4/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('beispiel-deck');
  });

  it('check reports diagnostics and exits 1 on errors', async () => {
    const slides = copySample();
    const good = await run('node', [DECK, 'check', slides]);
    expect(good.stdout).toContain('6 slides: 0 error(s)');
    writeFileSync(join(slides, '03-bad.md'), '## Bild\n\n![](missing.png)\n');
    const bad = await run('node', [DECK, 'check', slides, '--json']).catch((e: { code: number; stdout: string }) => e);
    expect((bad as { code: number }).code).toBe(1);
    const report = JSON.parse((bad as { stdout: string }).stdout);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ line: 3, code: 'missing-file' }));
  });
});
