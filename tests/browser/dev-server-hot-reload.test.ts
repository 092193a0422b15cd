/**
 * Hot reload while rehearsing, against the real dev server: edits reach the
 * open deck (and the speaker view) without a page reload and without losing
 * the current slide; a bad edit shows Vite's error overlay with file:line,
 * the server keeps running, and the fix clears the overlay.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { DRAWN_ATTRIBUTE, NOTES_SELECTOR, READY_SELECTOR } from '../../src/page-contract.ts';
import { startDevServer } from '../support/dev-server.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/presenting-deck');

let browser: Browser;
let server: ViteDevServer;
let slidesDir: string;
let url: string;

beforeAll(async () => {
  slidesDir = join(mkdtempSync(join(tmpdir(), 'deck-hot-')), 'slides');
  cpSync(FIXTURE, slidesDir, { recursive: true });
  ({ server, url } = await startDevServer(slidesDir));
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (slidesDir) rmSync(join(slidesDir, '..'), { recursive: true, force: true });
});

function edit(file: string, change: (text: string) => string): void {
  const path = join(slidesDir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** Opens the deck on a slide and marks the window, so a full reload would be noticed. */
async function openOn(hash: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // Edits made before Vite's client is connected would never reach the page.
  const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 20_000 });
  await page.goto(`${url}#/${hash}`);
  await Promise.all([connected, page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 20_000 })]);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  return page;
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
const indices = (page: Page) => page.evaluate(() => window.Reveal.getIndices());
const currentId = (page: Page) => page.evaluate(() => window.Reveal.getCurrentSlide().id);

