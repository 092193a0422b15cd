/**
 * `npm run bench`: measures build time, bytes shipped, time to ready, hot
 * reload and PDF export on the shipped deck and on generated decks, measures
 * the peer tools in the same run, prints a table with the budgets' PASS/FAIL
 * and writes every figure to `bench/results.json`.
 *
 * Options: `--quick` (fewer runs, no 5,000-slide build, no 200-slide decktape),
 * `--no-peers`, `--out FILE`, `--strict` (exit 1 when a budget fails), `--only charts`,
 * `--only large-decks`, `--only pptx` or `--only relay` (only that part, written to `bench/results-<part>.json` unless `--out` says otherwise).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChrome } from '../src/browser/launch-chrome.ts';
import { findChrome } from '../src/browser/find-chrome.ts';
import { serveStatic } from '../src/browser/serve-static.ts';
import { buildDeck } from '../src/builder/build-deck.ts';
import { compileFolder } from '../src/loader/compile-folder.ts';
import { APP_ROOT } from '../src/app-paths.ts';
import type { BenchResults, BytesFigures, DeckCase } from './bench-results.ts';
import { checkBudgets } from './budgets.ts';
import { measurePptx } from './measure-pptx.ts';
import { measureRelay } from './measure-relay.ts';
import { chartCount, writeDeck } from './generate-deck.ts';
import { measureBuild, measureColdBuild } from './measure-build.ts';
import { measureFirstSlide, measureTotal } from './measure-bytes.ts';
import { exportAvailable, measurePdf, runDeckExport } from './measure-export.ts';
import { measureHotReload } from './measure-hot-reload.ts';
import { measureReady } from './measure-ready.ts';
import { measurePeers } from './measure-peers.ts';
import { formatReport } from './report.ts';
import { benchCharts, type ChartFigures } from './bench-charts.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    out: { type: 'string' },
    only: { type: 'string' },
  },
});
const PARTS = ['charts', 'large-decks', 'pptx', 'relay'];
if (args.only !== undefined && !PARTS.includes(args.only)) throw new Error(`--only takes ${PARTS.join(' or ')}, not ${args.only}`);
/** The large-deck part (issue 19): the shipped deck and 1,000 and 5,000 generated slides, without peers. */
const largeDecksOnly = args.only === 'large-decks';
const OUT = args.out ?? join(APP_ROOT, args.only ? `bench/results-${args.only}.json` : 'bench/results.json');

const quick = args.quick;
const RUNS = quick ? { build: 2, ready: 3, hot: 3, pdf: 1, peer: 1, draw: 3 } : { build: 5, ready: 10, hot: 10, pdf: 5, peer: 3, draw: 10 };
// A part run alone works in a folder of its own, leaving the rest of bench/out alone.
const WORK = join(APP_ROOT, 'bench/out', args.only ?? '');
const SHIPPED = join(APP_ROOT, 'slides');
const log = (message: string) => console.error(`bench: ${message}`);

function gitCommit(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: APP_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function deckCase(name: string, slidesDir: string): DeckCase {
  const deck = compileFolder(slidesDir);
  return { name, slides: deck.slides.length, charts: deck.slides.reduce((sum, slide) => sum + slide.charts.length, 0) };
}

function bytesOf(dist: string): BytesFigures {
  const first = measureFirstSlide(dist);
  const total = measureTotal(dist);
  return {
    firstSlide: { jsCss: first.jsCss, fonts: first.fonts, html: first.html, inlineJson: first.inlineJson, slideIndex: first.slideIndex, files: first.files.map(({ path, transfer }) => ({ path, transfer })) },
    total: { transfer: total.transfer, bytes: total.bytes, files: total.files.map(({ path, transfer, bytes }) => ({ path, transfer, bytes })) },
  };
}

async function main(): Promise<void> {
  const chromePath = findChrome();
  if (!chromePath) throw new Error('no Chromium found: install one or set CHROME_PATH');
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const loadStart = loadavg()[0]!;
  const notes: string[] = [];

  const results: BenchResults = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    quick,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), os: `${platform()} ${release()}`, node: process.version, chromium: '', loadStart, loadEnd: 0 },
    cases: [],
    build: {},
    bytes: {},
    ready: {},
    hotReload: {},
    pdf: {},
    pdfFromBuild: {},
    peers: [],
    notes,
    budgets: [],
  };

  if (args.only !== 'charts' && args.only !== 'pptx' && args.only !== 'relay') await measureDecks(results, chromePath);
  if (!largeDecksOnly && args.only !== 'pptx' && args.only !== 'relay') results.charts = await measureCharts(chromePath, results);
  // The PowerPoint part (issue 14): the shipped deck and 200 slides, Marp CLI's --pptx beside them.
  if (!args.only || args.only === 'pptx') results.pptx = await measurePptx({ work: WORK, chromePath, runs: RUNS.pdf, peers: !args['no-peers'], log });
  if (results.pptx) notes.push(...results.pptx.notes);
  // The relay of `deck present` (issue 17): 500 viewers and more, until a size misses the latency budgets.
  if (!args.only || args.only === 'relay') results.relay = await measureRelay({ quick, log });
  if (results.relay) notes.push(...results.relay.notes);

  results.machine.loadEnd = loadavg()[0]!;
  results.budgets = checkBudgets(results);
  // A part run alone reports only the budgets it measured.
  if (args.only) results.budgets = results.budgets.filter((budget) => budget.pass !== null || budget.note);
  if (results.machine.loadStart > 1 || results.machine.loadEnd > 1) notes.push(`the machine was busy (load ${loadStart.toFixed(1)} → ${results.machine.loadEnd.toFixed(1)} on ${cpus().length} cores): timings are pessimistic`);
  console.log(formatReport(results));
  writeFileSync(resolve(OUT), `${JSON.stringify(results, null, 2)}\n`);
  log(`figures written to ${resolve(OUT)}`);
  if (args.strict && results.budgets.some((b) => b.pass === false)) process.exitCode = 1;
}

