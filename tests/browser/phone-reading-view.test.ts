/**
 * The reading view on a phone (issue 16, "Reading on a phone, for real"), on the built fixture deck in
 * Chromium as a 390 × 844 phone: each slide reflowed into a section of one page at the phone's width,
 * text at a reading size, columns stacked, nothing scrolling sideways, every chart drawn as it scrolls
 * into view, notes hidden until the toggle, links and `Reveal.slide()` landing on their slide.
 *
 * Sizes are measured as the reader sees them: the computed font size times the scale the page applies
 * to the element (its box on screen over its layout width), so a slide merely scaled down (as reveal.js
 * shows it) reads as small as it looks.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BrowserPage } from '../../src/browser/browser-page.ts';
import { CHART_SELECTOR, CHART_VALUES_HOOK, COLUMN_CLASS, COLUMNS_CLASS, DRAWN_ATTRIBUTE, LAYOUT_CLASSES, NOTES_SELECTOR, READY_SELECTOR } from '../../src/page-contract.ts';
import { NOTES_TOGGLE_CLASS } from '../../src/runtime/reading-notes-toggle.ts';
import { paintedPixels } from '../support/deck-page.ts';
import { serveBuiltDeck } from '../support/served-deck.ts';

const LAYOUT_SELECTORS = { kpis: `.${LAYOUT_CLASSES.kpis}`, coverText: `.${LAYOUT_CLASSES.coverText}` };
const FIXTURE = new URL('../fixtures/phone-deck', import.meta.url).pathname;
const PHONE = { width: 390, height: 844 };

const served = serveBuiltDeck(FIXTURE);

async function openPhone(hash = ''): Promise<{ page: Page; errors: string[] }> {
  const deck = await BrowserPage.open(served.browser, `${served.url}${hash}`, { viewport: PHONE, deviceScaleFactor: 3, phone: true });
  await deck.waitForDeck(15_000);
  return { page: deck.page, errors: deck.errors };
}

/** Font size in CSS px of the page as shown on screen, of every element matching `selector` with text. */
function shownFontSizes(page: Page, selector: string): Promise<{ text: string; size: number }[]> {
  return page.$$eval(selector, (elements) =>
    elements
      .filter((element): element is HTMLElement => element instanceof HTMLElement && element.offsetWidth > 0 && element.textContent!.trim() !== '')
      .map((element) => ({
        text: element.textContent!.trim().slice(0, 30),
        size: (parseFloat(getComputedStyle(element).fontSize) * element.getBoundingClientRect().width) / element.offsetWidth,
      })),
  );
}

const currentId = (page: Page) => page.evaluate(() => window.Reveal.getCurrentSlide().id);
/**
 * Whether the page is wider than the phone: a phone's browser then widens its layout viewport (and
 * `innerWidth`) to the content and shows everything smaller. Or whether anything shown is cut at
 * the screen's edge instead.
 */
const scrollsSideways = (page: Page) =>
  page.evaluate((width) => {
    if (window.innerWidth !== width || document.documentElement.scrollWidth > width) return true;
    const shown = Array.from(document.querySelectorAll('.reveal .slides section *')).filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && !element.closest('.deck-chart-data, table, pre') && getComputedStyle(element).visibility !== 'hidden';
    });
    return shown.some((element) => element.getBoundingClientRect().right > width + 0.5);
  }, PHONE.width);
/** Body text: paragraphs, list items and table cells of the slides (not notes, not charts' data tables). */
const BODY_TEXT = `section > p, section li, section table:not(.deck-chart-data) td, section .${COLUMN_CLASS} > p`;

