/**
 * The Vite adapter of a deck: compiles the slides folder, puts the deck into
 * the page (slides and manifest), reports diagnostics with file:line and, in
 * the dev server, pushes slide edits to the open deck without a reload.
 * (`deck build` does not bundle decks: it puts the compiled deck into the
 * cached runtime bundle, src/builder/; `vite build` with vite.config.ts uses
 * this plugin and bundles everything.)
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { ErrorPayload, FSWatcher, Plugin, ResolvedConfig } from 'vite';
import { DeckErrors, buildSeverities, createCompileCache, formatDiagnostic, hasErrors, renderDeckPage } from '../compiler/index.ts';
import { compileFolder, resolveReference } from '../loader/compile-folder.ts';
import type { CompiledDeck } from '../types.ts';
import { KATEX_STYLESHEET, deckUsesMath } from '../builder/math-assets.ts';
import { DeckDiagrams, type DiagramJob } from '../builder/deck-diagrams.ts';
import { watchDeck } from './deck-dev-server.ts';
import { resolveTheme } from './resolve-theme.ts';
import { VIRTUAL_THEME } from './theme-plugin.ts';

export interface DeckPluginOptions {
  /** Folder of Markdown slides (absolute, or relative to the working directory). */
  slidesDir: string;
}

export function deckPlugin(options: DeckPluginOptions): Plugin {
  const slidesDir = resolve(options.slidesDir);
  let config: ResolvedConfig;
  let deck: CompiledDeck | null = null;
  /** The charts' data files (absolute): watched like the slides, wherever they are (`../assets/data/`). */
  let dataFiles = new Set<string>();
  let watcher: FSWatcher | undefined;
  /** Each file's compiled slides, so an edit compiles only its own file again. */
  const cache = createCompileCache();

  const toPosix = (path: string) => path.split(sep).join('/');

  /** Diagrams drawn so far (and cached on disk); the ones still missing are drawn in the background. */
  const diagrams = new DeckDiagrams();
  let drawing = false;

  /** Draws diagrams without holding up the edit, then compiles again (a change of their file), which puts them in. */
  function drawInBackground(jobs: DiagramJob[]): void {
    if (drawing || jobs.length === 0) return;
    drawing = true;
    diagrams
      .render(jobs)
      .catch((error: unknown) => diagrams.markFailed(jobs, `diagrams are drawn with Mermaid in Chromium: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        drawing = false;
        watcher?.emit('change', resolve(jobs[0]!.file));
      });
  }

  /** The deck with its diagrams (those drawn so far), drawing the others in the dev server. */
  function compile(): CompiledDeck {
    const { deck: filled, missing } = diagrams.fill(compileSlides());
    if (config.command === 'serve') drawInBackground(missing);
    return filled;
  }

  /** The deck with build severities: a missing image or another host is a warning here, an error in `deck check`. */
  function compileSlides(): CompiledDeck {
    const dev = config.command === 'serve';
    const compiled = compileFolder(slidesDir, {
      cache,
      resolveUrl: (url, file) => {
        const path = resolveReference(url, file);
        // A missing file keeps its URL as written (reported as a warning), as Vite does with URLs it cannot resolve.
        if (!existsSync(path)) return url;
        // Served from where they are (Vite's file-system route), or bundled from the page's relative URL.
        return dev ? `/@fs${toPosix(path)}` : toPosix(relative(config.root, path));
      },
    });
    dataFiles = new Set((compiled.dataFiles ?? []).map((path) => resolve(path)));
    watcher?.add([...dataFiles]);
    return { ...compiled, diagnostics: buildSeverities(compiled.diagnostics) };
  }

  function current(): CompiledDeck {
    deck ??= compile();
    return deck;
  }

  const isDeckSource = (file: string) => (file.startsWith(slidesDir + sep) && /\.(md|markdown|ya?ml)$/i.test(file)) || dataFiles.has(file);

  /** Vite's error payload for the first error of a deck: the overlay shows its file:line. */
  function errorPayload(compiled: CompiledDeck): ErrorPayload {
    const first = compiled.diagnostics.find((d) => d.severity === 'error')!;
    return {
      type: 'error',
      err: {
        message: new DeckErrors(compiled.diagnostics).message,
        stack: '',
        id: resolve(first.file),
        loc: { file: resolve(first.file), line: first.line, column: 1 },
        plugin: 'deck',
      },
    };
  }

  return {
    name: 'deck',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      const report = (compiled: CompiledDeck): void => {
        deck = compiled;
        for (const d of deck.diagnostics) if (d.severity === 'warning') this.warn(formatDiagnostic(d));
        if (config.command === 'build' && hasErrors(deck.diagnostics)) throw new DeckErrors(deck.diagnostics);
      };
      if (config.command !== 'build') return report(compile());
      // `vite build`: every diagram drawn before the page is written (Chromium only for those not cached).
      const slides = compileSlides();
      const { deck: filled, missing } = diagrams.fill(slides);
      return missing.length === 0 ? report(filled) : diagrams.complete(slides).then(report);
    },
    resolveId(id) {
      return id === VIRTUAL_THEME ? resolveTheme(current().settings.theme, slidesDir) : null;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const compiled = current();
        // A broken deck is not served: the page shows Vite's overlay, and is reloaded once the deck is fixed.
        if (config.command === 'serve' && hasErrors(compiled.diagnostics)) return html;
        // KaTeX's stylesheet: always in the dev server (math added by a hot update needs it), else only with math.
        const dev = config.command === 'serve';
        const math = dev || deckUsesMath(compiled.slides) ? [dev ? `/@fs${toPosix(KATEX_STYLESHEET)}` : toPosix(relative(config.root, KATEX_STYLESHEET))] : [];
        return renderDeckPage(html, compiled, { stylesheets: math });
      },
    },
    configureServer(server) {
      server.watcher.add(slidesDir);
      watcher = server.watcher;
      watcher.add([...dataFiles]);
      watchDeck(server, {
        compile,
        current,
        replace(next) {
          deck = next;
        },
        isDeckSource,
        errorPayload,
      });
    },
    handleHotUpdate({ file }) {
      // Slide files are handled by the watcher above: no module depends on them.
      if (isDeckSource(file)) return [];
      return undefined;
    },
  };
}
