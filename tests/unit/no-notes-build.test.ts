/**
 * `--no-notes` (issue 17, "Notes stay private"): `deck build --no-notes`, `deck export --html --no-notes`
 * and the exporter's own build leave no speaker note in any file they write: not hidden in the page,
 * not in its JSON, not in a script or stylesheet. Each note's text is searched for in every file
 * written; the same search finds every note in a build with notes, so it can fail. The speaker view of
 * a build without notes says so for each slide; the PowerPoint export of one carries none either.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic } from '../../src/browser/serve-static.ts';
import { buildDeck } from '../../src/builder/build-deck.ts';
import { startFreshBuild } from '../../src/builder/fresh-build.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { resolveExportOptions } from '../../src/export/export-options.ts';
import { writeSingleFileHtml } from '../../src/export/single-file-html.ts';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import { READY_SELECTOR } from '../../src/page-contract.ts';
import { stringsFor } from '../../src/strings/strings.ts';

const run = promisify(execFile);
const DECK = join(import.meta.dirname, '../../bin/deck.js');
const PHONE_DECK = join(import.meta.dirname, '../fixtures/phone-deck');
/** Each note of the fixture carries one such marker, found nowhere else in the deck. */
const MARKER = /NOTE-MARKER-[0-9a-f]{4}/g;

/**
 * What each note says: every text run between its tags (a run is what a search of the written files
 * can find whole), and the note's marker.
 */
function noteTexts(): string[] {
  const deck = compileFolder(PHONE_DECK);
  const notes = deck.slides.filter((slide) => slide.notesHtml);
  expect(notes.length).toBeGreaterThanOrEqual(5);
  const runs = notes.flatMap((slide) => slide.notesHtml.split(/<[^>]+>/).map((run) => run.trim()).filter((run) => run.length >= 6));
  const markers = notes.flatMap((slide) => slide.notesText.match(MARKER) ?? []);
  expect(markers).toHaveLength(notes.length);
  return [...new Set([...runs, ...markers])];
}

