/** The bench's printed report: one table per measurement, the peers' figures and ratios, then the budgets. */
import { isUnavailable, type BenchResults, type PeerFigures } from './bench-results.ts';
import { MB } from './budgets.ts';
import { KB } from './measure-bytes.ts';
import type { Stats } from './stats.ts';
import type { ChartFigures } from './bench-charts.ts';
import { pptxReport } from './measure-pptx.ts';
import { relayReport } from './measure-relay.ts';
import { READY_SELECTOR } from '../src/page-contract.ts';

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (digits: number) => (value: number) => value.toFixed(digits);
const triple = (s: Stats, format: (value: number) => string) => [format(s.min), format(s.median), format(s.max)];
const mb = (bytes: number) => (bytes / MB).toFixed(0);
const kb = (bytes: number) => (bytes / KB).toFixed(1);
const ratio = (peer: number | undefined, ours: number | undefined) => (peer && ours ? `${(peer / ours).toFixed(1)}×` : '–');

function peerBuild(peers: PeerFigures[], tool: string, key: string): Stats | undefined {
  const figure = peers.find((p) => p.tool === tool)?.build?.[key];
  return figure && !isUnavailable(figure) ? figure.wall : undefined;
}

function peerPdf(peers: PeerFigures[], tool: string, key: string): Stats | undefined {
  const figure = peers.find((p) => p.tool === tool)?.pdf?.[key];
  return figure && !isUnavailable(figure) ? figure.wall : undefined;
}

/** The chart part: a 1,000-row CSV chart and 50 charts from data files. */
function chartTables({ bigCsv, manyCharts }: ChartFigures): string[] {
  const row = (name: string, s: Stats, format: (value: number) => string, extra = '') => [name, ...triple(s, format), String(s.runs), extra];
  const unavailable = (name: string, u: { unavailable: string }) => [name, 'not available', '', '', '', u.unavailable];
  const pdf = (name: string, p: ChartFigures['manyCharts']['pdf']) => (isUnavailable(p) ? unavailable(name, p) : row(name, p.wall, fixed(2), `${p.pages} pages, ${mb(p.peakPss)} MB PSS`));
  const rows = [
    row(`${bigCsv.rows.toLocaleString('en')}-row CSV chart: build, s`, bigCsv.build.wall, fixed(2)),
    ...(isUnavailable(bigCsv.draw)
      ? [unavailable(`${bigCsv.rows.toLocaleString('en')}-row CSV chart: drawn, ms`, bigCsv.draw)]
      : [row(`${bigCsv.rows.toLocaleString('en')}-row CSV chart: first frame, ms`, bigCsv.draw.firstFrame, fixed(0)), row(`${bigCsv.rows.toLocaleString('en')}-row CSV chart: data-drawn, ms`, bigCsv.draw.drawn, fixed(0))]),
    row(`${manyCharts.charts} charts from data files: build, s`, manyCharts.build.wall, fixed(2)),
    pdf(`${manyCharts.charts} charts: PDF from Markdown, s`, manyCharts.pdf),
    pdf(`${manyCharts.charts} charts: PDF from a fresh build, s`, manyCharts.pdfFromBuild),
  ];
  return ['\nCharts from data files: build and PDF from process start to exit; drawn from navigation to the chart\'s slide (cold context per load)', table(['case', 'min', 'median', 'max', 'runs', ''], rows)];
}

