/**
 * The deck speaks its `lang`: an English deck shows its controls, help
 * overlay, speaker view, popup-blocked notice, chart errors and handout in
 * English, with no text of the German dictionary left (so a string still
 * written into the runtime fails here); a German deck stays German.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDeck } from '../../src/export/export-deck.ts';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { READY_SELECTOR } from '../../src/page-contract.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { de } from '../../src/strings/de.ts';
import { en } from '../../src/strings/en.ts';
import type { Strings } from '../../src/strings/strings.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { collapse, readPdf } from '../support/pdf-reader.ts';

const ENGLISH_DECK = new URL('../fixtures/english-deck', import.meta.url).pathname;
const GERMAN_DECK = new URL('../fixtures/presenting-deck', import.meta.url).pathname;

let browser: Browser;
let english: StaticServer;
let german: StaticServer;

beforeAll(async () => {
  const [englishDist, germanDist] = [await buildFixture(ENGLISH_DECK), await buildFixture(GERMAN_DECK)];
  [english, german] = await Promise.all([serveStatic(englishDist), serveStatic(germanDist)]);
  // The desktop browser, with its popup blocker on, so the blocked-window notice can be shown.
  browser = await launchChrome(undefined, { desktopWithPopupBlocker: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([english?.close(), german?.close()]);
});

/**
 * The words of one dictionary that the other does not share, as whole-word patterns: each value
 * split at its placeholders (`Folie {slide} von {total}` → `Folie`, `von`).
 */
function foreignWords(own: Strings, other: Strings): RegExp[] {
  const shared = new Set(Object.values(own));
  const pieces = Object.values(other)
    .filter((value) => !shared.has(value))
    .flatMap((value) => value.split(/\{\w+\}/))
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= 3 && !shared.has(piece));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...new Set(pieces)].map((piece) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(piece)}(?![\\p{L}\\p{N}])`, 'u'));
}

/** Everything a person sees or hears from the page's interface: visible text, labels, titles, placeholders. */
const interfaceTexts = (page: Page, selector: string) =>
  page.$$eval(selector, (roots) =>
    roots.flatMap((root) => [
      (root as HTMLElement).innerText,
      ...[root, ...root.querySelectorAll('*')].flatMap((element) =>
        ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? '').filter(Boolean),
      ),
    ]),
  );

function leftovers(texts: string[], patterns: RegExp[]): string[] {
  return texts.flatMap((text) => patterns.filter((pattern) => pattern.test(text)).map((pattern) => `${pattern.source} in "${text.slice(0, 80)}"`));
}

async function openDeck(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 15_000 });
  return page;
}

async function openSpeaker(page: Page, context: BrowserContext): Promise<Page> {
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await popup.setViewportSize({ width: 1280, height: 800 });
  await popup.waitForSelector('.speaker-view[data-connected]', { timeout: 10_000 });
  return popup;
}

/** The deck's own interface: the controls, reveal.js's arrows, the help overlay, chart captions, the jump field. */
async function deckInterface(page: Page, strings: Strings): Promise<string[]> {
  await page.keyboard.press('?');
  await page.waitForSelector('.deck-help[role="dialog"]');
  expect(await page.$eval('#deck-help-title', (e) => e.textContent)).toBe(strings.helpTitle);
  const texts = await interfaceTexts(page, '.deck-controls-bar, .reveal .controls, .deck-help, .deck-chart figcaption');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.deck-help', { state: 'detached' });
  await page.keyboard.press('g');
  await page.waitForSelector('.jump-to-slide-input');
  texts.push(await page.$eval('.jump-to-slide-input', (e) => (e as HTMLInputElement).placeholder));
  await page.keyboard.press('Escape');
  return texts;
}

/** The speaker view on a slide with fragments and timing, so the step caption and pacing are shown. */
async function speakerInterface(page: Page, context: BrowserContext, strings: Strings): Promise<string[]> {
  const popup = await openSpeaker(page, context);
  await popup.waitForFunction((caption) => document.querySelector('.speaker-current .speaker-caption')?.textContent?.startsWith(caption), strings.speakerCurrent);
  await popup.waitForFunction(() => document.querySelector('.speaker-pacing')?.textContent !== '');
  return [await popup.title(), ...(await interfaceTexts(popup, 'body'))];
}

describe('an English deck', () => {
  const german = foreignWords(en, de);

  it('is English in <html lang>, its controls, arrows, help overlay and fields', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openDeck(context, `${english.url}#/agenda`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const texts = await deckInterface(page, en);
    expect(texts).toContain(en.helpButton);
    expect(texts).toContain(en.jumpPlaceholder);
    expect(texts.join('\n')).toContain(`${en.chartSource}: Our own count`);
    expect(leftovers(texts, german)).toEqual([]);
    await context.close();
  });

  it('has an English speaker view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openDeck(context, `${english.url}#/agenda`);
    const texts = await speakerInterface(page, context, en);
    expect(texts.join('\n')).toContain('Slide 2 of 4');
    expect(texts.join('\n')).toContain('Next slide: Figures');
    expect(leftovers(texts, german)).toEqual([]);
    await context.close();
  });

  it('says in English that the browser blocked the speaker window', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // An `S` pressed by script on page load is no user gesture, so Chromium blocks the window it opens.
    await context.addInitScript(() =>
      document.addEventListener('deck:ready', () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 's', keyCode: 83, bubbles: true }))),
    );
    const page = await openDeck(context, english.url);
    await page.waitForSelector('.deck-popup-blocked[role="alert"]', { timeout: 5000 });
    const texts = await interfaceTexts(page, '.deck-popup-blocked');
    expect(texts.join('\n')).toContain(en.popupOpenInTab);
    expect(leftovers(texts, german)).toEqual([]);
    await context.close();
  });

  it('explains a chart that cannot be drawn in English', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openDeck(context, english.url);
    // The chart of a later slide is drawn when its slide is shown: spoil its data before that.
    await page.$eval('#figures script.deck-chart-spec', (script) => (script.textContent = '{'));
    await page.evaluate(() => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(2));
    const error = await page.waitForSelector('#figures .deck-chart-error');
    const text = (await error.textContent()) ?? '';
    expect(text.startsWith(en.chartError.replace('{message}', ''))).toBe(true);
    expect(leftovers([text], german)).toEqual([]);
    await context.close();
  });
});

describe('an English handout', () => {
  it('labels its slides and empty notes in English', async () => {
    const out = join(exportTempDir(), 'dist');
    await exportDeck({ slidesDir: ENGLISH_DECK, out, notes: true });
    const file = readdirSync(out).find((name) => name.endsWith('-notes.pdf'))!;
    const text = collapse((await readPdf(join(out, file))).text.join(' '));
    expect(text).toContain('Slide 3 of 4');
    // The chart slide has no notes.
    expect(text).toContain(en.noNotes);
    expect(leftovers([text], foreignWords(en, de))).toEqual([]);
  });
});

describe('a German deck', () => {
  const english = foreignWords(de, en);

  it('keeps its controls, help overlay and speaker view German', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openDeck(context, `${german.url}#/agenda`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    const texts = await deckInterface(page, de);
    expect(texts).toContain(de.helpButton);
    expect(texts).toContain(de.arrowNext);
    const speaker = await speakerInterface(page, context, de);
    expect(speaker.join('\n')).toContain('Folie 2 von 8');
    expect(leftovers([...texts, ...speaker], english)).toEqual([]);
    await context.close();
  });
});
