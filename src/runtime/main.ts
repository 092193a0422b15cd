import 'reveal.js/reveal.css';
import './theme/deck-features.css';
import 'virtual:deck-theme.css';
import './code-steps.css';
import './diagrams.css';
import './theme/layouts.css';
import './theme/theme-chrome.css';
import './print-every-slide.ts';
import './print-view.ts';
import { readManifest } from './read-manifest.ts';
import { startDeck } from './start-deck.ts';

const manifest = readManifest();
if (manifest) void startDeck(manifest);
else console.error('deck: this page holds no deck (the dev server leaves out a deck with errors: see the overlay)');
