/**
 * The print view prints every slide: deferred slide bodies become markup before anything reads the
 * page (print-view.ts looks for charts as it loads). Imported by main.ts ahead of print-view.ts.
 */
import { readPrintViewFlags } from '../page-contract.ts';
import { fillAllSlides } from './deferred-slides.ts';

if (readPrintViewFlags(window.location.search).printView) fillAllSlides(document);
