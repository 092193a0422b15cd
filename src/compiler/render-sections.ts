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

/**
 * The deck split where a page that leaves its later slides to a file of their own (a build) stops: after
 * the horizontal stack that holds slide `EAGER_SLIDES`, so no stack is cut in two. `later` is empty for a
 * deck of up to `EAGER_SLIDES` slides.
 */
export function splitEagerSlides<S extends Pick<Slide, 'h'>>(slides: readonly S[]): { eager: S[]; later: S[] } {
  let end = Math.min(EAGER_SLIDES, slides.length);
  while (end > 0 && end < slides.length && slides[end]!.h === slides[end - 1]!.h) end++;
  return { eager: slides.slice(0, end), later: slides.slice(end) };
}

/**
 * The markup of the later slides' sections (their bodies as data), for their file: the page fetches it after
 * its first slide is ready and appends it to `.slides` (later-slides.ts).
 */
export function renderLaterSections(later: readonly Slide[]): string {
  return renderSections(later, 0);
}

/** The slides reveal.js counts (`getTotalSlides()`): neither uncounted nor hidden ones. */
export function countedSlides(slides: readonly Pick<Slide, 'attributes'>[]): number {
  return slides.filter((slide) => !['uncounted', 'hidden'].includes(slide.attributes['data-visibility'] ?? '')).length;
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
