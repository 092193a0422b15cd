/**
 * Presenting the built deck in Chromium: fullscreen by key and by button,
 * letterboxed scaling to any screen, clicker keys and blackout, overview,
 * search, jump to slide, the help overlay, and the reading view on phones
 * with charts drawn as they scroll in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDeck, paintedPixels } from '../support/deck-page.ts';
import { serveBuiltDeck } from '../support/served-deck.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE } from '../../src/page-contract.ts';

const FIXTURE = new URL('../fixtures/presenting-deck', import.meta.url).pathname;

const served = serveBuiltDeck(FIXTURE);

const currentId = (page: Page) => page.evaluate(() => window.Reveal.getCurrentSlide().id);

describe('fullscreen', () => {
  it('toggles with F and with the visible control', async () => {
    const { page, consoleErrors } = await openDeck(served.browser, served.url);
    const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === null);

    const button = page.locator('button.deck-fullscreen');
    // The label follows `fullscreenchange`, which fires a frame after the state changes.
    await expect.poll(() => button.getAttribute('aria-label')).toBe('Vollbild (F)');
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await button.click();
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await expect.poll(() => button.getAttribute('aria-label')).toBe('Vollbild beenden (F)');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await button.click();
    await page.waitForFunction(() => document.fullscreenElement === null);
    expect(await fullscreen()).toBe(false);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('keeps the controls unobtrusive: they fade out while the pointer rests and return on movement', async () => {
    const { page } = await openDeck(served.browser, served.url);
    const bar = page.locator('.deck-controls-bar');
    await page.waitForFunction(() => document.querySelector('.deck-controls-bar')?.classList.contains('is-idle'), null, { timeout: 5000 });
    await expect.poll(() => bar.evaluate((e) => getComputedStyle(e).opacity)).toBe('0');
    await page.mouse.move(300, 300);
    expect(await bar.evaluate((e) => e.classList.contains('is-idle'))).toBe(false);
    await page.close();
  });

  it('draws charts with as many canvas pixels as the scaled slide shows, also after the window grows', async () => {
    const { page } = await openDeck(served.browser, `${served.url}#/zahlen`);
    const density = () =>
      page.$eval(`section#zahlen ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}] canvas`, (canvas) => {
        const c = canvas as HTMLCanvasElement;
        return c.width / c.getBoundingClientRect().width;
      });
    await page.waitForSelector(`section#zahlen ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`);
    // Canvas pixels per screen pixel (the rectangle includes reveal.js's scaling): at least one.
    expect(await density()).toBeGreaterThanOrEqual(0.99);
    // On a 1920×1080 projector the slide is scaled 1.44×: an unchanged canvas would be upscaled (0.69).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => page.evaluate(() => window.Reveal.getScale())).toBeGreaterThan(1.4);
    await expect.poll(density, { timeout: 3000 }).toBeGreaterThanOrEqual(0.99);
    await page.close();
  });

  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }, { width: 2560, height: 1080 }, { width: 800, height: 1280 }]) {
    it(`scales the slide to ${viewport.width}×${viewport.height}, letterboxed and centred, with sharp text`, async () => {
      const { page } = await openDeck(served.browser, served.url, viewport);
      const fit = await page.evaluate(() => {
        const slides = document.querySelector<HTMLElement>('.reveal .slides')!;
        const rect = slides.getBoundingClientRect();
        const scale = window.Reveal.getScale();
        const style = getComputedStyle(slides);
        return { rect: { left: rect.left, top: rect.top, width: rect.width, height: rect.height }, scale, willChange: style.willChange, zoom: slides.style.zoom, transform: style.transform };
      });
      const { rect } = fit;
      // reveal.js sizes `.slides` at 1280×720 and scales it; zoom (crisp layout) or a transform.
      const width = fit.zoom ? rect.width * Number(fit.zoom) : rect.width;
      const height = fit.zoom ? rect.height * Number(fit.zoom) : rect.height;
      expect(width / height).toBeCloseTo(16 / 9, 2);
      expect(fit.scale).toBeCloseTo(Math.min(viewport.width / (1280 * 1.04), viewport.height / (720 * 1.04)), 2);
      // Centred and inside the screen: the rest is letterbox.
      const left = fit.zoom ? rect.left * Number(fit.zoom) : rect.left;
      const top = fit.zoom ? rect.top * Number(fit.zoom) : rect.top;
      expect(Math.abs(left - (viewport.width - width) / 2)).toBeLessThan(2);
      expect(Math.abs(top - (viewport.height - height) / 2)).toBeLessThan(2);
      // A bitmap layer (`will-change: transform`) would blur scaled text in Chromium.
      expect(fit.willChange).not.toContain('transform');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.close();
    });
  }
});

describe('keys', () => {
  it('follows clicker keys (PageDown/PageUp, arrows, space) and blacks out with B', async () => {
    const { page } = await openDeck(served.browser, served.url);
    await page.keyboard.press('PageDown');
    expect(await currentId(page)).toBe('agenda');
    await page.keyboard.press('PageDown');
    expect(await page.evaluate(() => window.Reveal.getIndices().f)).toBe(0);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    expect(await currentId(page)).toBe('praesentieren-ueben');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => window.Reveal.getIndices())).toMatchObject({ h: 1, f: 0 });
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => window.Reveal.getIndices())).toMatchObject({ h: 1, f: -1 });

    await page.keyboard.press('b');
    expect(await page.evaluate(() => window.Reveal.isPaused())).toBe(true);
    // The black overlay fades in over the whole screen.
    const overlay = () => page.$eval('.reveal .pause-overlay', (e) => ({ visibility: getComputedStyle(e).visibility, opacity: getComputedStyle(e).opacity, background: getComputedStyle(e).backgroundColor }));
    await expect.poll(overlay, { timeout: 3000 }).toEqual({ visibility: 'visible', opacity: '1', background: 'rgb(0, 0, 0)' });
    // While black, the slide does not move on a stray key.
    await page.keyboard.press('PageDown');
    expect(await page.evaluate(() => window.Reveal.getIndices())).toMatchObject({ h: 1, f: -1 });
    await page.keyboard.press('b');
    expect(await page.evaluate(() => window.Reveal.isPaused())).toBe(false);
    await page.close();
  });

  it('opens the overview with O, search with Ctrl+Shift+F, and jumps to a slide number with G', async () => {
    const { page } = await openDeck(served.browser, served.url);
    await page.keyboard.press('o');
    expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(true);
    await page.keyboard.press('o');
    expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(false);

    await page.keyboard.press('Control+Shift+F');
    const search = page.locator('.searchbox input.searchinput');
    await search.waitFor();
    expect(await search.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await search.getAttribute('placeholder')).toBe('Suchen …');
    await search.fill('Umsatz');
    await search.press('Enter');
    await page.waitForFunction(() => window.Reveal.getCurrentSlide().id === 'anteile');
    await page.keyboard.press('Control+Shift+F');
    await page.locator('.reveal').click({ position: { x: 5, y: 700 } }).catch(() => undefined);

    await page.evaluate(() => window.Reveal.slide(0));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('g');
    const jump = page.locator('.jump-to-slide-input');
    await jump.waitFor();
    expect(await jump.getAttribute('placeholder')).toBe('Zu Folie: Nummer oder Titel');
    await jump.fill('3');
    await jump.press('Enter');
    await page.waitForFunction(() => window.Reveal.getCurrentSlide().id === 'zahlen');
    await page.close();
  });

  it('shows the shortcuts in German on ?, and closes on Esc without opening the overview', async () => {
    const { page } = await openDeck(served.browser, served.url);
    await page.keyboard.press('Shift+Slash');
    const dialog = page.locator('.deck-help[role="dialog"]');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    for (const entry of ['Tastenkürzel', 'Vollbild', 'Sprecheransicht', 'Schwarzbild', 'Übersicht', 'suchen', 'zu Folie springen']) expect(text).toContain(entry);
    // While open, keys do not move the deck.
    await page.keyboard.press('ArrowRight');
    expect(await currentId(page)).toBe('praesentieren-ueben');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(false);

    // The ? button (mouse, touch) and F1 open it too; the reveal.js help in English never shows.
    await page.click('button.deck-help-button');
    await dialog.waitFor();
    await page.click('.deck-help-close');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('F1');
    await dialog.waitFor();
    await page.keyboard.press('F1');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.$('.reveal .overlay-help')).toBeNull();
    // A `?` that arrives without Shift (other layouts, remote keyboards) opens the help, never the black screen.
    await page.keyboard.press('?');
    await dialog.waitFor();
    expect(await page.evaluate(() => window.Reveal.isPaused())).toBe(false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });
});

describe('reading view on a phone', () => {
  it('switches to the scroll view on a narrow screen and draws charts as they scroll in', async () => {
    const { page, consoleErrors } = await openDeck(served.browser, served.url, { width: 390, height: 844 });
    expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The second chart is far down: not drawn until the reader gets there.
    expect(await page.$(`section#anteile ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`)).toBeNull();
    await page.$eval(`section#zahlen ${CHART_SELECTOR}`, (figure) => figure.scrollIntoView({ block: 'center' }));
    await page.waitForSelector(`section#zahlen ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 3000 });
    expect((await paintedPixels(page, 'section#zahlen'))[0]).toBeGreaterThan(2000);
    await page.$eval(`section#anteile ${CHART_SELECTOR}`, (figure) => figure.scrollIntoView({ block: 'center' }));
    await page.waitForSelector(`section#anteile ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 3000 });
    expect((await paintedPixels(page, 'section#anteile'))[0]).toBeGreaterThan(2000);
    // No speaker view button where it makes no sense.
    expect(await page.locator('button.deck-speaker-button').isVisible()).toBe(false);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('opens a link to a slide at that slide, with its chart drawn', async () => {
    const { page } = await openDeck(served.browser, `${served.url}#/zahlen`, { width: 390, height: 844 });
    expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
    expect(await currentId(page)).toBe('zahlen');
    expect(await page.$eval(`section#zahlen ${CHART_SELECTOR}`, (f, drawn) => f.hasAttribute(drawn), DRAWN_ATTRIBUTE)).toBe(true);
    const box = await page.$eval('section#zahlen', (s) => s.getBoundingClientRect().top);
    expect(Math.abs(box)).toBeLessThan(844);
    await page.close();
  });

  it('opens the scroll view on a wide screen with ?view=scroll', async () => {
    const { page } = await openDeck(served.browser, `${served.url}?view=scroll`);
    expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
    await page.$eval(`section#anteile ${CHART_SELECTOR}`, (figure) => figure.scrollIntoView({ block: 'center' }));
    await page.waitForSelector(`section#anteile ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 3000 });
    await page.close();
  });
});
