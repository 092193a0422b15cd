/**
 * A built deck from a slides folder: the compiled deck put into a copy of the
 * runtime bundle (its page template and assets), the deck's images beside
 * them. Compiler errors stop it before anything is written; warnings (a
 * missing image, another host) are returned and the reference left as written.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeckErrors, buildSeverities, hasErrors, renderDeckPage, renderLaterSections, splitEagerSlides, withoutNotes } from '../compiler/index.ts';
import { compileFolder } from '../loader/compile-folder.ts';
import { resolveTheme } from '../vite/resolve-theme.ts';
import { DeckDiagrams } from './deck-diagrams.ts';
import { DeckImages } from './deck-images.ts';
import { deckUsesMath, writeMathAssets } from './math-assets.ts';
import { ensureRuntimeBundle } from './runtime-bundle.ts';
import type { CompiledDeck, Diagnostic } from '../types.ts';

export interface AssembleOptions {
  /** The runtime inlined into one script and one stylesheet (for the single-file HTML). @defaultValue false */
  singleFile?: boolean;
  /** Fail with `RuntimeNotCachedError` rather than bundle the runtime with Vite. @defaultValue false */
  cachedRuntimeOnly?: boolean;
  /** Every warning is an error (`deck build --strict`). @defaultValue false */
  strict?: boolean;
  /** Leave the speaker notes out of every file written (`--no-notes`: a copy for the audience). @defaultValue false */
  withoutNotes?: boolean;
  /** The runtime with `deck present`'s page code (its builds only). @defaultValue false */
  present?: boolean;
}

export interface AssembledDeck {
  /** Whether the runtime bundle came from the cache. */
  runtimeCached: boolean;
  /** What the build reported without stopping, in file and line order. */
  warnings: Diagnostic[];
  /** The local files the slides show, copied beside the page (absolute paths). */
  copiedFiles: string[];
}

/** Writes the later slides' sections under a name that changes with them; undefined for a deck without later slides. */
function writeLaterSlides(dir: string, slides: CompiledDeck['slides']): string | undefined {
  const { later } = splitEagerSlides(slides);
  if (!later.length) return undefined;
  const markup = renderLaterSections(later);
  const href = `assets/later-slides-${createHash('sha256').update(markup).digest('hex').slice(0, 10)}.html`;
  writeFileSync(join(dir, href), markup);
  return href;
}

/** Writes the deck into `dir` (which should be new or empty). */
export async function assembleDeck(slidesDir: string, dir: string, options: AssembleOptions = {}): Promise<AssembledDeck> {
  const images = new DeckImages();
  const compiled = compileFolder(slidesDir, { resolveUrl: images.resolveUrl });
  const compileFindings = buildSeverities(compiled.diagnostics, options.strict ?? false);
  if (hasErrors(compileFindings)) throw new DeckErrors(compileFindings);
  // Only a deck that compiles has its diagrams drawn (Chromium is started only for diagrams not cached).
  const drawn = await new DeckDiagrams().complete(compiled);
  const deck = options.withoutNotes ? withoutNotes(drawn) : drawn;
  const diagnostics = buildSeverities(deck.diagnostics, options.strict ?? false);
  if (hasErrors(diagnostics)) throw new DeckErrors(diagnostics);
  const themePath = resolveTheme(deck.settings.theme, resolve(slidesDir));
  const runtime = await ensureRuntimeBundle(deck.settings.theme, themePath, { singleFile: options.singleFile ?? false, present: options.present ?? false, cachedOnly: options.cachedRuntimeOnly ?? false });
  try {
    const template = readFileSync(join(runtime.dir, 'index.html'), 'utf8');
    cpSync(runtime.dir, dir, { recursive: true });
    const stylesheets = deckUsesMath(deck.slides) ? [writeMathAssets(dir, { inlineFonts: options.singleFile ?? false })] : [];
    // A large deck's later slides go into a file of their own, fetched once the first slide is ready; the single
    // file carries every slide.
    const laterSlidesHref = options.singleFile ? undefined : writeLaterSlides(dir, deck.slides);
    writeFileSync(join(dir, 'index.html'), renderDeckPage(template, deck, { stylesheets, laterSlidesHref }));
    images.copyInto(dir);
  } finally {
    runtime.release();
  }
  return { runtimeCached: runtime.cached, warnings: diagnostics, copiedFiles: [...images.copies.keys()] };
}
