/**
 * `deck check` as a function: compiles the slides (every compiler diagnostic,
 * missing files, external hosts), then, unless turned off or the deck does not
 * build, checks the rendered deck in Chromium. Returns the findings as data.
 */
import type { Browser } from 'playwright-core';
import { findChrome } from '../browser/find-chrome.ts';
import { ChromeNotFoundError } from '../errors.ts';
import { hasErrors } from '../compiler/index.ts';
import { compileFolder } from '../loader/compile-folder.ts';
import { DeckDiagrams } from '../builder/deck-diagrams.ts';
import type { Progress } from '../export/progress.ts';
import type { Diagnostic } from '../types.ts';
import { resolveCheckOptions, type CheckOptions } from './check-options.ts';
import { checkRendered } from './check-rendered.ts';
import { mergeFindings } from './merge-findings.ts';

export interface CheckReport {
  slides: number;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
  /** Whether the deck was checked in Chromium. */
  rendered: boolean;
  /** Why it was not, when it was not. */
  skipped: string | null;
  seconds: number;
}

export interface CheckContext {
  /** A browser to reuse (tests); otherwise one is launched and closed. */
  browser?: Browser;
  /** Told what the rendered check is doing: building, then slide after slide. */
  progress?: Progress;
}

export async function runCheck(user: Partial<CheckOptions> & { slidesDir: string }, context: CheckContext = {}): Promise<CheckReport> {
  const started = performance.now();
  const options = resolveCheckOptions(user);
  let deck = compileFolder(options.slidesDir);
  if (options.render && !hasErrors(deck.diagnostics)) {
    if (!context.browser && !findChrome()) throw new ChromeNotFoundError(process.env.CHROME_PATH);
    // Diagrams are drawn in Chromium (or found cached): a diagram's syntax error is a finding like the compiler's.
    deck = await new DeckDiagrams().complete(deck);
  }
  let rendered: Diagnostic[] = [];
  let skipped: string | null = null;
  if (!options.render) skipped = 'rendered checks turned off';
  else if (hasErrors(deck.diagnostics)) skipped = 'the deck does not build: fix its errors, then check again for layout, charts and accessibility';
  else rendered = await checkRendered(options, { ...context, settings: deck.settings });

  const diagnostics = mergeFindings(deck.diagnostics, rendered);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    slides: deck.slides.length,
    errors,
    warnings: diagnostics.length - errors,
    diagnostics,
    rendered: options.render && skipped === null,
    skipped,
    seconds: (performance.now() - started) / 1000,
  };
}
