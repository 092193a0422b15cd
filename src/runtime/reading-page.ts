/**
 * The reading view's page (reading-view.ts): reveal.js's scroll view with its slides reflowed into
 * sections of one page (reading-view.css) that scroll in the window. reveal.js measures its scroll
 * view in pages of one slide height each (which slide is current, where a slide is, which fragment
 * a scroll position shows); that no longer holds for reflowed sections of any height, so its
 * viewport element no longer scrolls and this module does that part by the sections' real places:
 * the current slide as the reader scrolls, going to a slide (links, `Reveal.slide()`, keys), and
 * loading a slide's backgrounds and media as it comes near.
 *
 * Fragments become ordinary content (shown, and no longer reveal.js fragments): a page is read, not
 * stepped through, and reveal.js's scroll view then sets no fragment steps by scroll position.
 * Leaving the scroll view, reveal.js puts back the slides as they were before it (fragments too).
 */
import type { RevealApi } from 'reveal.js';

/** Reading size of body text, in CSS px (phones' own body text is 16-17 px). */
export const READING_BODY_PX = 18;

/** Shrinks each page so the theme's body text comes out at `READING_BODY_PX` (reading-view.css). */
const ZOOM_PROPERTY = '--deck-reading-zoom';

/** A slide is current once its top has passed this fraction of the screen's height. */
const CURRENT_LINE = 0.25;

/** reveal.js's classes of a fragment, and of one that is shown. */
const FRAGMENT_CLASS = 'fragment';
const VISIBLE_CLASS = 'visible';

/** Keys that scroll a page in the browser: reveal.js would turn them into its own steps, which move nothing here. */
const SCROLL_KEYS = new Set([' ', 'PageDown', 'PageUp', 'ArrowDown', 'ArrowUp', 'Home', 'End']);
/** Keys that go to the next or previous slide, as when presenting. */
const STEP_KEYS: Record<string, 1 | -1> = { ArrowRight: 1, ArrowLeft: -1, n: 1, N: 1, p: -1, P: -1 };

export interface ReadingPage {
  /** Scrolls slide `h`/`v` to the top of the screen and makes it current. */
  goTo(h: number, v: number): void;
  close(): void;
}

interface SlideChange extends Event {
  indexh: number;
  indexv: number;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
}

/** The slides in reading order, as reveal.js's scroll view wrapped them (one section per page). */
function readingSections(slides: HTMLElement): HTMLElement[] {
  return Array.from(slides.querySelectorAll<HTMLElement>('.scroll-page-content:not(.scroll-auto-animate-page) > section'));
}

const indices = (section: HTMLElement) => ({ h: Number(section.dataset['indexH'] ?? 0), v: Number(section.dataset['indexV'] ?? 0) });

export function openReadingPage(reveal: RevealApi): ReadingPage {
  const viewport = reveal.getViewportElement()!;
  const slides = reveal.getSlidesElement()!;
  const bodySize = parseFloat(getComputedStyle(reveal.getRevealElement()!).fontSize);
  if (bodySize > 0) viewport.style.setProperty(ZOOM_PROPERTY, String(READING_BODY_PX / bodySize));
  // Shown (reveal.js's class, which a chart's build-up steps read too), and no longer a fragment.
  for (const fragment of slides.querySelectorAll(`.${FRAGMENT_CLASS}`)) fragment.classList.replace(FRAGMENT_CLASS, VISIBLE_CLASS);

  let sections = readingSections(slides);
  // Hot reload may put new sections in.
  const current = () => (sections[0]?.isConnected ? sections : (sections = readingSections(slides)));

  /** The last section whose top has passed the line (binary search: sections go down the page in order). */
  function atLine(): HTMLElement | undefined {
    const list = current();
    const line = window.innerHeight * CURRENT_LINE;
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (list[middle]!.getBoundingClientRect().top <= line) low = middle;
      else high = middle - 1;
    }
    return list[low];
  }

  let currentSection: HTMLElement | undefined;
  const makeCurrent = (section: HTMLElement) => {
    currentSection = section;
    if (reveal.getCurrentSlide() === section) return;
    const { h, v } = indices(section);
    reveal.setCurrentScrollPage(section, h, v);
  };

  // reveal.js lays its scroll view out again on every resize (a phone's address bar showing or
  // hiding) and on the window's load event, and then takes its first page for the current one: the
  // reader's slide stays current. (A page that loads slowly fires load after a linked slide was gone to.)
  let resizeFrame = 0;
  const onResize = () => {
    // A frame later: after reveal.js's listener, whichever was added first.
    resizeFrame ||= requestAnimationFrame(() => {
      resizeFrame = 0;
      if (currentSection?.isConnected) makeCurrent(currentSection);
    });
  };

  // The section at the line when it last changed: a jump makes its target current even where the
  // target cannot reach the line (the last, short slides), and scrolling on from there follows the line.
  let lastAtLine = atLine();
  let frame = 0;
  const onScroll = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      const section = atLine();
      if (section && section !== lastAtLine) makeCurrent(section);
      lastAtLine = section;
    });
  };

  function goTo(h: number, v: number): void {
    const section = current().find((s) => indices(s).h === h && indices(s).v === v) ?? current().find((s) => indices(s).h === h);
    if (!section) return;
    section.scrollIntoView({ block: 'start', behavior: 'instant' });
    lastAtLine = atLine();
    makeCurrent(section);
  }

  // `Reveal.slide()` (a link, the hash, a jump) scrolls reveal.js's viewport element, which no longer scrolls.
  const onBeforeSlideChange = (event: Event) => {
    const { indexh, indexv } = event as SlideChange;
    goTo(indexh, indexv ?? 0);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return;
    const step = STEP_KEYS[event.key];
    if (SCROLL_KEYS.has(event.key)) event.stopPropagation();
    else if (step) {
      event.stopPropagation();
      event.preventDefault();
      const list = current();
      const index = list.indexOf(reveal.getCurrentSlide() as HTMLElement);
      const next = list[Math.min(Math.max(index + step, 0), list.length - 1)];
      if (next) goTo(indices(next).h, indices(next).v);
    }
  };

  // A slide's background image, video or lazy media (`data-src`), loaded by reveal.js as the slide comes near
  // (its scroll view would do it by its own measure of where the reader is).
  const loader = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        loader.unobserve(entry.target);
        reveal.syncSlide(entry.target as HTMLElement);
      }
    },
    { rootMargin: '100% 0px' },
  );
  sections.forEach((section) => loader.observe(section));

  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onResize);
  window.addEventListener('load', onResize);
  // Before reveal.js's own listener on the document.
  window.addEventListener('keydown', onKeyDown, { capture: true });
  reveal.on('beforeslidechange', onBeforeSlideChange);

  return {
    goTo,
    close() {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(resizeFrame);
      loader.disconnect();
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onResize);
      window.removeEventListener('load', onResize);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      reveal.off('beforeslidechange', onBeforeSlideChange);
      viewport.style.removeProperty(ZOOM_PROPERTY);
    },
  };
}
