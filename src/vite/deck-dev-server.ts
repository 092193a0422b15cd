/**
 * The dev server's side of hot reload: watches the slides folder, recompiles
 * on every edit (the files that changed) and pushes the slides that changed as a `deck:update` event (the open
 * deck applies it in place) or Vite's error overlay with file:line. Fixing an
 * error is diffed against the last good deck, so it too keeps the presenter
 * where they are; only changed settings, or a page that never started
 * because it loaded a broken deck, need a full reload.
 */
import type { ErrorPayload, ViteDevServer } from 'vite';
import { formatDiagnostic, hasErrors } from '../compiler/index.ts';
import { DECK_UPDATE_EVENT, type CompiledDeck } from '../types.ts';
import { diffDecks, sameDeck } from './deck-update.ts';

export interface DeckDevHooks {
  /** Recompiles the slides folder (the files that changed since the last compile). */
  compile(): CompiledDeck;
  /** The deck the plugin serves now. */
  current(): CompiledDeck;
  /** Makes `deck` the one the plugin serves. */
  replace(deck: CompiledDeck): void;
  isDeckSource(file: string): boolean;
  errorPayload(deck: CompiledDeck): ErrorPayload;
}

/** Editors save in several writes; the watcher reports the first and may drop the rest within 50 ms. */
const DEBOUNCE_MS = 15;
/** So the deck is compiled once more after the writes settle: a dropped last event changes nothing. */
const SETTLE_MS = 250;

export function watchDeck(server: ViteDevServer, hooks: DeckDevHooks): void {
  let lastGood: CompiledDeck | null = null;
  let servedBroken = false;
  let sentError = '';

  // A page opened while the deck is broken shows the overlay too, and is reloaded once it is fixed:
  // it holds the broken deck, which no update is diffed against.
  server.ws.on('vite:client:connect', (_data, client) => {
    const compiled = hooks.current();
    if (!hasErrors(compiled.diagnostics)) return;
    servedBroken = true;
    client.send(hooks.errorPayload(compiled));
  });

  function flush(): void {
    const served = hooks.current();
    let after: CompiledDeck;
    try {
      after = hooks.compile();
    } catch (error) {
      server.config.logger.error(String(error));
      return;
    }
    if (sameDeck(after, served)) return;
    const before = lastGood ?? served;
    hooks.replace(after);
    for (const d of after.diagnostics) server.config.logger.warn(formatDiagnostic(d), { timestamp: true });

    if (hasErrors(after.diagnostics)) {
      if (!hasErrors(before.diagnostics)) lastGood = before;
      const payload = hooks.errorPayload(after);
      if (payload.err.message !== sentError) server.ws.send(payload);
      sentError = payload.err.message;
      return;
    }
    const recovering = lastGood !== null || hasErrors(before.diagnostics);
    lastGood = null;
    sentError = '';
    // A page opened while the deck was broken never started: only a reload revives it.
    if (servedBroken) {
      servedBroken = false;
      server.ws.send({ type: 'full-reload', path: '*' });
      return;
    }
    const update = diffDecks(before, after);
    if (update === 'reload') server.ws.send({ type: 'full-reload', path: '*' });
    // After an error, even an edit back to the last good deck is sent: it clears the overlay.
    else if (update || recovering) server.ws.send({ type: 'custom', event: DECK_UPDATE_EVENT, data: update ?? { kind: 'content', changed: [] } });
  }

  let soon: ReturnType<typeof setTimeout> | undefined;
  let settled: ReturnType<typeof setTimeout> | undefined;
  const onChange = (file: string) => {
    if (!hooks.isDeckSource(file)) return;
    clearTimeout(soon);
    clearTimeout(settled);
    soon = setTimeout(flush, DEBOUNCE_MS);
    settled = setTimeout(flush, SETTLE_MS);
  };
  server.watcher.on('change', onChange);
  server.watcher.on('add', onChange);
  server.watcher.on('unlink', onChange);
  server.httpServer?.once('close', () => {
    clearTimeout(soon);
    clearTimeout(settled);
  });
}
