/**
 * reveal.js settings that depend on the page's role. The slide previews in
 * the speaker view are the deck itself, stripped to the slide: no controls,
 * no keyboard, no URL updates, no transitions, and never the scroll view
 * (a small frame would otherwise switch to it).
 */
import type { RevealConfig } from 'reveal.js';
import type { PageRole } from './page-role.ts';

export function presentingConfig(role: PageRole): RevealConfig {
  // The help overlay is our own (in the deck's language, with the deck's shortcuts): see help-overlay.ts.
  const always: RevealConfig = { help: false };
  if (role !== 'preview') return always;
  return {
    ...always,
    controls: false,
    progress: false,
    slideNumber: false,
    keyboard: false,
    touch: false,
    hash: false,
    history: false,
    respondToHashChanges: false,
    overview: false,
    jumpToSlide: false,
    previewLinks: false,
    transition: 'none',
    backgroundTransition: 'none',
    scrollActivationWidth: 0,
    hideInactiveCursor: false,
    mouseWheel: false,
    // The speaker view steers the preview by reveal.js's postMessage API and hears its `ready`.
    postMessage: true,
    postMessageEvents: true,
  };
}
