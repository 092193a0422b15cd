/**
 * A generated 1,000-slide deck (every 10th slide a chart), built once and served: the page is ready with
 * its first slides and appends the others from their file after; the last slide, a chart on slide 900
 * (opened by its number or its name) and the speaker view work although the page carries most slide
 * bodies as data; `deck check` goes over the later slides; on the dev server, edits land on the right
 * slide. No timings here: those are the bench's.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDeck } from '../../bench/generate-deck.ts';
import { BYTE_BUDGETS, measureFirstSlide } from '../../bench/measure-bytes.ts';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { CHART_SELECTOR, DEFERRED_BODY_CLASS, DRAWN_ATTRIBUTE, EVERY_SLIDE_ATTRIBUTE, EVERY_SLIDE_SELECTOR, NOTES_SELECTOR, READY_ATTRIBUTE, READY_SELECTOR } from '../../src/page-contract.ts';
import { EAGER_SLIDES } from '../../src/compiler/render-sections.ts';
import { runCheck } from '../../src/check/run-check.ts';
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

interface AtReady {
  sections: number;
  slideNumber: string;
  everySlide: boolean;
}

// Runs before the page's scripts: what the page held at the moment it reported ready.
const RECORD_AT_READY = `(() => {
  const observer = new MutationObserver(() => {
    const html = document.documentElement;
    if (!html?.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)})) return;
    observer.disconnect();
    window.__atReady = {
      sections: document.querySelectorAll('.reveal .slides section:not(.stack)').length,
      slideNumber: document.querySelector('.reveal .slide-number')?.textContent?.replace(/\\s+/g, '') ?? '',
      everySlide: html.hasAttribute(${JSON.stringify(EVERY_SLIDE_ATTRIBUTE)}),
    };
  });
  observer.observe(document, { attributes: true, subtree: true });
})();`;

async function open(url: string): Promise<{ page: Page; errors: string[]; atReady: AtReady }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(RECORD_AT_READY);
  await page.goto(url);
  await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 30_000 });
  const atReady = (await page.evaluate(() => (window as unknown as { __atReady: AtReady }).__atReady)) as AtReady;
  await page.waitForSelector(EVERY_SLIDE_SELECTOR, { state: 'attached', timeout: 30_000 });
  return { page, errors, atReady };
}

const shownHeading = (page: Page) => page.evaluate(() => window.Reveal.getCurrentSlide()?.querySelector('h2')?.textContent ?? '');

describe('a 1,000-slide deck, built', () => {
  it('makes the first slide wait for no more JS, CSS and inline JSON than the byte budget', () => {
    const first = measureFirstSlide(dist);
    // The slides' entries are in the page too, but read only after ready.
    expect(first.slideIndex).toBeGreaterThan(first.inlineJson);
    expect(first.jsCss + first.inlineJson).toBeLessThanOrEqual(BYTE_BUDGETS.firstSlideWithData);
  });

  it('is ready with its first slides, counting the whole deck, and appends the others from their file after', async () => {
    // The page itself carries the first slides; the others are a file beside it.
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html.match(/<section[ >]/g)).toHaveLength(EAGER_SLIDES);
    expect(html).not.toContain(`id="regulierung-900"`);
    const [later] = readdirSync(join(dist, 'assets')).filter((name) => /^later-slides-[0-9a-f]+\.html$/.test(name));
    expect(readFileSync(join(dist, 'assets', later!), 'utf8')).toContain(`id="regulierung-900"`);

    const { page, errors, atReady } = await open(server.url);
    expect(atReady).toEqual({ sections: EAGER_SLIDES, slideNumber: `1/${SLIDES}`, everySlide: false });
    expect(await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').length)).toBe(SLIDES);
    expect(await page.evaluate(() => document.querySelector('.reveal .progress')?.checkVisibility({ visibilityProperty: true }))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so, and keeps its first slides, when the later slides cannot be loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const messages: string[] = [];
    page.on('console', (message) => message.type() === 'error' && messages.push(message.text()));
    await page.route('**/later-slides-*.html', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(server.url);
    await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 30_000 });
    await expect.poll(() => messages.join('\n')).toMatch(/later slides \(assets\/later-slides-[0-9a-f]+\.html\) could not be loaded: HTTP 404/);
    // The deck goes on with what it has: End shows the last of its first slides.
    await page.keyboard.press('End');
    await page.waitForFunction((last) => window.Reveal.getIndices().h === last, EAGER_SLIDES - 1);
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe(`infrastruktur-${EAGER_SLIDES}`);
    expect(await page.evaluate((every) => document.documentElement.hasAttribute(every), EVERY_SLIDE_ATTRIBUTE)).toBe(false);
    await page.close();
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

  it('opens slide 900 by its name, with every slide from the start', async () => {
    const { page, errors, atReady } = await open(`${server.url}#/regulierung-900`);
    expect(atReady).toEqual({ sections: SLIDES, slideNumber: `900/${SLIDES}`, everySlide: true });
    expect(await shownHeading(page)).toBe('Regulierung 900');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the chart of slide 900, opened by its link', async () => {
    const { page, errors, atReady } = await open(`${server.url}#/899`);
    expect(atReady.sections).toBe(SLIDES);
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

describe('deck check on a deck with later slides', () => {
  it('goes over the slides the page appends after ready', async () => {
    // EAGER_SLIDES + 1 generated slides and one that overflows: the last two are in the later slides' file.
    const dir = writeDeck(join(work, 'check-slides'), { slides: EAGER_SLIDES + 1, chartEvery: 0 });
    cpSync(join(import.meta.dirname, '../fixtures/check/overflow/01-zu-lang.md'), join(dir, 'zz-zu-lang.md'));
    const report = await runCheck({ slidesDir: dir }, { browser });
    expect(report.slides).toBe(EAGER_SLIDES + 2);
    expect(report.diagnostics.map((d) => `${d.file.split('/').at(-1)}:${d.line} ${d.code}`)).toEqual(['zz-zu-lang.md:13 overflow']);
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
