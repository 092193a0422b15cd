/**
 * `deck build`: compiles and bundles a slides folder into a static site.
 * Writes into a temporary folder and renames it at the end, so a failed
 * build leaves no partial output under the final name.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
    // Vite is loaded only by the commands that build.
    const { build } = await import('vite');
    await build({ ...createViteConfig({ slidesDir: options.slidesDir, outDir: temporary }), logLevel: 'silent' });
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
  // Vite and Rolldown wrap plugin errors: look through `errors` and `cause`.
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length && seen < 20; seen++) {
    const e = queue.shift() as { isDeckBuildError?: boolean; errors?: unknown[]; cause?: unknown } | null;
    if (!e || typeof e !== 'object') continue;
    if (e.isDeckBuildError) return e as DeckBuildError;
    queue.push(...(Array.isArray(e.errors) ? e.errors : []), e.cause);
  }
  return null;
}
