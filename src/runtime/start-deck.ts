/** Starts the deck: reveal.js with its plugins, then each feature of the runtime. */
import Reveal, { type RevealApi } from 'reveal.js';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import type { DeckManifest } from '../types.ts';
import { stringsFor } from '../strings/strings.ts';
import { applyDarkSlideBackgrounds } from './dark-slides.ts';
import { chartFeature } from './charts/chart-feature.ts';
import { hotReload } from './hot-reload.ts';
import { pageRole } from './page-role.ts';
import { presentingConfig } from './presenting-config.ts';
import { skipUnusedPrintMeasures } from './print-view.ts';
import { fillAllSlides, fillBeforeShown, fillInIdleTime, hasDeferredSlides } from './deferred-slides.ts';
import { presentingControls } from './presenting-controls.ts';
import { readingView } from './reading-view.ts';
import { markReady } from './readiness.ts';
import { revealConfig } from './reveal-config.ts';
import { speakerNotes, speakerNotesPlugin } from './speaker-notes.ts';

declare global {
  interface Window {
    Reveal: RevealApi;
  }
}

export async function startDeck(manifest: DeckManifest): Promise<void> {
  const role = pageRole();
  if (role === 'speaker') {
    // The speaker view's window: its own code, loaded only there.
    const { startSpeakerView } = await import('./speaker-view/start-speaker-view.ts');
    // It reads every slide's notes, timing and fragments from the page.
    fillAllSlides(document);
    startSpeakerView(manifest);
    return;
  }
  const root = document.querySelector<HTMLElement>('.reveal');
  if (!root) throw new Error('the page has no .reveal element');
  applyDarkSlideBackgrounds(root);
  const config = { ...revealConfig(manifest.settings), ...presentingConfig(role) };
  skipUnusedPrintMeasures(config);
  // The scroll view shows every slide at once (the print view's are filled by print-every-slide.ts);
  // otherwise deferred slides become markup as they are shown.
  const scrollViewMaxWidth = Number(config.scrollActivationWidth ?? 0);
  const scrollView = config.view === 'scroll' || /[?&]view=scroll/.test(window.location.search) || window.innerWidth <= scrollViewMaxWidth;
  const stopFilling = scrollView ? (fillAllSlides(root), () => {}) : fillBeforeShown(root, scrollViewMaxWidth);
  const reveal = new Reveal(root, { ...config, plugins: [Zoom, Search, speakerNotesPlugin] });
  // Like reveal.js's script build: tools (decktape, plugins, tests) drive `window.Reveal`.
  window.Reveal = reveal;

  const linkedHash = window.location.hash;
  // In the print view reveal.js lays the pages out after start-up; charts are sized only then.
  const printLaidOut = new Promise<void>((resolve) => root.addEventListener('pdf-ready', () => resolve(), { once: true }));
  await reveal.initialize();
  const strings = stringsFor(manifest.settings.lang);
  const charts = chartFeature(reveal, strings);
  const disposers = [stopFilling, charts.dispose, speakerNotes(reveal, strings), hotReload(reveal, charts, manifest, () => applyDarkSlideBackgrounds(root)), presentingControls(reveal, strings), readingView(reveal, linkedHash, manifest, strings)];
  window.addEventListener('pagehide', () => disposers.forEach((dispose) => dispose()), { once: true });

  if (reveal.isPrintView()) await printLaidOut;
  await document.fonts.ready;
  await charts.drawCurrent();
  markReady();
  // Chart.js is fetched ahead once the deck has a chart, which may be in a slide filled only now.
  if (hasDeferredSlides(root)) disposers.push(fillInIdleTime(reveal, () => charts.prefetch()));
  else charts.prefetch();
}
