/**
 * The speaker view (reveal.js's notes plugin) loads when first needed: on `S`,
 * or when an open speaker window looks for this page after a reload. It is
 * fetched in the background once the deck is ready, so `S` opens it at once.
 */
import type { RevealApi } from 'reveal.js';
import type { NotesPlugin } from 'reveal.js/plugin/notes';

let loading: Promise<NotesPlugin> | null = null;

function loadNotes(reveal: RevealApi): Promise<NotesPlugin> {
  loading ??= import('reveal.js/plugin/notes').then(({ default: Notes }) => {
    const plugin = Notes();
    reveal.registerPlugin(plugin);
    return reveal.getPlugin('notes') as NotesPlugin;
  });
  return loading;
}

export function speakerNotes(reveal: RevealApi): () => void {
  const receiver = /receiver/i.test(window.location.search);
  if (receiver) return () => {};

  reveal.addKeyBinding({ keyCode: 83, key: 'S', description: 'Sprecheransicht' }, () => {
    void loadNotes(reveal).then((plugin) => plugin.open());
  });

  const onMessage = (event: MessageEvent) => {
    if (typeof event.data === 'string' && event.data.includes('"reveal-notes"')) void loadNotes(reveal);
  };
  window.addEventListener('message', onMessage);

  const prefetch = () => void import('reveal.js/plugin/notes');
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  document.addEventListener('deck:ready', () => idle(prefetch), { once: true });

  return () => window.removeEventListener('message', onMessage);
}
