/**
 * The performance budgets of issues #7, #14 (PowerPoint, in measure-pptx.ts) and #19 on this 2-core machine, checked against
 * the medians of a bench run (the byte budgets are deterministic and are also
 * asserted by `tests/unit/bundle-budget.test.ts`). 1 KB = 1,000 bytes, 1 MB = 10⁶ bytes.
 */
import { isUnavailable, type BenchResults, type BudgetResult } from './bench-results.ts';
import { BYTE_BUDGETS, KB } from './measure-bytes.ts';
import { pptxBudgets } from './measure-pptx.ts';
import { relayBudgets } from './measure-relay.ts';

export const MB = 1_000_000;

export const TIME_BUDGETS = {
  buildDeckSeconds: 1.2,
  build1000Seconds: 2,
  /** Seconds per added slide from 1,000 to 5,000 at most this times that from 100 to 1,000. */
  buildLinearity: 1.5,
  readyDeckMs: 300,
  /** Large decks (issue 19): the first slide and a hot reload do not wait for the rest of the deck. */
  ready1000Ms: 300,
  ready5000Ms: 800,
  build5000Seconds: 3,
  pdf200Seconds: 3,
  hotReloadMs: 50,
  hotReload1000Ms: 100,
  pdf200PssBytes: 500 * MB,
  pdf1000Seconds: 10,
  pdf1000PssBytes: 800 * MB,
  /** Charts (issue 15) take the deck's limits: a build, a chart drawn within the second the runtime promises, a PDF. */
  buildCsvChartSeconds: 1.2,
  drawCsvChartMs: 1000,
  pdfDataChartsSeconds: 3,
} as const;

function check(name: string, value: number | null | undefined, limit: number, unit: BudgetResult['unit'], note?: string): BudgetResult {
  const known = value ?? null;
  return { name, value: known, limit, unit, pass: known === null ? null : known <= limit, ...(note && { note }) };
}

