/**
 * The one readiness signal: `<html data-deck-ready>` once reveal.js is ready,
 * fonts are loaded and every chart of the current view is drawn. Exporters
 * and tests wait on it; it stays set while navigating.
 */
import { READY_ATTRIBUTE } from '../page-contract.ts';

export { READY_ATTRIBUTE };

export function markReady(): void {
  performance.mark('deck-ready');
  document.documentElement.setAttribute(READY_ATTRIBUTE, '');
  document.dispatchEvent(new CustomEvent('deck:ready'));
}
