/**
 * `deck present` end to end through the shipped deck: the relay started in-process on 127.0.0.1, a
 * phone-sized remote (390×844, touch) drives the desktop-sized presenter's deck; two audience pages
 * follow (slide, fragment, chart drawn, overview, blackout), one browses back and returns with its
 * button, a late joiner lands on the current slide; the presenter's page opened again resumes; the
 * relay restarted (`resume`, same port) is found again by every page; the audience's DOM holds no note.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import { CHART_SELECTOR, CHART_STEP_CLASS, CHART_VALUES_HOOK, DRAWN_ATTRIBUTE, NOTES_SELECTOR, READY_SELECTOR } from '../../src/page-contract.ts';
import { startPresentServer, type PresentServer } from '../../src/present/present-server.ts';
import type { TalkState } from '../../src/present/protocol.ts';
import { SHIPPED_DECK } from '../support/build-fixture.ts';

type Place = Omit<TalkState, 'timer'>;

const deck = compileFolder(SHIPPED_DECK);
/** The first words of each slide's notes, as the remote shows them (Markdown emphasis is only markup). */
const noteStart = deck.slides.map((slide) => slide.notesText.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim().slice(0, 40));
const CHART_SLIDE = deck.slides.findIndex((slide) => slide.id === '13-mrd-us-in-drei-schritten');
/** The first slide after the title that steps through fragments, and how many it has. */
const FRAGMENT_SLIDE = deck.slides.findIndex((slide, index) => index > 0 && /class="fragment"/.test(slide.html));
const FRAGMENTS = deck.slides[FRAGMENT_SLIDE]!.html.match(/class="fragment"/g)!.length;

const cacheRoot = mkdtempSync(join(tmpdir(), 'deck-present-pages-'));
let server: PresentServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startPresentServer({ slidesDir: SHIPPED_DECK, port: 0, cacheRoot }), launchChrome()]);
});

// Each test's pages go with it: a presenter's page left open would still follow the remote's commands.
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page in a context of its own, with the errors it reports. */
async function open(url: string, device: 'desktop' | 'phone'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(
    device === 'phone' ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 720 } },
  );
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(url);
  return { page, errors };
}

async function openDeckPage(url: string, device: 'desktop' | 'phone' = 'desktop'): Promise<{ page: Page; errors: string[] }> {
  const opened = await open(url, device);
  await opened.page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 20_000 });
  return opened;
}

async function openRemote(remoteUrl = server.urls.remote): Promise<Page> {
  const { page } = await open(remoteUrl, 'phone');
  await page.waitForSelector('.remote-view[data-connection="live"]', { timeout: 20_000 });
  return page;
}

const place = (page: Page): Promise<Place> =>
  page.evaluate(() => {
    const { h, v, f } = window.Reveal.getIndices();
    return { h, v, f: typeof f === 'number' ? f : -1, overview: window.Reveal.isOverview(), blackout: window.Reveal.isPaused() };
  });

const at = (h: number, f = -1, more: Partial<Place> = {}): Place => ({ h, v: 0, f, overview: false, blackout: false, ...more });