export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  const { machine } = results;
  const label = (key: string) => {
    const c = results.cases.find((x) => x.name === key);
    return c ? `${key === 'deck' ? 'the deck' : 'generated'} (${c.slides} slides, ${c.charts} charts)` : key;
  };
  out.push(
    `markdown-deck bench${results.quick ? ' (--quick)' : ''} at ${results.commit}: ${machine.cores} cores (${machine.cpu}), node ${machine.node}, ${machine.chromium}, load ${machine.loadStart.toFixed(1)} → ${machine.loadEnd.toFixed(1)}`,
  );

  out.push('\nBuild: `deck build` wall time, s (Node start to exit)');
  out.push(
    table(
      ['case', 'min', 'median', 'max', 'build step', 'peak RSS MB', 'Marp median', 'Marp ÷ ours'],
      Object.entries(results.build).map(([key, b]) => {
        const marp = peerBuild(results.peers, 'marp', key);
        return [label(key), ...triple(b.wall, fixed(2)), fixed(2)(b.build.median), mb(b.peakRss), marp ? fixed(2)(marp.median) : '–', ratio(marp?.median, b.wall.median)];
      }),
    ),
  );
  for (const [key, seconds] of Object.entries(results.buildCold ?? {})) {
    out.push(`first build after an install (runtime bundled, CLI compiled), ${label(key)}: ${fixed(2)(seconds)} s`);
  }

  out.push('\nBytes shipped (KB = 1,000 bytes; JS/CSS/HTML gzipped, woff2 as is)');
  const marpBytes = results.peers.find((p) => p.tool === 'marp')?.shippedBytes;
  out.push(
    table(
      ['case', 'first slide JS+CSS', 'inline JSON', 'slide index (after ready)', 'fonts', 'index.html', 'total dist/', 'raw dist/'],
      Object.entries(results.bytes).map(([key, b]) => [
        label(key),
        kb(b.firstSlide.jsCss),
        kb(b.firstSlide.inlineJson ?? 0),
        kb(b.firstSlide.slideIndex ?? 0),
        kb(b.firstSlide.fonts),
        kb(b.firstSlide.html),
        kb(b.total.transfer),
        kb(b.total.bytes),
      ]),
    ),
  );
  if (marpBytes) out.push(`Marp CLI, the deck as one self-contained HTML file: ${kb(marpBytes)} KB gzipped`);

  out.push(`\nTime to ready: navigation → ${READY_SELECTOR}, ms (cold context per load)`);
  out.push(
    table(
      ['case', 'min', 'median', 'max', 'loads', 'every slide in (median)'],
      Object.entries(results.ready).map(([key, r]) => [label(key), ...triple(r.ready, fixed(0)), String(r.ready.runs), r.everySlide ? fixed(0)(r.everySlide.median) : '–']),
    ),
  );

  out.push('\nHot reload: save → updated slide in the page, ms');
  out.push(
    table(
      ['case', 'min', 'median', 'max', 'edits', 'full reloads'],
      Object.entries(results.hotReload).map(([key, h]) =>
        isUnavailable(h) ? [label(key), 'not available', '', '', '', h.unavailable] : [label(key), ...triple(h.update, fixed(0)), String(h.update.runs), String(h.reloads)],
      ),
    ),
  );

  const pdfRows = (record: BenchResults['pdf'], mode: string) =>
    Object.entries(record).map(([key, p]) => {
      const marp = peerPdf(results.peers, 'marp', key);
      const decktape = peerPdf(results.peers, 'decktape', key);
      const ours = isUnavailable(p) ? undefined : p.wall.median;
      const peerCells = [marp ? fixed(2)(marp.median) : '–', ratio(marp?.median, ours), decktape ? fixed(2)(decktape.median) : '–', ratio(decktape?.median, ours)];
      if (isUnavailable(p)) return [`${label(key)}, ${mode}`, 'not available', '', '', '', '', '', ...peerCells];
      return [`${label(key)}, ${mode}`, ...triple(p.wall, fixed(2)), fixed(3)(p.secondsPerSlide), String(p.pages), mb(p.peakPss), ...peerCells];
    });
  out.push('\nPDF export: `deck export --pdf` wall time, s; memory = peak PSS of the process tree, MB');
  out.push(
    table(
      ['case', 'min', 'median', 'max', 's/slide', 'pages', 'PSS MB', 'Marp', 'Marp ÷ ours', 'decktape', 'decktape ÷ ours'],
      [...pdfRows(results.pdf, 'from Markdown'), ...pdfRows(results.pdfFromBuild, 'from a fresh build')],
    ),
  );
  for (const peer of results.peers) {
    for (const [key, p] of Object.entries(peer.pdf ?? {})) {
      if (!isUnavailable(p)) out.push(`${peer.tool} ${peer.version}, ${label(key)}: ${triple(p.wall, fixed(2)).join(' / ')} s (min/median/max), ${fixed(3)(p.secondsPerSlide)} s/slide, ${p.pages} pages, peak PSS ${mb(p.peakPss)} MB`);
      else out.push(`${peer.tool}, ${label(key)}: ${p.unavailable}`);
    }
  }

  if (results.charts) out.push(...chartTables(results.charts));
  if (results.pptx) out.push(pptxReport(results.pptx));
  if (results.relay) out.push(relayReport(results.relay));

  out.push('\nBudgets');
  out.push(
    table(
      ['budget', 'measured', 'limit', 'result'],
      results.budgets.map((b) => [
        b.name,
        b.value === null ? 'not available' : `${b.value.toFixed(b.unit === 'KB' || b.unit === 's' || b.unit === 'ratio' ? 2 : 0)} ${b.unit}`,
        `≤ ${b.limit} ${b.unit}`,
        b.pass === null ? `n/a${b.note ? ` (${b.note})` : ''}` : b.pass ? 'PASS' : 'FAIL',
      ]),
    ),
  );
  if (results.notes.length) out.push(`\nNotes:\n${results.notes.map((note) => `- ${note}`).join('\n')}`);
  return out.join('\n');
}
