/**
 * `deck build` end to end: a broken chart stops the build with file:line and leaves no output; a
 * missing image or another host is a warning (an error with --strict and in `deck check`); the
 * built deck names no folder of the author's machine.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
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
  const failure = (error: { code: number; stdout: string; stderr: string }) => error;

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

  it('prints the warnings of a failed build too, with the errors in file and line order, and both counts last', async () => {
    const slides = copySample();
    const file = join(slides, '01-intro.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('values: [1, 2, 10]', 'values: [1, 2]'));
    writeFileSync(join(slides, '00-bild.md'), '## Bild\n\n![Fehlt](fehlt.png)\n\n![Auch weg](weg.png)\n');
    const result = await run('node', [DECK, 'build', slides, '--out', join(slides, '..', 'out')]).then(() => ({ code: 0, stdout: '', stderr: '' }), failure);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/00-bild\.md:3: warning: image "fehlt\.png" not found \[missing-file\]$/),
      expect.stringMatching(/00-bild\.md:5: warning: image "weg\.png" not found \[missing-file\]$/),
      expect.stringMatching(/01-intro\.md:26: error: values has 2 entries, labels has 3 \[chart\]$/),
      'build failed: 1 error, 2 warnings',
    ]);
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

  it('builds a deck with a missing image and another host, printing each warning and their count', async () => {
    const slides = copySample();
    writeFileSync(join(slides, '03-bilder.md'), '## Bilder\n\n![Fehlt](assets/fehlt.png)\n\n<iframe title="Karte" src="https://maps.example.com/embed"></iframe>\n');
    const out = join(slides, '..', 'out');
    const result = await run('node', [DECK, 'build', slides, '--out', out]);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/03-bilder\.md:3: warning: image "assets\/fehlt\.png" not found \[missing-file\]$/),
      expect.stringMatching(/03-bilder\.md:5: warning: <iframe src> "https:\/\/maps\.example\.com\/embed" loads from another host \(maps\.example\.com\).* \[external-host\]$/),
    ]);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^built .*out in [\d.]+ s, 2 warnings$/);
    // Left as written, as Vite leaves URLs it cannot resolve.
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('src="assets/fehlt.png"');
    expect(html).toContain('src="https://maps.example.com/embed"');
  });

  it('fails with --strict on the same warnings, now errors, and writes nothing', async () => {
    const slides = copySample();
    writeFileSync(join(slides, '03-bilder.md'), '## Bilder\n\n![Fehlt](assets/fehlt.png)\n');
    const out = join(slides, '..', 'out');
    const result = await run('node', [DECK, 'build', slides, '--out', out, '--strict']).then(() => ({ code: 0, stdout: '', stderr: '' }), failure);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/03-bilder\.md:3: error: image "assets\/fehlt\.png" not found \[missing-file\]/);
    expect(existsSync(out)).toBe(false);
  });

  it('says so when the slides folder holds no Markdown', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'deck-cli-')), 'leer');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notiz.txt'), 'keine Folien');
    const result = await run('node', [DECK, 'build', empty, '--out', join(empty, '..', 'out')]).then(() => ({ code: 0, stdout: '', stderr: '' }), failure);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`no Markdown slides found in ${empty}: add .md files to it`);
  });

  it('writes no path of the author\'s machine into a deck built from outside the working directory', async () => {
    const slides = copySample();
    mkdirSync(join(slides, 'teil-2'));
    writeFileSync(join(slides, 'teil-2', '01-mehr.md'), '## Mehr\n\nText\n');
    const out = join(slides, '..', 'out');
    const cwd = mkdtempSync(join(tmpdir(), 'deck-cwd-'));
    await run('node', [DECK, 'build', slides, '--out', out], { cwd });
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('data-source="01-intro.md:');
    expect(html).toContain('data-source="teil-2/01-mehr.md:1"');
    expect(html).toContain('"file":"teil-2/01-mehr.md"');
    const temp = join(slides, '..');
    for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(html|js|css|json)$/.test(file)) continue;
      const text = readFileSync(join(out, file), 'utf8');
      expect(text, file).not.toContain(temp);
      expect(text, file).not.toContain(homedir());
    }
  });

  it('preview prints the warnings of the build it runs', async () => {
    const slides = copySample();
    writeFileSync(join(slides, '03-bilder.md'), '## Bilder\n\n![Fehlt](fehlt.png)\n');
    const child = spawn('node', [DECK, 'preview', slides, '--out', join(slides, '..', 'out'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let stderr = '';
      // Waits for the line itself; the server runs until it is stopped.
      await new Promise<void>((resolve, reject) => {
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          if (stderr.includes('[missing-file]')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`preview ended (${code}): ${stderr}`)));
      });
      expect(stderr).toMatch(/03-bilder\.md:3: warning: image "fehlt\.png" not found \[missing-file\]/);
    } finally {
      child.kill();
    }
  });
});
