/**
 * `deck build`: a slides folder into a static site (src/builder/assemble-deck.ts).
 * Writes into a temporary folder and renames it at the end, so a failed
 * build leaves no partial output under the final name.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { assembleDeck } from './assemble-deck.ts';
import { RuntimeNotCachedError } from '../errors.ts';
import { CliError } from '../errors.ts';
import { DeckErrors, countLabel, formatDiagnostic } from '../compiler/index.ts';
import type { Diagnostic } from '../types.ts';

export interface BuildOptions {
  slidesDir: string;
  outDir: string;
  /** Fail with `RuntimeNotCachedError` (nothing written) rather than bundle the runtime with Vite. @defaultValue false */
  cachedRuntimeOnly?: boolean;
  /** Every warning is an error. @defaultValue false */
  strict?: boolean;
  /** No speaker notes in any file of the output (`deck build --no-notes`, the audience's copy). @defaultValue false */
  withoutNotes?: boolean;
  /** The runtime with `deck present`'s page code (its builds only). @defaultValue false */
  present?: boolean;
}

export interface BuildResult {
  outDir: string;
  seconds: number;
  /** Whether the runtime bundle came from the cache (else it was bundled by Vite first). */
  runtimeCached: boolean;
  /** What the build reported without stopping (missing images, other hosts …). */
  warnings: Diagnostic[];
  /** The local files the slides show, copied beside the page (absolute paths). */
  copiedFiles: string[];
}

export async function buildDeck(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const outDir = resolve(options.outDir);
  const temporary = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
  let assembled;
  try {
    rmSync(temporary, { recursive: true, force: true });
    assembled = await assembleDeck(options.slidesDir, temporary, {
      cachedRuntimeOnly: options.cachedRuntimeOnly ?? false,
      strict: options.strict ?? false,
      withoutNotes: options.withoutNotes ?? false,
      present: options.present ?? false,
    });
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error instanceof RuntimeNotCachedError ? error : toCliError(error);
  }
  if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
  renameSync(temporary, outDir);
  return { outDir, seconds: (performance.now() - started) / 1000, ...assembled };
}

/**
 * A failed build as one CLI error. A deck that does not compile: its errors and warnings, one
 * `file:line: severity: message` line each in file and line order, and their counts last.
 */
export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof DeckErrors) {
    const diagnostics = [...error.diagnostics].sort((a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const counts = `build failed: ${countLabel(errors, 'error')}, ${countLabel(diagnostics.length - errors, 'warning')}`;
    return new CliError([...diagnostics.map(formatDiagnostic), counts].join('\n'));
  }
  return new CliError(error instanceof Error ? error.message : String(error));
}
