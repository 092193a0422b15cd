/**
 * A built large deck's later slides (`LaterSlides` in types.ts): the page carries its first slides, the
 * rest of the sections are a file beside it. So the first slide waits neither for the browser to parse
 * the whole deck nor for reveal.js to set up every section: the file is fetched (at low priority) while
 * the deck starts, and its sections are appended and handed to reveal.js (`sync`) once the first slide is
 * ready and painted. Until then the slide number counts the whole deck and the progress bar is hidden.
 *
 * Views that need every slide from the start get them before reveal.js starts: the print view, the scroll
 * view, the speaker view, and a link to a slide the page does not carry.
 */
import type { RevealApi } from 'reveal.js';
import { EVERY_SLIDE_ATTRIBUTE } from '../page-contract.ts';
import type { LaterSlides } from '../types.ts';

/** On `.reveal` while the later slides are not in yet (deck-features.css hides the progress bar meanwhile). */
export const LATER_SLIDES_PENDING_CLASS = 'deck-later-slides-pending';

let download: Promise<Response> | null = null;
let appended: Promise<void> | null = null;
/** Whether reveal.js has the later slides (`handOverLaterSlides`): then it counts the whole deck itself. */
let handedOver = false;

/**
 * Starts the download (once), at low priority: the first slide's own requests go first. The body is read
 * as text only when appended: decoding megabytes is main-thread work the first slide need not wait for.
 */
export function fetchLaterSlides(later: LaterSlides): Promise<Response> {
  download ??= fetch(new URL(later.href, document.baseURI), { priority: 'low' } as RequestInit);
  return download;
}

/**
 * Appends the later sections to `.slides` (once). Before reveal.js starts, that is all; after,
 * `handOverLaterSlides` gives them to it.
 */
export function appendLaterSlides(later: LaterSlides): Promise<void> {
  appended ??= fetchLaterSlides(later).then(async (response) => {
    if (!response.ok) throw new Error(`deck: the later slides (${later.href}) could not be loaded: HTTP ${response.status}`);
    const markup = await response.text();
    const slides = document.querySelector('.reveal > .slides');
    if (!slides) throw new Error('deck: the page has no .reveal > .slides for its later slides');
    slides.insertAdjacentHTML('beforeend', markup);
  });
  return appended;
}

/** Marks the page as holding every slide: `deck check`, the tests and tools wait for it. */
export function markEverySlide(): void {
  document.documentElement.setAttribute(EVERY_SLIDE_ATTRIBUTE, '');
}

/**
 * Whether the slide a link names (`#/3`, `#/3/1`, `#/slide-id`) is among the slides the page carries; an
 * empty hash opens the first slide. reveal.js removes hidden slides before it counts.
 */
export function linkedSlideInPage(root: HTMLElement, hash: string): boolean {
  const [first = ''] = hash.replace(/^#\/?/, '').split('/');
  if (!first) return true;
  if (/^\d+$/.test(first)) return Number(first) < root.querySelectorAll(':scope > .slides > section:not([data-visibility="hidden"])').length;
  try {
    return document.getElementById(decodeURIComponent(first)) !== null;
  } catch {
    return false;
  }
}

/**
 * reveal.js's `c/t` slide number, whose total is the whole deck's while the later slides are not in yet
 * (`reveal` is read when the number is drawn, after start-up).
 */
export function wholeDeckSlideNumber(later: LaterSlides, reveal: () => RevealApi): (slide: HTMLElement) => (number | string)[] {
  return (slide) => {
    const deck = reveal();
    const counted = slide?.dataset['visibility'] === 'uncounted' ? 0 : 1;
    const total = handedOver ? deck.getTotalSlides() : later.total;
    return [deck.getSlidePastCount(slide) + counted, '/', total];
  };
}

/**
 * After ready: once the first slide is painted, appends the later slides and gives them to reveal.js, then
 * `done` (the deferred bodies in idle time…); `beforeSync` prepares the new sections (dark backgrounds).
 */
export function handOverLaterSlides(reveal: RevealApi, later: LaterSlides, beforeSync: () => void, done: () => void): Promise<void> {
  const root = reveal.getRevealElement() as HTMLElement;
  const painted = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return Promise.all([appendLaterSlides(later), painted]).then(() => {
    (reveal as RevealApi & { removeHiddenSlides(): void }).removeHiddenSlides();
    beforeSync();
    reveal.sync();
    handedOver = true;
    root.classList.remove(LATER_SLIDES_PENDING_CLASS);
    markEverySlide();
    done();
  });
}