export function checkBudgets(results: BenchResults): BudgetResult[] {
  const bytes = results.bytes.deck;
  const build = results.build;
  const median = (key: string) => build[key]?.wall.median;
  const slope = (from: string, to: string) => {
    const a = build[from];
    const b = build[to];
    const slidesA = results.cases.find((c) => c.name === from)?.slides;
    const slidesB = results.cases.find((c) => c.name === to)?.slides;
    if (!a || !b || !slidesA || !slidesB) return null;
    return (b.wall.median - a.wall.median) / (slidesB - slidesA);
  };
  const early = slope('gen-100', 'gen-1000');
  const late = slope('gen-1000', 'gen-5000');
  const linearity = early !== null && late !== null && early > 0 ? late / early : null;
  const hot = results.hotReload.deck;
  const hot1000 = results.hotReload['gen-1000'];
  const large = results.bytes['gen-1000'];
  const pdf1000 = results.pdf['gen-1000'];
  const pdf1000Note = isUnavailable(pdf1000) ? pdf1000.unavailable : undefined;
  const slides1000 = results.cases.find((c) => c.name === 'gen-1000')?.slides;
  const pdf = results.pdf['gen-200'];
  const pdfNote = isUnavailable(pdf) ? pdf.unavailable : undefined;
  const pdfBuilt = results.pdfFromBuild['gen-200'];
  const pdfBuiltNote = isUnavailable(pdfBuilt) ? pdfBuilt.unavailable : undefined;
  const charts = results.charts;
  const draw = charts?.bigCsv.draw;
  const chartsPdf = charts?.manyCharts.pdf;

  return [
    check('first slide: gzipped JS+CSS', bytes && bytes.firstSlide.jsCss / KB, BYTE_BUDGETS.firstSlideJsCss / KB, 'KB'),
    check('fonts (woff2, together)', bytes && bytes.firstSlide.fonts / KB, BYTE_BUDGETS.fonts / KB, 'KB'),
    check('total shipped (dist/, gzipped)', bytes && bytes.total.transfer / KB, BYTE_BUDGETS.total / KB, 'KB'),
    check('build: the deck', median('deck'), TIME_BUDGETS.buildDeckSeconds, 's'),
    check('build: 1,000 slides', median('gen-1000'), TIME_BUDGETS.build1000Seconds, 's'),
    check('build: linear (s/slide 1k→5k ÷ 100→1k)', linearity, TIME_BUDGETS.buildLinearity, 'ratio'),
    check('time to ready: the deck', results.ready.deck?.ready.median, TIME_BUDGETS.readyDeckMs, 'ms'),
    check('time to ready: 1,000 slides', results.ready['gen-1000']?.ready.median, TIME_BUDGETS.ready1000Ms, 'ms'),
    check('hot reload: the deck', hot && !isUnavailable(hot) ? hot.update.median : null, TIME_BUDGETS.hotReloadMs, 'ms'),
    check('hot reload: 1,000 slides, text edit', hot1000 && !isUnavailable(hot1000) ? hot1000.update.median : null, TIME_BUDGETS.hotReload1000Ms, 'ms'),
    check('time to ready: 5,000 slides', results.ready['gen-5000']?.ready.median, TIME_BUDGETS.ready5000Ms, 'ms'),
    check('first slide, 1,000 slides: JS+CSS+inline JSON', large && (large.firstSlide.jsCss + large.firstSlide.inlineJson) / KB, BYTE_BUDGETS.firstSlideWithData / KB, 'KB'),
    check('build: 5,000 slides', median('gen-5000'), TIME_BUDGETS.build5000Seconds, 's'),
    check('PDF export: 1,000 slides, 100 charts, from Markdown', pdf1000 && !isUnavailable(pdf1000) ? pdf1000.wall.median : null, TIME_BUDGETS.pdf1000Seconds, 's', pdf1000Note),
    check('PDF export: 1,000 slides, pages missing or extra', pdf1000 && !isUnavailable(pdf1000) && slides1000 ? Math.abs(pdf1000.pages - slides1000) : null, 0, 'pages', pdf1000Note),
    check('PDF export memory: 1,000 slides (PSS)', pdf1000 && !isUnavailable(pdf1000) ? pdf1000.peakPss / MB : null, TIME_BUDGETS.pdf1000PssBytes / MB, 'MB', pdf1000Note),
    check('PDF export: 200 slides, from Markdown', pdf && !isUnavailable(pdf) ? pdf.wall.median : null, TIME_BUDGETS.pdf200Seconds, 's', pdfNote),
    check('PDF export: 200 slides, from a fresh build', pdfBuilt && !isUnavailable(pdfBuilt) ? pdfBuilt.wall.median : null, TIME_BUDGETS.pdf200Seconds, 's', pdfBuiltNote),
    check('PDF export memory: 200 slides (PSS)', pdf && !isUnavailable(pdf) ? pdf.peakPss / MB : null, TIME_BUDGETS.pdf200PssBytes / MB, 'MB', pdfNote),
    check('build: a 1,000-row CSV chart', charts?.bigCsv.build.wall.median, TIME_BUDGETS.buildCsvChartSeconds, 's'),
    check('drawn: a 1,000-row CSV chart (data-drawn)', draw && !isUnavailable(draw) ? draw.drawn.median : null, TIME_BUDGETS.drawCsvChartMs, 'ms', draw && isUnavailable(draw) ? draw.unavailable : undefined),
    check('PDF export: 50 charts from data files, from Markdown', chartsPdf && !isUnavailable(chartsPdf) ? chartsPdf.wall.median : null, TIME_BUDGETS.pdfDataChartsSeconds, 's', chartsPdf && isUnavailable(chartsPdf) ? chartsPdf.unavailable : undefined),
    ...pptxBudgets(results.pptx),
    ...relayBudgets(results.relay),
  ];
}
