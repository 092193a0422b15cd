/** reveal.js configuration from the deck settings; the deck's `revealOptions` win. */
import type { RevealConfig } from 'reveal.js';
import type { DeckSettings } from '../types.ts';

/** Below this window width the deck opens as a scrolling page (phones). */
export const SCROLL_VIEW_MAX_WIDTH = 640;

export function revealConfig(settings: DeckSettings): RevealConfig {
  return {
    width: settings.width,
    height: settings.height,
    margin: 0.04,
    center: false,
    display: 'flex',
    hash: true,
    respondToHashChanges: true,
    history: false,
    controls: true,
    controlsTutorial: false,
    progress: true,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    transition: settings.transition as RevealConfig['transition'],
    backgroundTransition: 'fade',
    // One PDF page per slide with every fragment shown; `?pdfSeparateFragments=true` splits them.
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    scrollActivationWidth: SCROLL_VIEW_MAX_WIDTH,
    hideCursorTime: 3000,
    ...(settings.revealOptions as RevealConfig),
  };
}
