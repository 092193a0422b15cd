/**
 * The Vite adapter: compiles the slides folder, injects the slides into the
 * page, serves `virtual:deck`, reports diagnostics with file:line and pushes
 * slide edits to the open deck without a reload.
 */
import { relative, resolve, sep } from 'node:path';
import type { ErrorPayload, Plugin, ResolvedConfig } from 'vite';
import { formatDiagnostic, hasErrors, renderSections } from '../compiler/index.ts';
import { escapeHtml } from '../compiler/escape-html.ts';
import { compileFolder, resolveReference } from '../loader/compile-folder.ts';
import type { CompiledDeck, Diagnostic } from '../types.ts';
import { watchDeck } from './deck-dev-server.ts';
import { toManifest } from './deck-update.ts';
import { resolveTheme } from './resolve-theme.ts';

export interface DeckPluginOptions {
  /** Folder of Markdown slides (absolute, or relative to the working directory). */
  slidesDir: string;
}

const VIRTUAL_DECK = 'virtual:deck';
const VIRTUAL_THEME = 'virtual:deck-theme.css';
const SLIDES_MARKER = '<!--deck:slides-->';

export class DeckBuildError extends Error {
  readonly isDeckBuildError = true;
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
    this.name = 'DeckBuildError';
  }
}

export function deckPlugin(options: DeckPluginOptions): Plugin {
  const slidesDir = resolve(options.slidesDir);
  let config: ResolvedConfig;
  let deck: CompiledDeck | null = null;

  const toPosix = (path: string) => path.split(sep).join('/');

  function compile(): CompiledDeck {
    const dev = config.command === 'serve';
    return compileFolder(slidesDir, {
      resolveUrl: (url, file) => {
        const path = resolveReference(url, file);
        return dev ? `/@fs${toPosix(path)}` : toPosix(relative(config.root, path));
      },
    });
  }

  function current(): CompiledDeck {
    deck ??= compile();
    return deck;
  }

  const isDeckSource = (file: string) => file.startsWith(slidesDir + sep) && /\.(md|markdown|ya?ml)$/i.test(file);

  /** Vite's error payload for the first error of a deck: the overlay shows its file:line. */
  function errorPayload(compiled: CompiledDeck): ErrorPayload {
    const first = compiled.diagnostics.find((d) => d.severity === 'error')!;
    return {
      type: 'error',
      err: {
        message: new DeckBuildError(compiled.diagnostics).message,
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
      deck = compile();
      for (const d of deck.diagnostics) if (d.severity === 'warning') this.warn(formatDiagnostic(d));
      if (config.command === 'build' && hasErrors(deck.diagnostics)) throw new DeckBuildError(deck.diagnostics);
    },
    resolveId(id) {
      if (id === VIRTUAL_DECK) return `\0${VIRTUAL_DECK}`;
      if (id === VIRTUAL_THEME) return resolveTheme(current().settings.theme, slidesDir);
      return null;
    },
    load(id) {
      if (id !== `\0${VIRTUAL_DECK}`) return null;
      const compiled = current();
      if (hasErrors(compiled.diagnostics)) {
        const first = compiled.diagnostics.find((d) => d.severity === 'error')!;
        this.error({ message: new DeckBuildError(compiled.diagnostics).message, id: resolve(first.file), loc: { file: resolve(first.file), line: first.line, column: 1 } });
      }
      return `export default ${JSON.stringify(toManifest(compiled))};`;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const { settings, slides } = current();
        return html
          .replace(SLIDES_MARKER, renderSections(slides))
          .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(settings.lang)}"`)
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(settings.title)}</title>`)
          .replace(
            '</head>',
            [
              settings.author && `<meta name="author" content="${escapeHtml(settings.author)}">`,
              `<meta name="description" content="${escapeHtml(settings.title)}">`,
              '</head>',
            ].filter(Boolean).join('\n'),
          );
      },
    },
    configureServer(server) {
      server.watcher.add(slidesDir);
      watchDeck(server, {
        compile,
        current,
        replace(next) {
          deck = next;
          const module = server.moduleGraph.getModuleById(`\0${VIRTUAL_DECK}`);
          if (module) server.moduleGraph.invalidateModule(module);
        },
        isDeckSource,
        errorPayload,
        virtualId: VIRTUAL_DECK,
      });
    },
    handleHotUpdate({ file }) {
      // Slide files are handled by the watcher above: no module depends on them.
      if (isDeckSource(file)) return [];
      return undefined;
    },
  };
}
