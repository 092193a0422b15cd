/**
 * `deck export --html`: one self-contained file that works from `file://`
 * with no request to any host: scripts, lazily loaded charts, fonts, images,
 * the speaker view, and printing from the browser (`?print-pdf`).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { paintedPixels } from '../support/deck-page.ts';
import { BAR_CHART_TICKS, EXPORT_DECK, exportTempDir } from '../support/export-fixture.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE, PAGE_NAMES, PRINT_FLAGS, READY_ATTRIBUTE, READY_SELECTOR } from '../../src/page-contract.ts';

let dir: string;
let fileUrl: string;
let browser: Browser;
let context: BrowserContext;
/** Every request the pages made that is not the file itself (or a data:/blob: URL). */
const foreign: string[] = [];

beforeAll(async () => {
  dir = exportTempDir();
  const result = await exportDeck({ slidesDir: EXPORT_DECK, out: join(dir, 'dist'), html: join(dir, 'deck.html') });
  expect(result.files.map((file) => file.kind)).toEqual(['html']);
  fileUrl = pathToFileURL(join(dir, 'deck.html')).href;
  browser = await launchChrome();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(fileUrl) && !/^(data|blob):/.test(url)) foreign.push(url);
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('single-file HTML', () => {
  it('is the only file written (the export needs no build folder for it)', () => {
    expect(readdirSync(dir)).toEqual(['deck.html']);
    expect(statSync(join(dir, 'deck.html')).size).toBeGreaterThan(100_000);
    const html = readFileSync(join(dir, 'deck.html'), 'utf8');
    expect(html).not.toMatch(/\b(?:src|href)="\.?\/?assets\//);
    expect(html).toMatch(/url\(["']?data:font\/woff2;base64,/);
  });

  it('opens from file://, draws a lazily loaded chart and its fonts and images, with no request to any host', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(fileUrl);
    await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 10_000 });
    await page.evaluate(() => window.Reveal.slide(2));
    await page.waitForSelector(`section#diagramm-mit-fragment ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { state: 'attached', timeout: 5000 });
    expect((await paintedPixels(page, 'section#diagramm-mit-fragment'))[0]).toBeGreaterThan(5000);
    expect(await page.evaluate(() => Array.from(document.fonts).some((font) => font.family.includes('Inter') && font.status === 'loaded'))).toBe(true);
    await page.evaluate(() => window.Reveal.slide(1));
    expect(await page.$eval('section#verweise-und-bilder img', (img) => (img as HTMLImageElement).naturalWidth)).toBe(400);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('opens the speaker view from file://, with the notes and both slide previews ready', async () => {
    const page = await context.newPage();
    await page.goto(`${fileUrl}#/diagramm-mit-fragment`);
    await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 10_000 });
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForSelector('.speaker-view[data-connected]', { timeout: 10_000 });
    await popup.waitForFunction(() => document.querySelector('.speaker-notes')?.textContent?.includes('Das Diagramm zeigt drei Jahre'), undefined, { timeout: 10_000 });
    // Both previews load the same file and show the current and the next slide.
    // From file:// every frame has its own opaque origin: ask each preview frame itself.
    const previewSlide = async (which: string) => {
      const frame = await (await popup.$(`.speaker-${which} iframe`))?.contentFrame();
      return (await frame?.evaluate((ready) => (document.documentElement.hasAttribute(ready) ? window.Reveal.getCurrentSlide().id : ''), READY_ATTRIBUTE)) ?? '';
    };
    await expect.poll(() => previewSlide('current'), { timeout: 10_000 }).toBe('diagramm-mit-fragment');
    await expect.poll(() => previewSlide('upcoming'), { timeout: 10_000 }).toBe('lange-notizen');
    expect(popup.url().startsWith(fileUrl)).toBe(true);
    expect(popup.frames().filter((frame) => frame !== popup.mainFrame() && frame.url().startsWith(fileUrl)).length).toBe(2);
    // The speaker view steers the deck from file:// too.
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.Reveal.getCurrentSlide().id === 'lange-notizen', undefined, { timeout: 10_000 });
    expect(foreign).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('prints from the browser (?print-pdf, as the print dialog does): one page per slide, charts drawn', async () => {
    const page = await context.newPage();
    await page.goto(`${fileUrl}?${PRINT_FLAGS.printPdf}`);
    await page.waitForFunction(
      (names) =>
        document.documentElement.hasAttribute(names.ready) && document.querySelectorAll(names.printPage).length > 0 && Array.from(document.querySelectorAll(names.chart)).every((f) => f.hasAttribute(names.drawn)),
      PAGE_NAMES,
      { timeout: 10_000 },
    );
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    expect(totalPages).toBe(6);
    for (const tick of BAR_CHART_TICKS) expect((text as string[])[2]).toContain(tick);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