const text = (page: Page, selector: string) => page.$eval(selector, (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());

/** The data of the current slide's chart as its chart instance holds it (the series or points shown), once drawn; null before. */
const drawn = (page: Page) =>
  page.evaluate(
    ({ chart, drawn, hook }) => {
      const figure = document.querySelector(`section.present ${chart}`);
      return figure?.hasAttribute(drawn) ? (window[hook as 'deckChartValues']?.(figure)?.datasets.map((dataset) => dataset.data) ?? null) : null;
    },
    { chart: CHART_SELECTOR, drawn: DRAWN_ATTRIBUTE, hook: CHART_VALUES_HOOK },
  );

/** Moves the presenter's deck as its own keys would (reveal.js's API), and waits until it is there. */
async function presenterGoes(presenter: Page, h: number, f = -1): Promise<void> {
  await presenter.evaluate(({ h, f }) => window.Reveal.slide(h, 0, f), { h, f });
  await expect.poll(() => place(presenter)).toEqual(at(h, f));
}

describe('deck present', () => {
  it('a phone-sized remote drives the desktop deck: notes, next title, x / y, fragment steps, blackout, stopwatch', async () => {
    const { page: presenter, errors } = await openDeckPage(server.urls.presenter);
    await presenterGoes(presenter, FRAGMENT_SLIDE - 1);
    const remote = await openRemote();
    await expect.poll(() => text(remote, '.remote-position')).toBe(`Folie ${FRAGMENT_SLIDE} von ${deck.slides.length}`);
    expect(await text(remote, '.remote-notes')).toContain(noteStart[FRAGMENT_SLIDE - 1]);
    expect(await text(remote, '.remote-upcoming')).toBe(`Nächste Folie: ${deck.slides[FRAGMENT_SLIDE]!.title}`);

    // The targets are large, and Next is the largest.
    const size = (selector: string) => remote.$eval(selector, (element) => element.getBoundingClientRect()).then(({ width, height }) => ({ width, height }));
    const [prev, next] = [await size('.remote-prev'), await size('.remote-next')];
    expect(next.height).toBeGreaterThanOrEqual(88);
    expect(next.width).toBeGreaterThan(prev.width);

    await remote.tap('.remote-next');
    await expect.poll(() => place(presenter)).toEqual(at(FRAGMENT_SLIDE));
    await expect.poll(() => text(remote, '.remote-position')).toBe(`Folie ${FRAGMENT_SLIDE + 1} von ${deck.slides.length}`);
    expect(await text(remote, '.remote-step')).toBe(`Einblendung 0 von ${FRAGMENTS}`);
    expect(await text(remote, '.remote-notes')).toContain(noteStart[FRAGMENT_SLIDE]);
    expect(await text(remote, '.remote-upcoming')).toBe(`Nächste Folie: ${deck.slides[FRAGMENT_SLIDE + 1]!.title}`);

    await remote.tap('.remote-next');
    await remote.tap('.remote-next');
    await expect.poll(() => place(presenter)).toEqual(at(FRAGMENT_SLIDE, 1));
    await expect.poll(() => text(remote, '.remote-step')).toBe(`Einblendung 2 von ${FRAGMENTS}`);
    expect(await presenter.$$eval('section.present .fragment.visible', (items) => items.length)).toBe(2);
    await remote.tap('.remote-prev');
    await expect.poll(() => place(presenter)).toEqual(at(FRAGMENT_SLIDE, 0));
    await expect.poll(() => text(remote, '.remote-step')).toBe(`Einblendung 1 von ${FRAGMENTS}`);

    await remote.tap('.remote-blackout');
    await expect.poll(() => place(presenter)).toEqual(at(FRAGMENT_SLIDE, 0, { blackout: true }));
    await remote.waitForSelector('.remote-blackout[aria-pressed="true"]');
    await remote.tap('.remote-blackout');
    await expect.poll(() => place(presenter)).toEqual(at(FRAGMENT_SLIDE, 0));

    // The stopwatch is the talk's: paused from the phone, it is paused in the presenter's state and in the speaker view.
    const { page: speaker } = await open(`${server.urls.presenter}?speaker`, 'desktop');
    await speaker.waitForSelector('.speaker-remote-qr');
    await remote.waitForSelector('.remote-timer-toggle[data-running="true"]');
    await remote.tap('.remote-timer-toggle');
    await remote.waitForSelector('.remote-timer-toggle[data-running="false"]');
    await speaker.waitForSelector('.speaker-timer-toggle[data-running="false"]');
    const stopped = await text(remote, '.remote-elapsed');
    await presenter.waitForTimeout(1100);
    expect(await text(remote, '.remote-elapsed')).toBe(stopped);
    await speaker.click('.speaker-timer-toggle');
    await remote.waitForSelector('.remote-timer-toggle[data-running="true"]');

    // The speaker view shows the remote's QR code (drawn by the server) for pairing the phone.
    await speaker.click('.speaker-remote-qr');
    await speaker.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('.speaker-qr-dialog[open] img');
      return image?.complete && image.naturalWidth > 0;
    });
    expect(await speaker.$eval('.speaker-qr-dialog a', (link) => link.textContent)).toBe(server.urls.remote);
    expect(errors).toEqual([]);
  });

  it('the remote fits a phone held upright or sideways, its notes scroll, the page does not', async () => {
    // Without the presenter's deck open, the remote says so.
    const { page: alone } = await open(server.urls.remote, 'phone');
    await alone.waitForSelector('.remote-view[data-connection="no-presenter"]');
    expect(await text(alone, '.remote-connection')).toBe('Präsentation nicht verbunden – bitte das Fenster der Präsentation geöffnet lassen.');
    const { page: presenter } = await openDeckPage(server.urls.presenter);
    await alone.waitForSelector('.remote-view[data-connection="live"]');
    const remote = await openRemote();
    // The slide with the longest notes.
    const longest = noteStart.reduce((best, _start, index) => (deck.slides[index]!.notesText.length > deck.slides[best]!.notesText.length ? index : best), 0);
    await presenterGoes(presenter, longest);
    await expect.poll(() => text(remote, '.remote-position')).toBe(`Folie ${longest + 1} von ${deck.slides.length}`);
    for (const viewport of [{ width: 390, height: 844 }, { width: 844, height: 390 }]) {
      await remote.setViewportSize(viewport);
      const layout = await remote.evaluate(() => {
        const inView = (selector: string) => {
          const box = document.querySelector(selector)!.getBoundingClientRect();
          return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight + 0.5 && box.right <= window.innerWidth + 0.5 && box.height > 40;
        };
        const notes = document.querySelector<HTMLElement>('.remote-notes')!;
        return {
          next: inView('.remote-next'),
          prev: inView('.remote-prev'),
          notes: inView('.remote-notes'),
          notesScroll: notes.scrollHeight > notes.clientHeight && getComputedStyle(notes).overflowY === 'auto',
          pageScrolls: document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth,
        };
      });
      expect(layout, `${viewport.width}×${viewport.height}`).toEqual({ next: true, prev: true, notes: true, notesScroll: true, pageScrolls: false });
    }
  });

  it('two audience pages, desktop and phone, follow: slide, fragment, chart drawn, overview, blackout; one browses back and returns; no note in their DOM', async () => {
    const { page: presenter } = await openDeckPage(server.urls.presenter);
    await presenterGoes(presenter, 0);
    // One on a desktop, one on a phone (which follows in the projector's paged view, not the narrow screen's scroll view).
    const audience = [await openDeckPage(server.urls.audience), await openDeckPage(server.urls.audience, 'phone')];
    const [first, second] = audience.map((opened) => opened.page) as [Page, Page];
    const bothAt = async (expected: Place) => {
      await expect.poll(() => place(first)).toEqual(expected);
      await expect.poll(() => place(second)).toEqual(expected);
    };
    await bothAt(at(0));

    await presenterGoes(presenter, FRAGMENT_SLIDE, 2);
    await bothAt(at(FRAGMENT_SLIDE, 2));
    expect(await second.$$eval('section.present .fragment.visible', (items) => items.length)).toBe(3);

    // The chart is drawn on each screen with the presenter's data.
    await presenterGoes(presenter, CHART_SLIDE);
    await bothAt(at(CHART_SLIDE));
    await expect.poll(() => drawn(presenter), { timeout: 15_000 }).not.toBeNull();
    const values = await drawn(presenter);
    await expect.poll(() => drawn(first), { timeout: 15_000 }).toEqual(values);
    await expect.poll(() => drawn(second), { timeout: 15_000 }).toEqual(values);

    await presenter.keyboard.press('o');
    await bothAt(at(CHART_SLIDE, -1, { overview: true }));
    await presenter.keyboard.press('o');
    await bothAt(at(CHART_SLIDE));
    await presenter.keyboard.press('b');
    await bothAt(at(CHART_SLIDE, -1, { blackout: true }));
    await presenter.keyboard.press('b');
    await bothAt(at(CHART_SLIDE));

    // A viewer browses back: they stay there while the talk goes on, with a way back to live.
    const backToLive = (page: Page) => page.$eval('.deck-back-to-live', (button) => !(button as HTMLButtonElement).hidden && button.getBoundingClientRect().height > 0);
    expect(await backToLive(first)).toBe(false);
    await first.keyboard.press('ArrowLeft');
    await expect.poll(() => backToLive(first)).toBe(true);
    expect(await text(first, '.deck-back-to-live')).toBe('Zurück zur Live-Folie');
    const browsed = await place(first);
    await presenterGoes(presenter, CHART_SLIDE + 1);
    await expect.poll(() => place(second)).toEqual(at(CHART_SLIDE + 1));
    expect(await place(first)).toEqual(browsed);
    await first.click('.deck-back-to-live');
    await expect.poll(() => place(first)).toEqual(at(CHART_SLIDE + 1));
    expect(await backToLive(first)).toBe(false);
    await presenterGoes(presenter, CHART_SLIDE + 2);
    await bothAt(at(CHART_SLIDE + 2));

    // A late joiner lands on the current slide.
    const { page: late } = await openDeckPage(server.urls.audience);
    await expect.poll(() => place(late)).toEqual(at(CHART_SLIDE + 2));

    // No note in what the audience's browser holds, not even hidden: neither in its text nor in its markup.
    const pageText = (page: Page) => page.evaluate(() => (document.documentElement.textContent ?? '').replace(/\s+/g, ' '));
    const notes = noteStart.filter(Boolean).map((start) => start.slice(0, 24));
    for (const page of [first, second, late]) {
      const [html, shown] = [await page.content(), await pageText(page)];
      expect(await page.$$(NOTES_SELECTOR)).toEqual([]);
      for (const note of notes) expect(html.includes(note) || shown.includes(note), note).toBe(false);
    }
    // The presenter's deck has them (the check above can find notes).
    const presenterText = await pageText(presenter);
    expect(notes.filter((note) => !presenterText.includes(note))).toEqual([]);
    for (const { errors } of audience) expect(errors).toEqual([]);
  });

  it('the presenter’s page opened again resumes where the talk was', async () => {
    const { page: presenter } = await openDeckPage(server.urls.presenter);
    await presenterGoes(presenter, FRAGMENT_SLIDE + 1, 1);
    await presenter.context().close();
    // Opened anew, without the slide in its URL: the relay tells it where the talk was.
    const { page: again } = await openDeckPage(server.urls.presenter);
    await expect.poll(() => place(again)).toEqual(at(FRAGMENT_SLIDE + 1, 1));
  });

  it('after the relay restarts (resume, same port) every page reconnects by itself and shows the current state', async () => {
    const { page: presenter } = await openDeckPage(server.urls.presenter);
    await presenterGoes(presenter, 2);
    const remote = await openRemote();
    const { page: viewer } = await openDeckPage(server.urls.audience);
    await expect.poll(() => place(viewer)).toEqual(at(2));
    await expect.poll(() => text(remote, '.remote-position')).toBe(`Folie 3 von ${deck.slides.length}`);

    const { port } = server.address;
    await server.close();
    await remote.waitForSelector('.remote-view[data-connection="waiting"]');
    expect(await text(remote, '.remote-connection')).toBe('Verbindung unterbrochen – verbinde neu …');
    // A viewer is told too, once the drop lasts.
    await viewer.waitForSelector('.deck-live-status', { state: 'visible' });
    // The talk goes on while the relay is away.
    await presenter.keyboard.press('PageDown');
    await presenter.keyboard.press('PageDown');
    await expect.poll(() => place(presenter)).toEqual(at(2, 1));
    await presenterGoes(presenter, 4);
    server = await startPresentServer({ slidesDir: SHIPPED_DECK, port, cacheRoot, resume: true });

    await remote.waitForSelector('.remote-view[data-connection="live"]', { timeout: 15_000 });
    await expect.poll(() => text(remote, '.remote-position'), { timeout: 15_000 }).toBe(`Folie 5 von ${deck.slides.length}`);
    await expect.poll(() => place(viewer), { timeout: 15_000 }).toEqual(at(4));
    await viewer.waitForSelector('.deck-live-status', { state: 'hidden' });
    expect(await place(presenter)).toEqual(at(4));
    // And it steers again.
    await remote.tap('.remote-next');
    await expect.poll(() => place(presenter)).toEqual(at(5));
    await expect.poll(() => place(viewer)).toEqual(at(5));
  });
});

