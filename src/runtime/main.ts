import 'reveal.js/reveal.css';
import './theme/deck-features.css';
import 'virtual:deck-theme.css';
import './code-steps.css';
import './diagrams.css';
import './theme/layouts.css';
import './theme/theme-chrome.css';
import './print-view.ts';
import { PRESENT_META_NAME } from '../page-contract.ts';
import { pageRole } from './page-role.ts';
import { readManifest } from './read-manifest.ts';
import { startDeck } from './start-deck.ts';

const manifest = readManifest();
// Served by `deck present` (its meta): only then its code loads, one chunk of its own. The speaker view loads it itself.
// A constant false in every other build, so that code is not even shipped.
const presenting = __DECK_PRESENT__ && document.querySelector(`meta[name="${PRESENT_META_NAME}"]`) !== null;
const role = pageRole();
if (!manifest) console.error('deck: this page holds no deck (the dev server leaves out a deck with errors: see the overlay)');
else if (presenting && role === 'remote') void import('./present/start-present.ts').then(({ startRemote }) => startRemote(manifest));
else {
  const started = startDeck(manifest);
  if (presenting && role === 'audience') {
    // The presenter may be on any slide: the audience's page follows once it holds every slide.
    const everySlide = started.then((deck) => deck.everySlide);
    void Promise.all([everySlide, import('./present/start-present.ts')]).then(([, { startPresent }]) => startPresent(window.Reveal, manifest.settings.lang));
  }
}
