/** Starts the deck: reveal.js with its plugins, then each feature of the runtime. */
import Reveal, { type RevealApi, type RevealConfig } from 'reveal.js';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import type { DeckManifest } from '../types.ts';
import { readPrintViewFlags } from '../page-contract.ts';
import { stringsFor } from '../strings/strings.ts';
import { applyDarkSlideBackgrounds } from './dark-slides.ts';
import { chartFeature } from './charts/chart-feature.ts';
import { hotReload } from './hot-reload.ts';
import { pageRole } from './page-role.ts';
import { presentingConfig } from './presenting-config.ts';
import { preparePrintView, skipUnusedPrintMeasures } from './print-view.ts';
import { fillAllSlides, fillBeforeShown, fillInIdleTime, hasDeferredSlides } from './deferred-slides.ts';
import { appendLaterSlides, fetchLaterSlides, handOverLaterSlides, LATER_SLIDES_PENDING_CLASS, linkedSlideInPage, markEverySlide, wholeDeckSlideNumber } from './later-slides.ts';
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

/** A started deck: ready (its first slide shown); `everySlide` once the page holds every slide (later-slides.ts). */
export interface StartedDeck {
  everySlide: Promise<void>;
}

export async function startDeck(manifest: DeckManifest): Promise<StartedDeck> {
  const role = pageRole();
  const later = manifest.laterSlides;
  if (later) void fetchLaterSlides(later).catch(() => undefined); // awaited where appended
  if (role === 'speaker') {
    // The speaker view's window: its own code, loaded only there.
    const { startSpeakerView } = await import('./speaker-view/start-speaker-view.ts');
    // It reads every slide's notes, timing and fragments from the page.
    if (later) await appendLaterSlides(later);
    fillAllSlides(document);
    markEverySlide();
    startSpeakerView(manifest);
    return { everySlide: Promise.resolve() };
  }
  const root = document.querySelector<HTMLElement>('.reveal');
  if (!root) throw new Error('the page has no .reveal element');
  const config = { ...revealConfig(manifest.settings), ...presentingConfig(role) };
  skipUnusedPrintMeasures(config);
  const scrollViewMaxWidth = Number(config.scrollActivationWidth ?? 0);
  const scrollView = config.view === 'scroll' || /[?&]view=scroll/.test(window.location.search) || window.innerWidth <= scrollViewMaxWidth;
  const linkedHash = window.location.hash;
  // A built large deck's later slides come after ready, unless this view needs them from the start.
  const printView = readPrintViewFlags(window.location.search).printView;
  const laterAfterReady = later !== undefined && !scrollView && !printView && linkedSlideInPage(root, linkedHash);
  if (later && !laterAfterReady) await appendLaterSlides(later);
  if (printView) {
    // The print view prints every slide: deferred bodies become markup before it looks for charts.
    fillAllSlides(root);
    preparePrintView();
  }
  if (laterAfterReady) {
    root.classList.add(LATER_SLIDES_PENDING_CLASS);
    if (config.slideNumber === 'c/t') config.slideNumber = wholeDeckSlideNumber(later, () => reveal) as unknown as RevealConfig['slideNumber'];
  }
  applyDarkSlideBackgrounds(root);
  // The scroll view shows every slide at once (the print view's are filled above); otherwise deferred
  // slides become markup as they are shown.
  const stopFilling = scrollView ? (fillAllSlides(root), () => {}) : fillBeforeShown(root, scrollViewMaxWidth);
  const reveal = new Reveal(root, { ...config, plugins: [Zoom, Search, speakerNotesPlugin] });
  // Like reveal.js's script build: tools (decktape, plugins, tests) drive `window.Reveal`.
  window.Reveal = reveal;

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
  const fillTheRest = () => {
    if (hasDeferredSlides(root)) disposers.push(fillInIdleTime(reveal, () => charts.prefetch()));
    else charts.prefetch();
  };
  if (!laterAfterReady) {
    markEverySlide();
    fillTheRest();
    return { everySlide: Promise.resolve() };
  }
  const everySlide = handOverLaterSlides(reveal, later, () => applyDarkSlideBackgrounds(root), fillTheRest);
  everySlide.catch((error: unknown) => console.error(error));
  return { everySlide };
}
