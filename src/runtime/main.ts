import 'reveal.js/reveal.css';
import 'virtual:deck-theme.css';
import './print-view.ts';
import manifest from 'virtual:deck';
import { startDeck } from './start-deck.ts';

void startDeck(manifest);
