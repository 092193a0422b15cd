/**
 * Build wall time as a user sees it: `node bin/deck.js build DIR --out OUT`
 * from process start to exit (Node start, CLI start, compile, Vite bundle,
 * write), and the time the CLI itself reports for the build step. The timed
 * runs find the caches warm (the runtime bundle, the compiled CLI); one more
 * run measures the first build after an install, with both caches removed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_CACHE } from '../src/builder/runtime-bundle.ts';
import { APP_ROOT } from '../src/app-paths.ts';
import { runCommand } from './run-command.ts';
import { stats, type Stats } from './stats.ts';

import { DECK_BIN } from '../src/app-paths.ts';
export { DECK_BIN };

export interface BuildFigures {
  /** Seconds from process start to exit. */
  wall: Stats;
  /** Seconds the CLI reports for the build itself (without Node and CLI start-up). */
  build: Stats;
  /** Largest RSS sum of the build's process tree, bytes (sampled every 50 ms during the timed runs). */
  peakRss: number;
}

export async function measureBuild(slidesDir: string, outDir: string, runs: number): Promise<BuildFigures> {
  const wall: number[] = [];
  const build: number[] = [];
  let peakRss = 0;
  for (let run = 0; run < runs; run++) {
    const result = await runCommand(process.execPath, [DECK_BIN, 'build', slidesDir, '--out', outDir], { cwd: APP_ROOT });
    wall.push(result.seconds);
    const reported = /in ([\d.]+) s/.exec(result.stdout);
    if (reported) build.push(Number(reported[1]));
    peakRss = Math.max(peakRss, result.peak.rss);
  }
  return { wall: stats(wall), build: stats(build.length ? build : wall), peakRss };
}

/**
 * The first build after an install or a change of the app: without the runtime bundle and the compiled
 * CLI in `node_modules/.cache/markdown-deck/`, so Vite bundles the runtime and esbuild compiles the CLI.
 */
export async function measureColdBuild(slidesDir: string, outDir: string): Promise<number> {
  rmSync(RUNTIME_CACHE, { recursive: true, force: true });
  const result = await runCommand(process.execPath, [DECK_BIN, 'build', slidesDir, '--out', outDir], { cwd: APP_ROOT });
  return result.seconds;
}
