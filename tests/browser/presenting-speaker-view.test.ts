/**
 * The speaker view on the built deck: opened with `S`, it shows the current
 * slide's notes (Markdown rendered), the next slide's title and previews of
 * both, a stopwatch and pacing; it follows the deck and steers it. A blocked
 * window is reported in the deck with a link. The speaker view's code stays
 * out of what the first slide loads.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureFirstSlide, measureTotal } from '../../bench/measure-bytes.ts';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { READY_ATTRIBUTE, READY_SELECTOR } from '../../src/page-contract.ts';

const FIXTURE = new URL('../fixtures/presenting-deck', import.meta.url).pathname;

let browser: Browser;
let server: StaticServer;
let dist: string;

beforeAll(async () => {
  dist = await buildFixture(FIXTURE);
  server = await serveStatic(dist);
  // Playwright turns popup blocking off by default; keep Chromium's own so a blocked window can be tested.
  // Only the desktop browser has a popup blocker (the headless shell opens every window).
  browser = await launchChrome(undefined, { desktopWithPopupBlocker: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the deck in a context of its own (the speaker window opens in the same context). */
async function openIn(context: BrowserContext, url: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 15_000 });
  return { page, consoleErrors };
}

async function openSpeaker(page: Page, context: BrowserContext): Promise<Page> {
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await popup.setViewportSize({ width: 1280, height: 800 });
  await popup.waitForSelector('.speaker-view[data-connected]', { timeout: 10_000 });
  return popup;
}

const notesText = (popup: Page) => popup.$eval('.speaker-notes', (e) => e.textContent ?? '');
const nextTitle = (popup: Page) => popup.$eval('.speaker-next-title', (e) => e.textContent ?? '');
/** The slide shown in one of the speaker view's preview frames. */
const frameSlide = (popup: Page, which: 'current' | 'upcoming') =>
  popup.$eval(
    `.speaker-${which} iframe`,
    (frame, ready) => {
      const view = (frame as HTMLIFrameElement).contentWindow as (Window & { Reveal?: { getCurrentSlide(): HTMLElement } }) | null;
      return view?.document.documentElement.hasAttribute(ready) ? (view.Reveal?.getCurrentSlide().id ?? '') : '';
    },
    READY_ATTRIBUTE,
  );