describe('phone reading view', () => {
  it('reflows each slide into a section of one page at the phone’s width, with text at a reading size', async () => {
    const { page, errors } = await openPhone();
    expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);

    const body = await shownFontSizes(page, BODY_TEXT);
    expect(body.length).toBeGreaterThanOrEqual(12);
    for (const { text, size } of body) expect(size, text).toBeGreaterThanOrEqual(16);
    const largestBody = Math.max(...body.map((b) => b.size));
    for (const { text, size } of await shownFontSizes(page, 'section h1, section h2')) expect(size, text).toBeGreaterThan(largestBody);

    // Each slide as wide as the phone, and only as tall as what it holds (no screen of empty space).
    const sections = await page.$$eval('.reveal .slides section', (all) =>
      all.map((section) => {
        const box = section.getBoundingClientRect();
        const shown = Array.from(section.children).filter((child) => (child as HTMLElement).offsetHeight > 0);
        const last = shown.at(-1)!.getBoundingClientRect();
        return { id: section.id, width: box.width, height: box.height, spare: box.bottom - last.bottom };
      }),
    );
    expect(sections.map((s) => s.id)).toEqual([
      'lesen-auf-dem-telefon',
      'text-und-liste',
      'tabelle',
      'investitionen',
      'zwei-seiten',
      'anteil-am-umsatz',
      'die-kernzahlen',
      'text-neben-einem-bild',
      'zitat',
      'ein-titel-ueber-einem-foto',
    ]);
    for (const section of sections) {
      expect(section.width, section.id).toBeCloseTo(PHONE.width, 0);
      expect(section.spare, section.id).toBeLessThan(60);
    }
    expect(sections.find((s) => s.id === 'text-und-liste')!.height).toBeLessThan(PHONE.height / 2);

    // A page is read, not stepped through: every fragment is there from the start.
    const items = await page.$$eval('section#text-und-liste li', (all) => all.map((li) => getComputedStyle(li).opacity === '1' && getComputedStyle(li).visibility === 'visible'));
    expect(items).toEqual([true, true, true]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stacks columns and the layouts’ halves and figures, one under the other at the full width', async () => {
    const { page } = await openPhone();
    const boxes = (selector: string) => page.$$eval(selector, (all) => all.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
    const stacked = (list: DOMRect[], width: number) => {
      for (let i = 1; i < list.length; i++) expect(list[i]!.top).toBeGreaterThanOrEqual(list[i - 1]!.bottom - 0.5);
      for (const box of list) expect(box.width).toBeCloseTo(width, 0);
    };
    // Columns (the first with a width of 40 % on the slide).
    const [row] = await boxes(`section .${COLUMNS_CLASS}`);
    const columns = await boxes(`section .${COLUMNS_CLASS} > .${COLUMN_CLASS}`);
    expect(columns).toHaveLength(2);
    stacked(columns, row!.width);
    // kpi: the figures one under another.
    const [list] = await boxes(`section.kpi ${LAYOUT_SELECTORS.kpis}`);
    stacked(await boxes(`section.kpi ${LAYOUT_SELECTORS.kpis} > li`), list!.width);
    // image-right: the picture above its text, as wide as the text.
    const [picture, text] = await boxes('section.image-right > p');
    expect(picture!.bottom).toBeLessThanOrEqual(text!.top);
    expect(picture!.width).toBeCloseTo(text!.width, 0);
    // cover: the text on its card inside its own section, under the photo.
    const [cover] = await boxes('section.cover');
    const [card] = await boxes(`section.cover > ${LAYOUT_SELECTORS.coverText}`);
    expect(card!.top).toBeGreaterThan(cover!.top);
    expect(card!.bottom).toBeLessThanOrEqual(cover!.bottom);
    await page.close();
  });

  it('draws every chart at full width as it scrolls into view', async () => {
    const { page, errors } = await openPhone();
    const figures = await page.$$eval(`section ${CHART_SELECTOR}`, (all) => all.map((figure) => figure.closest('section')!.id));
    expect(figures).toEqual(['investitionen', 'anteil-am-umsatz']);
    // The last chart is far down the page: not drawn before the reader gets there.
    expect(await page.$(`section#anteil-am-umsatz ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`)).toBeNull();
    for (const id of figures) {
      await page.$eval(`section#${id} ${CHART_SELECTOR}`, (figure) => figure.scrollIntoView({ block: 'center' }));
      await page.waitForSelector(`section#${id} ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 5000 });
      expect((await paintedPixels(page, `section#${id}`))[0], id).toBeGreaterThan(2000);
      const width = await page.$eval(`section#${id} ${CHART_SELECTOR} canvas`, (canvas) => canvas.getBoundingClientRect().width);
      expect(width, id).toBeGreaterThan(PHONE.width * 0.85);
    }
    // A chart built up in steps when presenting is read complete: both series drawn.
    const series = await page.evaluate(
      ([hook, selector]) => window[hook as 'deckChartValues']!(document.querySelector(selector!)!)!.datasets.map((d) => d.data.length),
      [CHART_VALUES_HOOK, `section#investitionen ${CHART_SELECTOR}`],
    );
    expect(series).toEqual([3, 3]);
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hides the notes until the reader turns them on, then shows them readable under each slide', async () => {
    const { page } = await openPhone();
    const notes = page.locator(`.reveal ${NOTES_SELECTOR}`);
    expect(await notes.count()).toBe(5);
    const toggle = page.locator(`button.${NOTES_TOGGLE_CLASS}`);
    expect(await toggle.textContent()).toBe('Notizen zeigen');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const box = (await toggle.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    for (const note of await notes.all()) expect(await note.isVisible()).toBe(false);

    await toggle.tap();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.textContent()).toBe('Notizen ausblenden');
    for (const note of await notes.all()) expect(await note.isVisible()).toBe(true);
    await expect.poll(() => page.locator('section#tabelle aside.notes li').first().textContent()).toContain('NOTE-MARKER-9b20');
    for (const { text, size } of await shownFontSizes(page, `${NOTES_SELECTOR} p, ${NOTES_SELECTOR} li`)) expect(size, text).toBeGreaterThanOrEqual(16);
    expect(await scrollsSideways(page)).toBe(false);

    await toggle.tap();
    for (const note of await notes.all()) expect(await note.isVisible()).toBe(false);
    await page.close();
  });

  it('opens a link to a slide at that slide, follows the reader’s scrolling and goes where Reveal.slide() says', async () => {
    const { page } = await openPhone('#/tabelle');
    expect(await currentId(page)).toBe('tabelle');
    expect(Math.abs(await page.$eval('section#tabelle', (s) => s.getBoundingClientRect().top))).toBeLessThan(2);

    await page.$eval('section#zwei-seiten', (section) => section.scrollIntoView({ block: 'start' }));
    await expect.poll(() => currentId(page)).toBe('zwei-seiten');

    // As `deck present` or a link inside the deck would: the last slide, too short to reach the top.
    await page.evaluate(() => window.Reveal.slide(9, 0));
    expect(await currentId(page)).toBe('ein-titel-ueber-einem-foto');
    const top = await page.$eval('section#ein-titel-ueber-einem-foto', (s) => s.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(PHONE.height);
    // Its photo (reveal.js's slide background) loaded as it came near.
    const photo = await page.$eval('section#ein-titel-ueber-einem-foto', (s) => (s.parentElement!.querySelector('.slide-background-content') as HTMLElement).style.backgroundImage);
    expect(photo).toMatch(/^url\(.*cover.*\.jpg.*\)$/);
    // The scroll that took it there does not hand the current slide back to the one above.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await currentId(page)).toBe('ein-titel-ueber-einem-foto');
    // Nor does a resize (a phone's address bar hiding), after which reveal.js lays its scroll view out again.
    await page.setViewportSize({ width: PHONE.width, height: PHONE.height - 60 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await currentId(page)).toBe('ein-titel-ueber-einem-foto');
    expect(await page.$$eval('section li', (all) => all.every((li) => getComputedStyle(li).opacity === '1'))).toBe(true);
    await page.close();
  });

  it('keeps a linked slide current when the window\'s load event comes after the deck is ready (reveal.js lays out again then)', async () => {
    const page = await served.browser.newPage({ viewport: PHONE, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    // The logo (on every slide) is held back until the deck is ready: the window's load event comes after.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.svg', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${served.url}#/tabelle`, { waitUntil: 'commit' });
    await page.waitForSelector(READY_SELECTOR);
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    expect(await currentId(page)).toBe('tabelle');
    release();
    await page.waitForLoadState('load');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await currentId(page)).toBe('tabelle');
    await page.close();
  });

  it('reads with ?view=scroll on a wide screen, where keys scroll the page and step from slide to slide', async () => {
    const deck = await BrowserPage.open(served.browser, `${served.url}?view=scroll`, { viewport: { width: 1280, height: 720 } });
    await deck.waitForDeck(15_000);
    const { page } = deck;
    expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
    await page.keyboard.press('n');
    expect(await currentId(page)).toBe('text-und-liste');
    await page.keyboard.press('n');
    expect(await currentId(page)).toBe('tabelle');
    await page.keyboard.press('ArrowLeft');
    expect(await currentId(page)).toBe('text-und-liste');
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 300);
    expect(deck.errors).toEqual([]);
    await page.close();
  });

  it('leaves presenting as it was on a wide screen, and reads again when the window narrows', async () => {
    const deck = await BrowserPage.open(served.browser, `${served.url}#/investitionen`, { viewport: { width: 1280, height: 720 } });
    await deck.waitForDeck(15_000);
    const { page } = deck;
    expect(await page.evaluate(() => window.Reveal.isScrollView())).toBe(false);
    expect(await page.locator(`button.${NOTES_TOGGLE_CLASS}`).count()).toBe(0);

    await page.setViewportSize(PHONE);
    await expect.poll(() => page.evaluate(() => window.Reveal.isScrollView())).toBe(true);
    await expect.poll(() => page.locator(`button.${NOTES_TOGGLE_CLASS}`).count()).toBe(1);
    // Where the talk was.
    expect(await currentId(page)).toBe('investitionen');
    expect(Math.abs(await page.$eval('section#investitionen', (s) => s.getBoundingClientRect().top))).toBeLessThan(2);

    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => page.evaluate(() => window.Reveal.isScrollView())).toBe(false);
    expect(await page.locator(`button.${NOTES_TOGGLE_CLASS}`).count()).toBe(0);
    expect(deck.errors).toEqual([]);
    await page.close();
  });
});
