/**
 * `deck build`: compiles and bundles a slides folder into a static site.
 * Writes into a temporary folder and renames it at the end, so a failed
 * build leaves no partial output under the final name.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'vite';
import { formatDiagnostic } from '../compiler/index.ts';
import { createViteConfig } from '../vite/create-vite-config.ts';
import type { DeckBuildError } from '../vite/deck-plugin.ts';
import { CliError } from './cli-error.ts';

export interface BuildOptions {
  slidesDir: string;
  outDir: string;
}

export async function buildDeck(options: BuildOptions): Promise<{ outDir: string; seconds: number }> {
  const started = performance.now();
  const outDir = resolve(options.outDir);
  const temporary = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
  try {
    await build({ ...createViteConfig({ slidesDir: options.slidesDir, outDir: temporary }), logLevel: 'error' });
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw toCliError(error);
  }
  if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
  renameSync(temporary, outDir);
  return { outDir, seconds: (performance.now() - started) / 1000 };
}

/** Build failures from the deck plugin become one `file:line: message` line each. */
export function toCliError(error: unknown): CliError {
  const cause = findDeckError(error);
  if (cause) return new CliError(cause.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
  return new CliError(error instanceof Error ? error.message : String(error));
}

function findDeckError(error: unknown): DeckBuildError | null {
  // Vite may wrap the plugin's error; look through its causes.
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as DeckBuildError).isDeckBuildError) return e as DeckBuildError;
  }
  return null;
}
