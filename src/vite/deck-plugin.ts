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
import { DECK_UPDATE_EVENT, type CompiledDeck, type Diagnostic } from '../types.ts';
import { diffDecks, toManifest } from './deck-update.ts';
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
      // The last deck without errors: edits are diffed against it, so fixing a bad
      // edit is an ordinary update that keeps the presenter where they are.
      let lastGood: CompiledDeck | null = null;
      // A browser asked for the deck while it had errors: that page never started.
      let servedBroken = false;
      // A page opened while the deck is broken shows the overlay too.
      server.ws.on('vite:client:connect', (_data, client) => {
        const compiled = current();
        if (hasErrors(compiled.diagnostics)) client.send(errorPayload(compiled));
      });
      server.middlewares.use((request, _response, next) => {
        if (request.url?.includes(VIRTUAL_DECK) && hasErrors(current().diagnostics)) servedBroken = true;
        next();
      });
      const onChange = (file: string) => {
        if (!isDeckSource(file)) return;
        const before = lastGood ?? current();
        let after: CompiledDeck;
        try {
          after = compile();
        } catch (error) {
          server.config.logger.error(String(error));
          return;
        }
        deck = after;
        const module = server.moduleGraph.getModuleById(`\0${VIRTUAL_DECK}`);
        if (module) server.moduleGraph.invalidateModule(module);
        for (const d of after.diagnostics) server.config.logger.warn(formatDiagnostic(d), { timestamp: true });
        if (hasErrors(after.diagnostics)) {
          if (!hasErrors(before.diagnostics)) lastGood = before;
          server.ws.send(errorPayload(after));
          return;
        }
        const recovering = lastGood !== null || hasErrors(before.diagnostics);
        lastGood = null;
        // A page opened while the deck was broken never started: only a reload revives it.
        if (servedBroken) {
          servedBroken = false;
          server.ws.send({ type: 'full-reload', path: '*' });
          return;
        }
        const update = diffDecks(before, after);
        if (update === 'reload') server.ws.send({ type: 'full-reload', path: '*' });
        // After an error, even an edit back to the last good deck is sent: it clears the overlay.
        else if (update || recovering) server.ws.send({ type: 'custom', event: DECK_UPDATE_EVENT, data: update ?? { kind: 'content', changed: [], manifest: toManifest(after) } });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
    handleHotUpdate({ file }) {
      // Slide files are handled by the watcher above: no module depends on them.
      if (isDeckSource(file)) return [];
      return undefined;
    },
  };
}
