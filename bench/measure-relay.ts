/**
 * The relay of `deck present` (issue 17) under load, as a user runs it: `deck present slides --port 0`
 * in a process of its own, the viewers in others (relay-audience.ts), the presenter in the bench's
 * own: 500 viewers, then twice as many up to 4,000 and on until a size's median misses its budget
 * (or a change is lost). Each size gets a fresh relay; its figures are the latency from the presenter's state
 * message to the last viewer's receipt over the slide changes (p50, p95, max) and the relay
 * process's memory (RSS and PSS, idle and at its peak). Its budgets and report table live here too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { APP_ROOT } from '../src/app-paths.ts';
import type { BudgetResult } from './bench-results.ts';
import { DECK_BIN } from './measure-build.ts';
import { sampleTreeMemory, treeMemory } from './process-tree.ts';
import { runCommand } from './run-command.ts';
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';
import type { TalkState } from '../src/present/protocol.ts';

export interface RelayFigures {
  viewers: number;
  changes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Changes some viewer never received. */
  lost: number;
  connectMs: number;
  /** CPU time (user + system) the relay process spent per slide change: its own cost, whatever the machine's load. */
  relayCpuMsPerChange: number;
  idle: { rss: number; pss: number };
  peak: { rss: number; pss: number };
}

export interface RelayBench {
  sizes: RelayFigures[];
  /** The largest audience measured within both latency budgets (null: not even the first). */
  largestWithinBudgets: number | null;
  notes: string[];
}

export const RELAY_BUDGETS = { viewers: 500, p50Ms: 50, p95Ms: 150 } as const;

const SHIPPED = join(APP_ROOT, 'slides');
const AUDIENCE_SCRIPT = join(APP_ROOT, 'bench/relay-audience.ts');
/** Doubling stops here even within budget: the viewers' processes hold every connection's socket. */
const LARGEST_SIZE = 32_000;
/** Sizes measured whatever their latency. */
const ALWAYS_MEASURED = 4000;

/** The nearest-rank percentile. */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}

const withinBudgets = (figures: RelayFigures) => figures.lost === 0 && figures.p50Ms <= RELAY_BUDGETS.p50Ms && figures.p95Ms <= RELAY_BUDGETS.p95Ms;

interface RunningRelay {
  process: ChildProcess;
  audienceRelay: string;
  controlRelay: string;
}

/** `deck present` on the shipped deck; resolves once it prints its URLs. */
function startRelay(maxConnections: number): Promise<RunningRelay> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DECK_BIN, 'present', SHIPPED, '--port', '0', '--max-connections', String(maxConnections)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.includes('listening on')) return;
      const url = (label: string) => new RegExp(`${label}[^\\n]*:\\n\\s+(http\\S+)`).exec(stdout)?.[1];
      const presenter = url('Presenter');
      const audience = url('Audience');
      if (!presenter || !audience) return reject(new Error(`deck present printed no URLs:\n${stdout}`));
      const relay = (page: string) => `${page.replace(/^http/, 'ws')}_relay`;
      resolve({ process: child, audienceRelay: relay(audience), controlRelay: relay(presenter) });
    });
    child.once('exit', (code) => reject(new Error(`deck present ended (${code}): ${stderr.trim()}`)));
  });
}

/** Changes sent first and not timed (the JIT and the sockets' buffers warm up). */
const WARMUP_CHANGES = 3;
/** Pause between changes, ms: slide changes are seconds apart in a talk; this keeps the presenter within the relay's rate limit. */
const GAP_MS = 60;
/** A change not received by every viewer within this long counts as lost. */
const WAIT_MS = 10_000;

const talkState = (h: number): TalkState => ({ h, v: 0, f: -1, overview: false, blackout: false, timer: { startedAt: null, elapsedMs: 0 } });

interface ViewerProcess {
  child: ChildProcess;
  ready: Promise<void>;
  /** When its last viewer received each slide index (hrtime, ns). */
  receipts: Map<number, bigint>;
  onReceipt: () => void;
}