/** The shipped deck and the generated ones: build, bytes, time to ready, hot reload, PDF export, peers. */
async function measureDecks(results: BenchResults, chromePath: string): Promise<void> {
  const { notes } = results;
  // The decks: the shipped one and generated ones (every 10th slide a chart).
  const dirs: Record<string, string> = { deck: SHIPPED };
  const sizes = largeDecksOnly ? [1000, 5000] : quick ? [100, 200, 1000] : [100, 200, 1000, 5000];
  for (const slides of sizes) dirs[`gen-${slides}`] = writeDeck(join(WORK, `slides-${slides}`), { slides, chartEvery: 10 });
  const cases = Object.entries(dirs).map(([name, dir]) => deckCase(name, dir));
  results.cases = cases;
  for (const c of cases.filter((x) => x.name !== 'deck')) if (c.charts !== chartCount(c.slides)) throw new Error(`${c.name}: ${c.charts} charts compiled`);
  const dist = (key: string) => join(WORK, `dist-${key}`);

  if (!largeDecksOnly) {
    log('build deck, first after an install (caches removed)');
    results.buildCold = { deck: await measureColdBuild(dirs.deck!, dist('deck')) };
  }
  for (const key of ['deck', 'gen-100', 'gen-1000', 'gen-5000'].filter((k) => dirs[k])) {
    log(`build ${key} × ${RUNS.build}`);
    results.build[key] = await measureBuild(dirs[key]!, dist(key), RUNS.build);
  }
  if (dirs['gen-200']) await buildDeck({ slidesDir: dirs['gen-200'], outDir: dist('gen-200') });
  results.bytes.deck = bytesOf(dist('deck'));
  results.bytes['gen-1000'] = bytesOf(dist('gen-1000'));

  const browser = await launchChrome(chromePath);
  try {
    results.machine.chromium = `Chromium ${browser.version()}`;
    for (const key of ['deck', 'gen-1000', 'gen-5000'].filter((k) => dirs[k])) {
      log(`time to ready ${key} × ${RUNS.ready}`);
      const server = await serveStatic(dist(key));
      try {
        results.ready[key] = await measureReady(browser, server.url, RUNS.ready);
      } finally {
        await server.close();
      }
    }
    for (const key of ['deck', 'gen-1000']) {
      log(`hot reload ${key} × ${RUNS.hot}`);
      try {
        results.hotReload[key] = await measureHotReload(browser, dirs[key]!, RUNS.hot);
      } catch (error) {
        results.hotReload[key] = { unavailable: error instanceof Error ? error.message : String(error) };
      }
    }
  } finally {
    await browser.close();
  }

  if (await exportAvailable()) {
    // 1,000 slides (100 charts) from Markdown only: its budget is time, pages and memory.
    for (const key of ['deck', 'gen-200', 'gen-1000'].filter((k) => dirs[k] && !(largeDecksOnly && k === 'deck'))) {
      const c = cases.find((x) => x.name === key)!;
      const cwd = join(WORK, `export-${key}`);
      mkdirSync(cwd, { recursive: true });
      for (const rebuild of key === 'gen-1000' ? [true] : [true, false]) {
        log(`PDF export ${key}${rebuild ? ' (building first)' : ' (reusing the build)'} × ${RUNS.pdf} (+1 sampled for memory)`);
        const target = rebuild ? results.pdf : results.pdfFromBuild;
        try {
          target[key] = await measurePdf(c.slides, join(cwd, 'deck.pdf'), RUNS.pdf, (output, pss) => runDeckExport(dirs[key]!, output, pss, cwd, rebuild));
        } catch (error) {
          target[key] = { unavailable: `export failed: ${error instanceof Error ? error.message : String(error)}` };
        }
      }
    }
  } else {
    for (const key of ['deck', 'gen-200']) results.pdf[key] = results.pdfFromBuild[key] = { unavailable: '`deck export --pdf` does not exist yet' };
    notes.push('PDF export not measured: `deck export --pdf` is not available in this tree.');
  }

  if (!args['no-peers'] && !largeDecksOnly) {
    log('peers');
    const peers = await measurePeers({ dirs, dist, work: WORK, chromePath, cases, runs: RUNS.peer, quick, log });
    results.peers = peers.figures;
    notes.push(...peers.notes);
  }
}

/** The chart part: a 1,000-row CSV chart and 50 charts from data files, in a browser of its own. */
async function measureCharts(chromePath: string, results: BenchResults): Promise<ChartFigures> {
  const browser = await launchChrome(chromePath);
  try {
    results.machine.chromium ||= `Chromium ${browser.version()}`;
    return await benchCharts({ work: WORK, browser, runs: RUNS, exportAvailable: await exportAvailable(), log });
  } finally {
    await browser.close();
  }
}

await main();