describe('speaker view', () => {
  it('opens on S and follows the deck both ways', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, consoleErrors } = await openIn(context, `${server.url}#/praesentieren-ueben`);
    const popup = await openSpeaker(page, context);
    expect(new URL(popup.url()).search).toBe('?speaker');
    await popup.waitForFunction(() => document.querySelector('.speaker-notes')?.textContent?.includes('Begrüßung'));
    expect(await popup.$eval('.speaker-notes strong', (e) => e.textContent)).toBe('Langsam');
    expect(await nextTitle(popup)).toBe('Nächste Folie: Agenda');
    expect(await popup.$eval('.speaker-position', (e) => e.textContent)).toBe('Folie 1 von 8');

    // The deck moves: the speaker view follows, previews included.
    await page.keyboard.press('PageDown');
    await popup.waitForFunction(() => document.querySelector('.speaker-notes')?.textContent?.includes('Die Agenda hat drei Punkte'));
    expect(await popup.$$eval('.speaker-notes ol li', (items) => items.length)).toBe(3);
    expect(await nextTitle(popup)).toBe('Nächste Folie: Zahlen');
    await expect.poll(() => frameSlide(popup, 'current'), { timeout: 10_000 }).toBe('agenda');
    await expect.poll(() => frameSlide(popup, 'upcoming'), { timeout: 10_000 }).toBe('zahlen');

    // Fragments: the caption counts them, the deck keeps its place.
    await page.keyboard.press('ArrowRight');
    await popup.waitForFunction(() => document.querySelector('.speaker-current figcaption')?.textContent?.includes('Einblendung 1 von 3'));

    // The speaker view steers the deck: clicker keys in its window.
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.Reveal.getCurrentSlide().id === 'zahlen');
    await popup.waitForFunction(() => document.querySelector('.speaker-notes')?.textContent?.includes('13 Mrd. US-$'));
    expect(await nextTitle(popup)).toBe('Nächste Folie: Lange Notizen');
    await popup.keyboard.press('PageUp');
    await page.waitForFunction(() => window.Reveal.getIndices().h === 1);

    // Buttons too (mouse, touch).
    await popup.click('.speaker-next');
    await page.waitForFunction(() => window.Reveal.getCurrentSlide().id === 'zahlen');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps the next slide in view beside long, large, scrollable notes, and paces against data-timing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page } = await openIn(context, `${server.url}#/lange-notizen`);
    const popup = await openSpeaker(page, context);
    await popup.waitForFunction(() => document.querySelector('.speaker-notes')?.textContent?.includes('Absatz acht'));

    const layout = await popup.evaluate(() => {
      const notes = document.querySelector<HTMLElement>('.speaker-notes')!;
      const next = document.querySelector('.speaker-upcoming iframe')!.getBoundingClientRect();
      return {
        scrollable: notes.scrollHeight > notes.clientHeight,
        overflow: getComputedStyle(notes).overflowY,
        fontSize: Number.parseFloat(getComputedStyle(notes).fontSize),
        nextVisible: next.top >= 0 && next.bottom <= window.innerHeight && next.height > 100,
        pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
      };
    });
    expect(layout).toEqual({ scrollable: true, overflow: 'auto', fontSize: expect.any(Number), nextVisible: true, pageScrolls: false });
    expect(layout.fontSize).toBeGreaterThanOrEqual(24);

    // Scrolling the notes moves neither the page nor the previews.
    await popup.$eval('.speaker-notes', (e) => e.scrollTo(0, e.scrollHeight));
    expect(await popup.$eval('.speaker-upcoming iframe', (e) => e.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);

    await popup.click('.speaker-larger');
    expect(await popup.$eval('.speaker-notes', (e) => Number.parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThan(layout.fontSize);

    // Slide 4 is planned to start after 20 + 60 + 90 s: a fresh stopwatch is ahead of plan.
    expect(await popup.$eval('.speaker-pacing', (e) => [e.getAttribute('data-status'), e.textContent])).toEqual(['ahead', expect.stringMatching(/^2:\d\d voraus$/)]);
    expect(await popup.$eval('.speaker-slide-time', (e) => e.textContent)).toMatch(/^0:0\d \/ 0:45$/);
    expect(await popup.$eval('.speaker-clock', (e) => e.textContent)).toMatch(/^\d\d:\d\d$/);
    expect(await popup.$eval('.speaker-elapsed', (e) => e.textContent)).toMatch(/^0:0\d$/);
    await popup.click('.speaker-timer-toggle');
    expect(await popup.$eval('.speaker-timer-toggle', (e) => e.getAttribute('aria-label'))).toBe('Stoppuhr fortsetzen');

    // Blackout from the speaker view darkens the room, and the speaker view shows it.
    await popup.keyboard.press('b');
    await page.waitForFunction(() => window.Reveal.isPaused());
    await popup.waitForSelector('.speaker-blackout[aria-pressed="true"]');
    await popup.keyboard.press('b');
    await page.waitForFunction(() => !window.Reveal.isPaused());
    await context.close();
  });

  it('picks the deck up again after the deck window reloads', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page } = await openIn(context, `${server.url}#/zahlen`);
    const popup = await openSpeaker(page, context);
    await page.reload();
    await page.waitForSelector(READY_SELECTOR, { state: 'attached' });
    await popup.waitForSelector('.speaker-view[data-connected]');
    await page.keyboard.press('ArrowRight');
    await popup.waitForFunction(() => document.querySelector('.speaker-next-title')?.textContent === 'Nächste Folie: Stapel oben');
    await context.close();
  });

  it('says so in the deck, with a link, when the browser blocks the window', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // An `S` pressed by script on page load is no user gesture, so Chromium blocks the window it
    // opens. (Playwright's own evaluate() counts as a gesture, hence the init script.)
    await context.addInitScript(() =>
      document.addEventListener('deck:ready', () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 's', keyCode: 83, bubbles: true }))),
    );
    let dialogs = 0;
    context.on('dialog', (dialog) => (dialogs++, void dialog.dismiss()));
    const { page } = await openIn(context, `${server.url}#/agenda`);
    const notice = page.locator('.deck-popup-blocked[role="alert"]');
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.textContent()).toContain('blockiert');
    expect(context.pages()).toHaveLength(1);
    expect(dialogs).toBe(0);

    // The link opens the speaker view in a tab, which finds the deck without window.opener.
    const link = notice.locator('a');
    expect(await link.getAttribute('href')).toMatch(/\?speaker$/);
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await tab.waitForSelector('.speaker-view[data-connected]', { timeout: 10_000 });
    expect(await nextTitle(tab)).toBe('Nächste Folie: Zahlen');
    expect(await notesText(tab)).toContain('Die Agenda hat drei Punkte');
    await notice.waitFor({ state: 'detached' });
    await context.close();
  });

  it("opens through reveal.js's notes plugin API, as scripts and tools call it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page } = await openIn(context, server.url);
    expect(await page.evaluate(() => window.Reveal.hasPlugin('notes'))).toBe(true);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.evaluate(() => (window.Reveal.getPlugin('notes') as unknown as { open(): void }).open()),
    ]);
    await popup.waitForSelector('.speaker-view[data-connected]', { timeout: 10_000 });
    await popup.waitForFunction(() => document.querySelector('.speaker-notes')?.textContent?.includes('Begrüßung'));
    await context.close();
  });

  it('keeps the speaker view out of what the first slide loads', () => {
    const first = measureFirstSlide(dist).files.map((file) => file.path);
    const all = measureTotal(dist).files.map((file) => file.path);
    expect(all.some((path) => /speaker-view.*\.js$/.test(path))).toBe(true);
    expect(first.filter((path) => /speaker-view|popup-blocked|help-overlay/.test(path))).toEqual([]);
  });
});