describe('deck present with a chart built up in steps', () => {
  it('the audience sees each step the remote steps to, drawn as on the presenter’s screen', async () => {
    const slide = deck.slides.findIndex((entry) => entry.html.includes(CHART_STEP_CLASS));
    expect(slide).toBeGreaterThan(0);
    const { page: presenter } = await openDeckPage(server.urls.presenter);
    await presenterGoes(presenter, slide);
    const remote = await openRemote();
    const { page: viewer } = await openDeckPage(server.urls.audience);
    const steps = await presenter.$$eval('section.present .fragment', (fragments) => fragments.length);
    expect(steps).toBeGreaterThanOrEqual(1);

    const seen: unknown[] = [];
    for (let f = -1; f < steps; f++) {
      if (f >= 0) await remote.tap('.remote-next');
      await expect.poll(() => place(presenter)).toEqual(at(slide, f));
      await expect.poll(() => place(viewer)).toEqual(at(slide, f));
      await expect.poll(() => text(remote, '.remote-step')).toBe(`Einblendung ${f + 1} von ${steps}`);
      await expect.poll(() => drawn(presenter), { timeout: 15_000 }).not.toBeNull();
      const values = await drawn(presenter);
      await expect.poll(() => drawn(viewer), { timeout: 15_000 }).toEqual(values);
      seen.push(values);
    }
    // The chart grew with each step.
    expect(new Set(seen.map((values) => JSON.stringify(values))).size).toBe(steps + 1);
  });
});