/** Every file under `dir` as text, by its path below `dir`. */
function filesIn(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

/** `text: file` for each note text found in one of `files`. */
function notesFound(files: Map<string, string>, texts: readonly string[]): string[] {
  return texts.flatMap((text) => [...files].filter(([, content]) => content.includes(text)).map(([path]) => `${text}: ${path}`));
}

const NOTES_ELEMENT = /<aside class="notes"/g;

describe('speaker notes left out (--no-notes)', () => {
  let texts: string[];
  let root: string;
  /** The deck built with its notes (the API's default), and by `deck build --no-notes`. */
  let withNotes: string;
  let without: string;
  beforeAll(async () => {
    texts = noteTexts();
    root = mkdtempSync(join(tmpdir(), 'deck-no-notes-'));
    withNotes = join(root, 'with-notes');
    without = join(root, 'without-notes');
    await buildDeck({ slidesDir: PHONE_DECK, outDir: withNotes });
    await run('node', [DECK, 'build', PHONE_DECK, '--out', without, '--no-notes']);
  });

  it('deck build --no-notes writes no note into any file; a build with notes has every one', () => {
    const withFiles = filesIn(withNotes);
    const page = withFiles.get('index.html')!;
    for (const text of texts) expect(page, text).toContain(text);
    expect(page.match(NOTES_ELEMENT)).toHaveLength(5);

    const files = filesIn(without);
    expect([...files.keys()].some((path) => path.endsWith('.js'))).toBe(true);
    expect(notesFound(files, texts)).toEqual([]);
    expect(files.get('index.html')!.match(NOTES_ELEMENT)).toBeNull();
    // The deck itself is all there.
    expect(files.get('index.html')).toContain('Anteil am Gewinn');
    expect(files.get('index.html')!.match(/<section\b/g)).toHaveLength(page.match(/<section\b/g)!.length);
  });

  it('gives a speaker view that says a slide has no notes', async () => {
    const notesShown = async (dir: string) => {
      const server = await serveStatic(dir);
      const browser = await launchChrome();
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const page = await context.newPage();
        await page.goto(`${server.url}#/text-und-liste`);
        await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 15_000 });
        const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
        await speaker.waitForSelector('.speaker-view[data-connected]', { timeout: 10_000 });
        await speaker.waitForFunction(() => document.querySelector('.speaker-notes')?.textContent?.trim());
        return await speaker.$eval('.speaker-notes', (notes) => notes.textContent!.trim());
      } finally {
        await browser.close();
        await server.close();
      }
    };
    expect(await notesShown(withNotes)).toContain('NOTE-MARKER-c41d');
    expect(await notesShown(without)).toBe(stringsFor('de').noNotes);
  }, 120_000);

  it('deck export --html --no-notes writes a single file without notes; without the flag it has them', async () => {
    const withNotesFile = join(root, 'with-notes.html');
    await writeSingleFileHtml(PHONE_DECK, withNotesFile);
    const page = readFileSync(withNotesFile, 'utf8');
    for (const text of texts) expect(page, text).toContain(text);

    const without = join(root, 'without-notes.html');
    await run('node', [DECK, 'export', PHONE_DECK, '--out', join(root, 'export-dist'), '--html', without, '--no-notes']);
    const files = new Map([['without-notes.html', readFileSync(without, 'utf8')]]);
    expect(notesFound(files, texts)).toEqual([]);
    expect(files.get('without-notes.html')).toContain('Anteil am Gewinn');
  }, 180_000);

  it('deck export --pptx --no-notes writes a PowerPoint file without notes; without the flag it has them', async () => {
    const pptxParts = (file: string) => new Map(Object.entries(unzipSync(readFileSync(file))).map(([path, bytes]) => [path, strFromU8(bytes)]));
    const out = join(root, 'pptx-build');
    const withNotesFile = join(root, 'with-notes.pptx');
    await exportDeck({ slidesDir: PHONE_DECK, out, pptx: withNotesFile });
    const withParts = [...pptxParts(withNotesFile).values()];
    const markers = texts.filter((text) => text.startsWith('NOTE-MARKER-'));
    expect(markers).toHaveLength(5);
    for (const marker of markers) expect(withParts.some((part) => part.includes(marker)), marker).toBe(true);
    const withoutFile = join(root, 'without-notes.pptx');
    await exportDeck({ slidesDir: PHONE_DECK, out, pptx: withoutFile, withoutNotes: true });
    expect(notesFound(pptxParts(withoutFile), texts)).toEqual([]);
  }, 120_000);

  it('the exporter does not reuse a build with notes for a copy without them, nor the other way round', async () => {
    const out = join(root, 'export-build');
    await startFreshBuild(PHONE_DECK, out).done;
    expect(notesFound(filesIn(out), texts)).not.toEqual([]);
    expect(startFreshBuild(PHONE_DECK, out, false, { withoutNotes: false }).reused).toBe(true);

    const withoutJob = startFreshBuild(PHONE_DECK, out, false, { withoutNotes: true });
    expect(withoutJob.reused).toBe(false);
    await withoutJob.done;
    expect(notesFound(filesIn(out), texts)).toEqual([]);
    expect(startFreshBuild(PHONE_DECK, out, false, { withoutNotes: true }).reused).toBe(true);
    const withNotesAgain = startFreshBuild(PHONE_DECK, out);
    expect(withNotesAgain.reused).toBe(false);
    await withNotesAgain.done;
    expect(notesFound(filesIn(out), texts)).not.toEqual([]);
  }, 120_000);

  it('refuses a handout without notes', () => {
    expect(() => resolveExportOptions({ slidesDir: PHONE_DECK, notes: true, withoutNotes: true })).toThrow('--notes (the handout) and --no-notes exclude each other');
    expect(resolveExportOptions({ slidesDir: PHONE_DECK, html: 'x.html', withoutNotes: true }).withoutNotes).toBe(true);
  });
});
