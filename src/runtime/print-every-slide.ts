/**
 * The print view prints every slide: a built large deck's later slides are appended and deferred slide
 * bodies become markup before anything reads the page (print-view.ts looks for charts as it loads).
 * Imported by main.ts ahead of print-view.ts; its top-level await holds the modules after it.
 */
import { readPrintViewFlags } from '../page-contract.ts';
import { fillAllSlides } from './deferred-slides.ts';
import { appendLaterSlides } from './later-slides.ts';

if (readPrintViewFlags(window.location.search).printView) {
  await appendLaterSlides();
  fillAllSlides(document);
}
