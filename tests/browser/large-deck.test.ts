/**
 * A generated 1,000-slide deck (every 10th slide a chart), built once and served: the last slide, a
 * chart on slide 900 and the speaker view work although the page carries most slide bodies as data;
 * on the dev server, edits land on the right slide. No timings here: those are the bench's.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDeck } from '../../bench/generate-deck.ts';
import { BYTE_BUDGETS, measureFirstSlide } from '../../bench/measure-bytes.ts';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { CHART_SELECTOR, DEFERRED_BODY_CLASS, DRAWN_ATTRIBUTE, NOTES_SELECTOR, READY_SELECTOR } from '../../src/page-contract.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { paintedPixels } from '../support/deck-page.ts';
import { startDevServer } from '../support/dev-server.ts';

const SLIDES = 1000;

let work: string;
let slidesDir: string;
let browser: Browser;
let server: StaticServer;
let dist: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'deck-large-'));
  slidesDir = writeDeck(join(work, 'slides'), { slides: SLIDES, chartEvery: 10 });
  dist = await buildFixture(slidesDir);
  server = await serveStatic(dist);
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 30_000 });
  return { page, errors };
}

const shownHeading = (page: Page) => page.evaluate(() => window.Reveal.getCurrentSlide()?.querySelector('h2')?.textContent ?? '');

describe('a 1,000-slide deck, built', () => {
  it('makes the first slide wait for no more JS, CSS and inline JSON than the byte budget', () => {
    const first = measureFirstSlide(dist);
    // The slides' entries are in the page too, but read only after ready.
    expect(first.slideIndex).toBeGreaterThan(first.inlineJson);
    expect(first.jsCss + first.inlineJson).toBeLessThanOrEqual(BYTE_BUDGETS.firstSlideWithData);
  });

  it('carries the later slides as data, and shows the last slide after End', async () => {
    const { page, errors } = await open(server.url);
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(SLIDES);
    expect(await page.locator(`script.${DEFERRED_BODY_CLASS}`).count()).toBeGreaterThan(SLIDES / 2);
    await page.keyboard.press('End');
    await page.waitForFunction((total) => window.Reveal.getIndices().h === total - 1, SLIDES);
    expect(await shownHeading(page)).toBe(`Rechenzentren ${SLIDES}`);
    expect(await page.evaluate(() => document.querySelector('.slide-number')?.textContent?.replace(/\s+/g, ''))).toBe(`${SLIDES}/${SLIDES}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the chart of slide 900, opened by its link', async () => {
    const { page, errors } = await open(`${server.url}#/899`);
    expect(await shownHeading(page)).toBe('Regulierung 900');
    const figure = page.locator(`section.present ${CHART_SELECTOR}`);
    await expect.poll(() => figure.getAttribute(DRAWN_ATTRIBUTE)).toBe('');
    expect((await paintedPixels(page, `section.present ${CHART_SELECTOR}`))[0]).toBeGreaterThan(1000);
    // Every other slide becomes markup once the deck is ready, in idle time.
    await page.waitForFunction((name) => !document.querySelector(`script.${name}`), DEFERRED_BODY_CLASS, { timeout: 30_000 });
    expect(await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').length)).toBe(SLIDES);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the speaker view with the notes, the next slide and the count of the whole deck', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${server.url}#/949`);
    await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 30_000 });
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await speaker.waitForSelector('.speaker-view[data-connected]', { timeout: 20_000 });
    await expect.poll(() => speaker.$eval('.speaker-notes', (e) => e.textContent ?? '')).toContain('Sprechernotiz zu Folie 950');
    expect(await speaker.$eval('.speaker-next-title', (e) => e.textContent ?? '')).toContain('Modelle 951');
    expect(await speaker.$eval('.speaker-position', (e) => e.textContent ?? '')).toBe(`Folie 950 von ${SLIDES}`);
    // Steered from the speaker view, the deck goes to the next slide, which it had only as data.
    await speaker.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.Reveal.getIndices().h === 950);
    expect(await shownHeading(page)).toBe('Modelle 951');
    await context.close();
  });
});

describe('a 1,000-slide deck on the dev server', () => {
  let dev: ViteDevServer;
  let devUrl: string;
  let copy: string;

  beforeAll(async () => {
    copy = join(work, 'dev-slides');
    cpSync(slidesDir, copy, { recursive: true });
    ({ server: dev, url: devUrl } = await startDevServer(copy));
  });

  afterAll(async () => {
    await dev?.close();
  });

  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(copy, file), change(readFileSync(join(copy, file), 'utf8')));

  it('puts an edit of the shown slide on that slide, and keeps the place when a slide is added before it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 30_000 });
    await page.goto(`${devUrl}#/954`);
    await Promise.all([connected, page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 30_000 })]);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    expect(await shownHeading(page)).toBe('Forschung 955');

    // Slide 955 is the fifth of file 0096.
    edit('0096-folien.md', (text) => text.replace('## Forschung 955', '## Forschung 955 bearbeitet').replace('Sprechernotiz zu Folie 955', 'Neue Notiz zu Folie 955'));
    await page.waitForFunction(() => window.Reveal.getCurrentSlide()?.querySelector('h2')?.textContent === 'Forschung 955 bearbeitet', undefined, { timeout: 20_000 });
    expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(954);
    expect(await page.evaluate((notes) => window.Reveal.getCurrentSlide()?.querySelector(notes)?.textContent, NOTES_SELECTOR)).toContain('Neue Notiz');
    // The neighbours are untouched.
    expect(await page.evaluate(() => document.querySelectorAll('section[id^="forschung-955"]').length)).toBe(1);

    // A slide added in the first file moves slide 955 to index 955: the deck stays on it.
    edit('0001-folien.md', (text) => `## Neu am Anfang\n\n---\n\n${text}`);
    await page.waitForFunction(() => window.Reveal.getIndices().h === 955, undefined, { timeout: 20_000 });
    expect(await shownHeading(page)).toBe('Forschung 955 bearbeitet');
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(SLIDES + 1);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.close();
  });
});
