/**
 * Chart text is text: a chart whose title, unit, labels, series name, source
 * and note hold HTML and script is built and shown in Chromium; nothing of it
 * executes or loads, and every string appears verbatim as text. (Slide
 * Markdown itself may hold HTML; chart YAML may not.)
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCheck } from '../../src/check/run-check.ts';
import { CHECK_FIXTURES } from '../support/check-fixtures.ts';
import { openDeck, paintedPixels } from '../support/deck-page.ts';
import { serveBuiltDeck } from '../support/served-deck.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE } from '../../src/page-contract.ts';

const DECK = join(CHECK_FIXTURES, 'chart-escaping');
const TITLE = `Umsatz <img src=x onerror="window.__chartXss = 'title'">`;
const LABELS = [`<script>window.__chartXss = 'label'</script>`, `<svg onload="window.__chartXss = 'svg'"></svg>`, 'A & B'];
const SERIES = `<iframe src="javascript:window.parent.__chartXss = 'series'"></iframe>`;
const SOURCE = `Quelle <img src=x onerror="window.__chartXss = 'source'"> </script><script>window.__chartXss = 'breakout'</script>`;
const NOTE = `<a href="javascript:window.__chartXss = 'note'">Hinweis</a>`;

const served = serveBuiltDeck(DECK);

describe('chart text with HTML and script', () => {
  it('executes nothing, loads nothing and shows every string as text', async () => {
    const { page, foreignRequests, consoleErrors } = await openDeck(served.browser, served.url);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.waitForSelector(`${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}]`, { timeout: 3000 });
    expect(await page.$eval(CHART_SELECTOR, (f, drawn) => f.getAttribute(drawn), DRAWN_ATTRIBUTE)).toBe('');
    expect(Math.max(...(await paintedPixels(page, CHART_SELECTOR)))).toBeGreaterThan(2000);

    const figure = await page.$eval(CHART_SELECTOR, (f) => ({
      executed: (window as unknown as { __chartXss?: string }).__chartXss ?? null,
      // Elements that only exist if a string was parsed as markup.
      injected: Array.from(f.querySelectorAll('img, svg, iframe, a, b, script:not(.deck-chart-spec)')).map((e) => e.outerHTML),
      title: f.querySelector('.deck-chart-title')!.textContent,
      source: f.querySelector('.deck-chart-source')!.textContent,
      note: f.querySelector('.deck-chart-note')!.textContent,
      rowHeaders: Array.from(f.querySelectorAll('table.deck-chart-data tbody th')).map((th) => th.textContent),
      seriesHeader: f.querySelector('table.deck-chart-data thead th:nth-child(2)')!.textContent,
      cells: Array.from(f.querySelectorAll('table.deck-chart-data tbody td')).map((td) => td.textContent),
      canvasLabel: f.querySelector('canvas')!.getAttribute('aria-label'),
      specScripts: f.querySelectorAll('script.deck-chart-spec').length,
    }));
    expect(figure.executed).toBeNull();
    expect(figure.injected).toEqual([]);
    expect(figure.title).toBe(TITLE);
    expect(figure.source).toBe(`Quelle: ${SOURCE}`);
    expect(figure.note).toBe(NOTE);
    expect(figure.rowHeaders).toEqual(LABELS);
    expect(figure.seriesHeader).toBe(SERIES);
    expect(figure.cells).toEqual(['1\u00a0<b>Mrd.</b>', '2\u00a0<b>Mrd.</b>', '3\u00a0<b>Mrd.</b>']);
    expect(figure.canvasLabel).toContain(TITLE);
    expect(figure.canvasLabel).toContain(LABELS[0]);
    expect(figure.specScripts).toBe(1);

    // Going through the deck (the chart is redrawn) still runs none of it.
    await page.evaluate(() => window.Reveal.slide(0));
    expect(await page.evaluate(() => (window as unknown as { __chartXss?: string }).__chartXss ?? null)).toBeNull();
    expect(requests.filter((url) => /\/x$/.test(url))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('passes deck check: escaped chart text is not a finding', async () => {
    const report = await runCheck({ slidesDir: DECK }, { browser: served.browser });
    expect(report.diagnostics).toEqual([]);
  });
});
