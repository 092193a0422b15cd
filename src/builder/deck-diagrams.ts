/**
 * The diagrams of a compiled deck, drawn: the SVG of each ```` ```mermaid ```` block put where the
 * compiler left its placeholder. SVGs are cached on disk by a hash of the diagram's source, Mermaid's
 * version and configuration (`node_modules/.cache/markdown-deck/diagrams/`), so a build renders only
 * new or changed diagrams, and a deck without any never starts Chromium for them.
 *
 * `deck build` (and the exporter's build) calls `complete`: render what is missing, then fill in.
 * The dev server fills in what is cached at once and renders the rest in the background, then
 * compiles again (`fill` and `render`): editing a slide never waits for Chromium.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml, putDiagrams } from '../compiler/index.ts';
import { APP_CACHE } from '../app-paths.ts';
import { ChromeNotFoundError, CliError } from '../errors.ts';
import { markUsed } from './prune-runtime-cache.ts';
import type { CompiledDeck, Diagnostic, DiagramSource, Slide } from '../types.ts';
import { DIAGRAM_SCALE, MERMAID_CONFIG, MERMAID_VERSION, MermaidPage, scaleDiagram } from './mermaid-page.ts';

export const DIAGRAM_CACHE = join(APP_CACHE, 'diagrams');

/**
 * A cached SVG that no build has used for this long is removed when new ones are drawn (every build
 * touches the SVGs it uses), so edits that are long gone do not pile up.
 */
export const DIAGRAM_UNUSED_FOR_MS = 30 * 24 * 3600_000;

/** A diagram to draw: its source and where it was written, and its cache key. */
export interface DiagramJob extends DiagramSource {
  key: string;
}

export interface FilledDeck {
  deck: CompiledDeck;
  /** Diagrams neither cached nor known to fail: to render. */
  missing: DiagramJob[];
}

export function diagramKey(source: string): string {
  return createHash('sha256').update(JSON.stringify([MERMAID_VERSION, MERMAID_CONFIG, DIAGRAM_SCALE, source])).digest('hex');
}

/** The SVG's id (Mermaid scopes the diagram's styles to it): the same diagram twice gets the same, harmlessly. */
const svgId = (key: string) => `deck-diagram-${key.slice(0, 12)}`;

/** Mermaid's message on one line, without its "on line N" (the diagnostic names the line) and its ASCII pointer. */
export function mermaidMessage(message: string): string {
  const lines = message.split('\n').filter((line) => !/^-*\^$/.test(line.trim()) && !line.startsWith('...'));
  return lines.join(' ').replace(/ on line \d+[:.]?/, ':').replace(/\s+/g, ' ').trim();
}

export class DeckDiagrams {
  /** Drawn SVGs by key, read from the disk cache once. */
  private readonly svgs = new Map<string, string>();
  /** Diagrams Mermaid rejected, by key: the message and the line of the source it names. */
  private readonly failures = new Map<string, { message: string; line: number | null }>();

  constructor(private readonly cacheDir = DIAGRAM_CACHE) {}

  /** The deck with every cached diagram in place and a located error for each failed one; what is left to render. */
  fill(deck: CompiledDeck): FilledDeck {
    if (!deck.slides.some((slide) => slide.diagrams)) return { deck, missing: [] };
    const missing: DiagramJob[] = [];
    const diagnostics: Diagnostic[] = [];
    const slides = deck.slides.map((slide): Slide => {
      if (!slide.diagrams) return slide;
      const drawn = slide.diagrams.map((diagram) => {
        const key = diagramKey(diagram.source);
        const svg = this.cached(key);
        if (svg) return svg;
        const failure = this.failures.get(key);
        if (failure) {
          diagnostics.push({ severity: 'error', code: 'diagram', message: failure.message, file: diagram.file, line: diagram.line + (failure.line ?? 1) });
          return `<p class="deck-diagram-error">${escapeHtml(failure.message)}</p>`;
        }
        if (!missing.some((job) => job.key === key)) missing.push({ ...diagram, key });
        return '<p class="deck-diagram-pending">…</p>';
      });
      return { ...slide, html: putDiagrams(slide.html, drawn), notesHtml: putDiagrams(slide.notesHtml, drawn) };
    });
    const all = [...deck.diagnostics, ...diagnostics].sort((a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line);
    return { deck: { ...deck, slides, diagnostics: all }, missing };
  }

  /** Draws the diagrams in one Chromium page and caches their SVGs; Mermaid's errors are kept for `fill`. ChromeNotFoundError without Chromium. */
  async render(jobs: DiagramJob[], executablePath?: string): Promise<void> {
    if (jobs.length === 0) return;
    const page = await MermaidPage.start(executablePath);
    try {
      const results = await page.render(jobs.map((job) => ({ id: svgId(job.key), source: job.source })));
      mkdirSync(this.cacheDir, { recursive: true });
      results.forEach((result, index) => {
        const { key } = jobs[index]!;
        if ('svg' in result) this.store(key, scaleDiagram(result.svg));
        else this.failures.set(key, { message: `Mermaid: ${mermaidMessage(result.error)}`, line: result.line });
      });
      pruneDiagramCache(this.cacheDir);
    } finally {
      await page.close();
    }
  }

  /** Records that these diagrams could not be drawn at all (no Chromium): `fill` reports them at their fences. */
  markFailed(jobs: DiagramJob[], message: string): void {
    for (const job of jobs) this.failures.set(job.key, { message, line: null });
  }

  /** The deck with all its diagrams drawn (rendering what the cache lacks); a deck without Chromium fails in one line. */
  async complete(deck: CompiledDeck, executablePath?: string): Promise<CompiledDeck> {
    const first = this.fill(deck);
    if (first.missing.length === 0) return first.deck;
    try {
      await this.render(first.missing, executablePath);
    } catch (error) {
      if (!(error instanceof ChromeNotFoundError)) throw error;
      const { file, line } = first.missing[0]!;
      throw new CliError(`${file}:${line}: error: diagrams are drawn with Mermaid in Chromium when the deck is built: ${error.message} [diagram]`);
    }
    return this.fill(deck).deck;
  }

  private cached(key: string): string | undefined {
    if (!this.svgs.has(key)) {
      const path = join(this.cacheDir, `${key}.svg`);
      try {
        this.svgs.set(key, readFileSync(path, 'utf8'));
      } catch {
        return undefined;
      }
      markUsed(path);
    }
    return this.svgs.get(key);
  }

  /** Written beside its name and renamed: builds running at once never read a half-written SVG. */
  private store(key: string, svg: string): void {
    const path = join(this.cacheDir, `${key}.svg`);
    // Unique per writer: test workers share a process id.
    const temporary = `${path}.tmp-${process.pid}-${randomUUID()}`;
    writeFileSync(temporary, svg);
    renameSync(temporary, path);
    this.svgs.set(key, svg);
  }
}

/** Removes the cached SVGs (and leftovers of interrupted writes) unused for `DIAGRAM_UNUSED_FOR_MS`; returns their names. */
export function pruneDiagramCache(cacheDir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(cacheDir)) {
    if (!/^[0-9a-f]{64}\.svg(\.tmp-[\w-]+)?$/.test(name)) continue;
    const path = join(cacheDir, name);
    try {
      if (now - statSync(path).mtimeMs < DIAGRAM_UNUSED_FOR_MS) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Removed by another build meanwhile.
    }
  }
  return removed;
}
