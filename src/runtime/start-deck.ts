/** Starts the deck: reveal.js with its plugins, then each feature of the runtime. */
import Reveal, { type RevealApi } from 'reveal.js';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import type { DeckManifest } from '../types.ts';
import { applyDarkSlideBackgrounds } from './dark-slides.ts';
import { chartFeature } from './charts/chart-feature.ts';
import { hotReload } from './hot-reload.ts';
import { markReady } from './readiness.ts';
import { revealConfig } from './reveal-config.ts';
import { speakerNotes } from './speaker-notes.ts';

declare global {
  interface Window {
    Reveal: RevealApi;
  }
}

export async function startDeck(manifest: DeckManifest): Promise<void> {
  const root = document.querySelector<HTMLElement>('.reveal');
  if (!root) throw new Error('the page has no .reveal element');
  applyDarkSlideBackgrounds(root);
  const reveal = new Reveal(root, { ...revealConfig(manifest.settings), plugins: [Zoom, Search] });
  // Like reveal.js's script build: tools (decktape, plugins, tests) drive `window.Reveal`.
  window.Reveal = reveal;

  await reveal.initialize();
  const charts = chartFeature(reveal);
  const disposers = [charts.dispose, speakerNotes(reveal), hotReload(reveal, charts, manifest, () => applyDarkSlideBackgrounds(root))];
  window.addEventListener('pagehide', () => disposers.forEach((dispose) => dispose()), { once: true });

  await document.fonts.ready;
  await charts.drawCurrent();
  markReady();
}