describe('hot reload on the dev server', () => {
  it('updates slide text and notes in place, on the same slide and fragment', async () => {
    const page = await openOn('agenda');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const before = await indices(page);
    expect(before).toMatchObject({ h: 1, v: 0, f: 1 });

    edit('01-start.md', (t) => t.replace('Zweiter Punkt <!--', 'Zweiter Punkt, überarbeitet <!--').replace('Die Agenda hat drei Punkte', 'Die Agenda hat *genau* drei Punkte'));
    await page.waitForFunction(() => document.querySelector('section#agenda')?.textContent?.includes('überarbeitet'), null, { timeout: 5000 });
    expect(await page.$eval(`section#agenda ${NOTES_SELECTOR} em`, (e) => e.textContent)).toBe('genau');
    expect(await indices(page)).toEqual(before);
    // The fragments shown before the edit are still shown.
    expect(await page.$$eval('section#agenda .fragment.visible', (all) => all.length)).toBe(2);
    expect(await notReloaded(page)).toBe(true);
    await page.close();
  });

  it('gives the shown slide its new attributes and background, and takes away the removed ones', async () => {
    const page = await openOn('agenda');
    await page.keyboard.press('ArrowRight');
    const background = () => page.evaluate(() => getComputedStyle(document.querySelector('.backgrounds .slide-background.present')!).backgroundColor);
    const before = await background();

    edit('01-start.md', (t) => t.replace('<!-- .slide: data-timing="60" -->', '<!-- .slide: data-timing="90" data-background-color="#123456" class="quote-free" -->'));
    await expect.poll(background, { timeout: 5000 }).toBe('rgb(18, 52, 86)');
    const section = () => page.$eval('section#agenda', (e) => ({ timing: e.getAttribute('data-timing'), classes: [...e.classList].sort(), hidden: e.hasAttribute('hidden'), shown: e === window.Reveal.getCurrentSlide() }));
    expect(await section()).toMatchObject({ timing: '90', classes: expect.arrayContaining(['present', 'quote-free']), hidden: false, shown: true });
    expect(await page.$$eval('section#agenda .fragment.visible', (all) => all.length)).toBe(1);

    edit('01-start.md', (t) => t.replace('<!-- .slide: data-timing="90" data-background-color="#123456" class="quote-free" -->', '<!-- .slide: data-timing="60" -->'));
    await expect.poll(background, { timeout: 5000 }).toBe(before);
    const after = await section();
    expect(after).toMatchObject({ timing: '60', classes: expect.arrayContaining(['present']), hidden: false, shown: true });
    expect(after.classes).not.toContain('quote-free');
    // reveal.js reads a slide's contrast from its background's computed colour: not the dark one still fading out.
    expect(after.classes).not.toContain('has-dark-background');
    expect(await page.$eval('.reveal', (e) => e.classList.contains('has-dark-background'))).toBe(false);
    expect(await indices(page)).toMatchObject({ h: 1, v: 0, f: 0 });
    expect(await notReloaded(page)).toBe(true);
    await page.close();
  });

  it('leaves the slide and its chart alone when only the notes change', async () => {
    const page = await openOn('zahlen');
    await page.waitForSelector(`section#zahlen figure[${DRAWN_ATTRIBUTE}]`);
    await page.$eval('section#zahlen canvas', (canvas) => canvas.setAttribute('data-before-edit', ''));
    const original = readFileSync(join(slidesDir, '02-mitte.md'), 'utf8');
    edit('02-mitte.md', (t) => t.replace('insgesamt.', 'insgesamt, *laut Bericht*.'));
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === 'laut Bericht', `section#zahlen ${NOTES_SELECTOR} em`, { timeout: 5000 });
    // The same canvas, still drawn: the chart did not start over in front of the audience.
    expect(await page.$eval('section#zahlen figure', (f, drawn) => f.hasAttribute(drawn) && f.querySelector('canvas[data-before-edit]') !== null, DRAWN_ATTRIBUTE)).toBe(true);
    expect(await notReloaded(page)).toBe(true);
    writeFileSync(join(slidesDir, '02-mitte.md'), original);
    await page.waitForFunction((selector) => !document.querySelector(selector), `section#zahlen ${NOTES_SELECTOR} em`, { timeout: 5000 });
    await page.close();
  });

  it('keeps the presenter on their slide when slides are added or removed before it', async () => {
    const page = await openOn('zahlen');
    await page.waitForSelector(`section#zahlen figure[${DRAWN_ATTRIBUTE}]`);
    expect(await indices(page)).toMatchObject({ h: 2, v: 0 });

    edit('01-start.md', (t) => `${t}\n---\n\n## Neue Folie\n\nEingefügt.\n`);
    await page.waitForSelector('section#neue-folie', { state: 'attached', timeout: 5000 });
    expect(await currentId(page)).toBe('zahlen');
    expect(await indices(page)).toMatchObject({ h: 3, v: 0 });
    await page.waitForSelector(`section#zahlen figure[${DRAWN_ATTRIBUTE}]`, { timeout: 2000 });

    edit('01-start.md', (t) => t.replace(/\n---\n\n## Neue Folie\n\nEingefügt.\n$/, ''));
    await page.waitForSelector('section#neue-folie', { state: 'detached', timeout: 5000 });
    expect(await currentId(page)).toBe('zahlen');
    expect(await indices(page)).toMatchObject({ h: 2, v: 0 });
    expect(await notReloaded(page)).toBe(true);
    await page.close();
  });

  it('moves to the nearest slide when the current slide is removed', async () => {
    const page = await openOn('lange-notizen');
    const original = readFileSync(join(slidesDir, '02-mitte.md'), 'utf8');
    edit('02-mitte.md', (t) => t.slice(0, t.indexOf('\n---\n')));
    await page.waitForSelector('section#lange-notizen', { state: 'detached', timeout: 5000 });
    // The slide that followed takes its place.
    expect(await currentId(page)).toBe('stapel-oben');
    writeFileSync(join(slidesDir, '02-mitte.md'), original);
    await page.waitForSelector('section#lange-notizen', { state: 'attached', timeout: 5000 });
    expect(await notReloaded(page)).toBe(true);
    await page.close();
  });

  it('shows a bad edit in the error overlay with file:line, keeps serving, and clears it on the fix', async () => {
    const page = await openOn('zahlen');
    const original = readFileSync(join(slidesDir, '02-mitte.md'), 'utf8');
    edit('02-mitte.md', (t) => t.replace('values: [1, 2, 10]', 'values: [1, 2]'));
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 5000 });
    const message = await overlay.locator('.message-body').textContent();
    expect(message).toMatch(/02-mitte\.md:\d+/);
    expect(message).toContain('values has 2 entries, labels has 3');
    expect((await fetch(url)).status).toBe(200);

    writeFileSync(join(slidesDir, '02-mitte.md'), original.replace('13 Mrd. US-$', '13 Milliarden US-$'));
    await overlay.waitFor({ state: 'detached', timeout: 5000 });
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('13 Milliarden'), `section#zahlen ${NOTES_SELECTOR}`, { timeout: 5000 });
    expect(await currentId(page)).toBe('zahlen');
    expect(await notReloaded(page)).toBe(true);
    writeFileSync(join(slidesDir, '02-mitte.md'), original);
    await page.close();
  });

  it('revives a page opened while the deck was broken once the edit is fixed', async () => {
    const original = readFileSync(join(slidesDir, '03-ende.md'), 'utf8');
    edit('03-ende.md', (t) => t.replace('source: The Information, 06.05.2025\n', ''));
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${url}#/anteile`);
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 5000 });
    expect(await overlay.locator('.message-body').textContent()).toMatch(/03-ende\.md:\d+: .*source/);

    writeFileSync(join(slidesDir, '03-ende.md'), original);
    await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 10_000 });
    expect(await currentId(page)).toBe('anteile');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
    await page.close();
  });

  it('opens the speaker view from the dev server and updates its notes and previews in place', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 20_000 });
    await page.goto(`${url}#/zahlen`);
    await Promise.all([connected, page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 20_000 })]);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForSelector('.speaker-view[data-connected]', { timeout: 20_000 });
    await popup.waitForFunction(() => document.querySelector('.speaker-notes')?.textContent?.includes('13 Mrd. US-$'));
    // The preview of the next slide is loaded, and has its own connection to the dev server.
    const nextFrame = popup.frameLocator('.speaker-upcoming iframe');
    await nextFrame.locator(READY_SELECTOR).waitFor({ state: 'attached', timeout: 20_000 });
    await popup.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const original = readFileSync(join(slidesDir, '02-mitte.md'), 'utf8');
    edit('02-mitte.md', (t) => t.replace('**13 Mrd. US-$** insgesamt', '**13 Mrd. US-$** insgesamt, _neu geprobt_').replace('Eine Folie mit sehr langen Notizen.', 'Eine Folie, frisch bearbeitet.'));
    await popup.waitForFunction(() => document.querySelector('.speaker-notes em')?.textContent === 'neu geprobt', null, { timeout: 5000 });
    await nextFrame.locator('section#lange-notizen', { hasText: 'frisch bearbeitet' }).waitFor({ state: 'attached', timeout: 5000 });
    expect(await notReloaded(popup)).toBe(true);
    expect(await currentId(page)).toBe('zahlen');

    // A slide added after the current one shows up as the next slide.
    edit('02-mitte.md', (t) => t.replace('\n---\n\n## Lange Notizen', '\n---\n\n## Zwischenfolie\n\nNeu.\n\n---\n\n## Lange Notizen'));
    await popup.waitForFunction(() => document.querySelector('.speaker-next-title')?.textContent === 'Nächste Folie: Zwischenfolie', null, { timeout: 5000 });
    expect(await notReloaded(popup)).toBe(true);
    writeFileSync(join(slidesDir, '02-mitte.md'), original);
    await context.close();
  });
});
