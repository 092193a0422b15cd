/**
 * Stepped code on the built deck: each `|` step of ```` ```ts [1|3-4|6] ```` is a fragment, shown
 * one after the other with its lines highlighted, in presenting, in the speaker view and as pages of
 * `deck export --fragments`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportDeck } from '../../src/export/export-deck.ts';
import { READY_SELECTOR } from '../../src/page-contract.ts';
import { openDeck } from '../support/deck-page.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { readPdf } from '../support/pdf-reader.ts';
import { serveBuiltDeck } from '../support/served-deck.ts';

const STEPPED_CODE = join(import.meta.dirname, '../fixtures/stepped-code');

const served = serveBuiltDeck(STEPPED_CODE);

/** The step on top (the last visible copy of the code) on the current slide: its highlighted lines (on a band), how the others look. */
function shownStep(page: Page) {
  return page.evaluate(() => {
    const codes = [...window.Reveal.getCurrentSlide().querySelectorAll<HTMLElement>('pre.code-wrapper > code')];
    const shown = codes.filter((code) => getComputedStyle(code).visibility === 'visible');
    const top = shown[shown.length - 1]!;
    const rows = [...top.querySelectorAll('tr')];
    return {
      shown: shown.length,
      lines: rows.flatMap((row, index) => (row.classList.contains('highlight-line') ? [index + 1] : [])),
      // Opacity of the other lines, and how many colours their code is written in.
      others: rows
        .filter((row) => !row.classList.contains('highlight-line'))
        .map((row) => `${getComputedStyle(row).opacity} ${new Set([row.cells[1]!, ...row.cells[1]!.querySelectorAll('span')].map((node) => getComputedStyle(node).color)).size}`),
      banded: rows.filter((row) => row.classList.contains('highlight-line')).every((row) => getComputedStyle(row.cells[1]!).backgroundColor !== 'rgba(0, 0, 0, 0)'),
    };
  });
}

describe('presenting stepped code', () => {
  it('shows the steps one by one as fragments, each with its lines highlighted and the rest in one muted colour', async () => {
    const { page, consoleErrors } = await openDeck(served.browser, served.url);
    // The other lines are in one colour at full opacity: faded code would fail the contrast check.
    expect(await shownStep(page)).toEqual({ shown: 1, lines: [1], others: Array(5).fill('1 1'), banded: true });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.Reveal.getIndices().f === 0);
    // Only the step on top is visible: the ones below stay hidden, also where code backgrounds let light through.
    await expect.poll(() => shownStep(page)).toMatchObject({ shown: 1, lines: [3, 4] });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shownStep(page)).toMatchObject({ shown: 1, lines: [6] });
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownStep(page)).toMatchObject({ shown: 1, lines: [3, 4] });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.Reveal.getIndices().h === 1);
    // Line numbers start where the fence says, with no highlight.
    const numbers = await page.$$eval('section#line-numbers-from-10 td.hljs-ln-numbers', (cells) => cells.map((cell) => getComputedStyle(cell.firstElementChild!, '::before').content));
    expect(numbers).toEqual(['"10"', '"11"', '"12"']);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('counts the steps in the speaker view', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(served.url);
    await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: 15_000 });
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForSelector('.speaker-view[data-connected]', { timeout: 10_000 });
    await page.keyboard.press('ArrowRight');
    await popup.waitForFunction(() => document.querySelector('.speaker-current figcaption')?.textContent?.includes('step 1 of 2'));
    await page.keyboard.press('ArrowRight');
    await popup.waitForFunction(() => document.querySelector('.speaker-current figcaption')?.textContent?.includes('step 2 of 2'));
    await context.close();
  });
});

describe('deck export --fragments with stepped code', () => {
  it('prints one page per step, each with the code once and its own highlight', async () => {
    const dir = exportTempDir();
    const pdfPath = join(dir, 'steps.pdf');
    await exportDeck({ slidesDir: STEPPED_CODE, out: join(dir, 'dist'), pdf: pdfPath, fragments: true, range: '1' });
    const pdf = await readPdf(pdfPath);
    expect(pdf.pages).toBe(3);
    for (const text of pdf.text) expect(text.match(/const slides = text\.split/g)).toHaveLength(1);
    // Vector text throughout: no part of the code is printed as a picture.
    expect(execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2)).toEqual([]);
    // The pages differ only in which lines are highlighted.
    execFileSync('pdftoppm', ['-r', '30', '-png', pdfPath, join(dir, 'page')]);
    const pages = [1, 2, 3].map((n) => readFileSync(join(dir, `page-${n}.png`)).toString('base64'));
    expect(new Set(pages).size).toBe(3);
  }, 60_000);
});