/** A process of `viewers` simulated viewers (relay-audience.ts). */
function startViewers(relay: RunningRelay, viewers: number): ViewerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', AUDIENCE_SCRIPT, relay.audienceRelay, String(viewers)], { cwd: APP_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const process_: ViewerProcess = { child, ready: Promise.resolve(), receipts: new Map(), onReceipt: () => {} };
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  process_.ready = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: number; h?: number; at?: string };
      if (message.ready !== undefined) return resolve();
      process_.receipts.set(message.h!, BigInt(message.at!));
      process_.onReceipt();
    });
    child.once('exit', (code) => reject(new Error(`a viewers' process ended (${code}): ${stderr.trim()}`)));
  });
  return process_;
}

/** Viewers spread over one process per core, so that reading their frames is not one process's queue. */
/** CPU time a process has used so far, ms (/proc/<pid>/stat: utime and stime, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After the command's name: state is field 3 of stat(5), utime 14 and stime 15.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function runTalk(relay: RunningRelay, viewers: number, changes: number): Promise<{ latenciesMs: number[]; lost: number; connectMs: number; relayCpuMsPerChange: number }> {
  const started = performance.now();
  const processes = Math.max(1, Math.min(cpus().length, Math.floor(viewers / 100)));
  const groups = Array.from({ length: processes }, (_, i) => startViewers(relay, Math.floor(viewers / processes) + (i < viewers % processes ? 1 : 0)));
  try {
    await Promise.all(groups.map((group) => group.ready));
    const connectMs = performance.now() - started;
    const presenter = new WebSocket(`${relay.controlRelay}?as=presenter`, { perMessageDeflate: false });
    await new Promise((resolve, reject) => (presenter.once('open', resolve), presenter.once('error', reject)));
    const latenciesMs: number[] = [];
    let lost = 0;
    const cpuBefore = cpuMs(relay.process.pid!);
    for (let change = 0; change < WARMUP_CHANGES + changes; change += 1) {
      const everyone = new Promise<boolean>((resolve) => {
        const timeout = setTimeout(() => resolve(false), WAIT_MS);
        const check = () => groups.every((group) => group.receipts.has(change)) && (clearTimeout(timeout), resolve(true));
        for (const group of groups) group.onReceipt = check;
      });
      const sentAt = process.hrtime.bigint();
      presenter.send(JSON.stringify({ type: 'state', state: talkState(change) }));
      const complete = await everyone;
      if (change >= WARMUP_CHANGES) {
        if (complete) latenciesMs.push(Number(groups.reduce((last, group) => (group.receipts.get(change)! > last ? group.receipts.get(change)! : last), 0n) - sentAt) / 1e6);
        else lost += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
    const relayCpuMsPerChange = (cpuMs(relay.process.pid!) - cpuBefore) / (WARMUP_CHANGES + changes);
    presenter.terminate();
    return { latenciesMs, lost, connectMs, relayCpuMsPerChange };
  } finally {
    await Promise.all(groups.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.stdin!.end())))));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function measureSize(viewers: number, changes: number): Promise<RelayFigures> {
  // Room for the presenter beside the viewers.
  const relay = await startRelay(viewers + 10);
  try {
    const idle = treeMemory(relay.process.pid!, true);
    const sampler = sampleTreeMemory(relay.process.pid!, { pss: true, intervalMs: 250 });
    const run = await runTalk(relay, viewers, changes).catch((error: unknown) => {
      sampler.stop();
      throw error;
    });
    const peak = sampler.stop();
    const latencies = run.latenciesMs.length ? run.latenciesMs : [Number.POSITIVE_INFINITY];
    return {
      viewers,
      changes,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      maxMs: Math.max(...latencies),
      lost: run.lost,
      connectMs: run.connectMs,
      relayCpuMsPerChange: run.relayCpuMsPerChange,
      idle: { rss: idle.rss, pss: idle.pss },
      peak: { rss: peak.rss, pss: peak.pss },
    };
  } finally {
    await stop(relay.process);
  }
}

export async function measureRelay(options: { quick: boolean; log: (message: string) => void }): Promise<RelayBench> {
  const changes = options.quick ? 20 : 50;
  // Compiles the CLI's bundle and builds both decks first, so no relay measured bundles or builds (esbuild's service would count as its memory).
  options.log('relay: building the shipped deck for deck present');
  await runCommand(process.execPath, [DECK_BIN, 'present', SHIPPED, '--build-only']);
  const sizes: RelayFigures[] = [];
  for (let viewers = RELAY_BUDGETS.viewers; viewers <= LARGEST_SIZE; viewers *= 2) {
    options.log(`relay: ${viewers} viewers, ${changes} slide changes`);
    const figures = await measureSize(viewers, changes);
    sizes.push(figures);
    // Up to ALWAYS_MEASURED viewers the sizes show how latency and memory grow, within budget or not; beyond, the
    // ladder goes on while the median holds (p95, the third-worst of 50 changes, swings with a busy machine's load).
    if (figures.lost > 0 || (viewers >= ALWAYS_MEASURED && figures.p50Ms > RELAY_BUDGETS.p50Ms)) break;
  }
  const largest = sizes.filter(withinBudgets).at(-1)?.viewers ?? null;
  return {
    sizes,
    largestWithinBudgets: largest,
    notes: [
      `relay: the relay is \`deck present\` in its own process, the presenter the bench's, the viewers in one process per core (${cpus().length}); every one of them shares this machine's cores, so a large audience's latency includes reading every viewer's frame here`,
    ],
  };
}

export function relayBudgets(bench: RelayBench | undefined): BudgetResult[] {
  const first = bench?.sizes.find((figures) => figures.viewers === RELAY_BUDGETS.viewers);
  const check = (name: string, value: number | null, limit: number): BudgetResult => ({ name, value, limit, unit: 'ms', pass: value === null ? null : value <= limit });
  return [
    check(`relay: ${RELAY_BUDGETS.viewers} viewers, slide change to last viewer, p50`, first?.p50Ms ?? null, RELAY_BUDGETS.p50Ms),
    check(`relay: ${RELAY_BUDGETS.viewers} viewers, slide change to last viewer, p95`, first?.p95Ms ?? null, RELAY_BUDGETS.p95Ms),
  ];
}

export function relayReport(bench: RelayBench): string {
  const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;
  const rows = bench.sizes.map((f) => [
    String(f.viewers),
    f.p50Ms.toFixed(1),
    f.p95Ms.toFixed(1),
    f.maxMs.toFixed(1),
    String(f.lost),
    `${mb(f.idle.pss)} → ${mb(f.peak.pss)}`,
    `${mb(f.idle.rss)} → ${mb(f.peak.rss)}`,
    f.relayCpuMsPerChange.toFixed(1),
    (f.connectMs / 1000).toFixed(1),
    withinBudgets(f) ? 'within' : 'over',
  ]);
  const headers = ['viewers', 'p50 ms', 'p95 ms', 'max ms', 'lost', 'relay PSS idle → peak', 'relay RSS idle → peak', 'relay CPU ms/change', 'connect s', 'budgets'];
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
  const largest = bench.largestWithinBudgets === null ? 'none' : String(bench.largestWithinBudgets);
  return [
    `\nRelay (\`deck present\`): slide change from the presenter's message to the last viewer's receipt, ${bench.sizes[0]?.changes ?? 0} changes per size; budgets p50 ≤ ${RELAY_BUDGETS.p50Ms} ms, p95 ≤ ${RELAY_BUDGETS.p95Ms} ms`,
    line(headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    `largest audience within the budgets: ${largest}`,
  ].join('\n');
}
