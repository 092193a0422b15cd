/** The `<section>` markup reveal.js expects, with vertical stacks nested. */
import type { Slide } from '../types.ts';
import { escapeHtml } from './html/escape-html.ts';
import { DEFERRED_BODY_CLASS, SOURCE_ATTRIBUTE } from '../page-contract.ts';
import { scriptSafeJson } from './deck-manifest.ts';

/**
 * Slides (flat index) whose bodies a page carries as markup; later ones as data the runtime turns
 * into markup when they are about to be shown, and after the deck is ready (see deferred-slides.ts).
 */
export const EAGER_SLIDES = 30;

function sectionTag(slide: Slide): string {
  const attributes = Object.entries(slide.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<section${attributes} ${SOURCE_ATTRIBUTE}="${escapeHtml(`${slide.file}:${slide.line}`)}">`;
}

function sectionBody(slide: Slide): string {
  const notes = slide.notesHtml ? `<aside class="notes">${slide.notesHtml}</aside>` : '';
  return `\n${slide.html}${notes}`;
}

export function renderSection(slide: Slide): string {
  return `${sectionTag(slide)}${sectionBody(slide)}</section>`;
}

/** The section with its body as a JSON string: the browser only scans it, it builds no elements from it. */
function renderDeferredSection(slide: Slide): string {
  return `${sectionTag(slide)}<script type="application/json" class="${DEFERRED_BODY_CLASS}">${scriptSafeJson(sectionBody(slide))}</script></section>`;
}

/** `deferFrom`: the flat index from which bodies are deferred (the page's `EAGER_SLIDES`); none by default. */
export function renderSections(slides: readonly Slide[], deferFrom = Number.POSITIVE_INFINITY): string {
  const out: string[] = [];
  for (let i = 0; i < slides.length; i++) {
    const first = i;
    while (slides[i + 1]?.h === slides[i]!.h) i++;
    const stack = slides.slice(first, i + 1).map((slide, k) => (first + k >= deferFrom ? renderDeferredSection(slide) : renderSection(slide)));
    out.push(stack.length === 1 ? stack[0]! : `<section class="stack">\n${stack.join('\n')}\n</section>`);
  }
  return out.join('\n');
}
