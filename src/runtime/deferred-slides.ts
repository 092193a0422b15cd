/**
 * Slide bodies a large deck's page carries as data (after its first slides, see render-sections.ts):
 * the browser only scans them while loading, so the first slide does not wait for the whole deck to
 * become elements. A body becomes markup before reveal.js goes to its slide (and its neighbours), and
 * every other one in idle time once the deck is ready; views that show every slide at once (print,
 * scroll view, overview, speaker view) get all of them first.
 */
import type { RevealApi } from 'reveal.js';
import { DEFERRED_BODY_CLASS } from '../page-contract.ts';

const DEFERRED = `script.${DEFERRED_BODY_CLASS}`;
/** Horizontal slides on each side of the target filled with it, so a step to the next one finds it ready. */
const NEIGHBOURS = 2;
/** Slides filled per idle callback. */
const IDLE_BATCH = 20;

/** Turns a section's deferred body into its markup; false when it had none. */
export function fillSlide(section: Element | null | undefined): boolean {
  const data = section?.firstElementChild;
  if (!section || !data?.matches(DEFERRED)) return false;
  section.innerHTML = JSON.parse(data.textContent ?? '""') as string;
  return true;
}

export function fillAllSlides(root: ParentNode): void {
  for (const data of Array.from(root.querySelectorAll(DEFERRED))) fillSlide(data.parentElement);
}

export function hasDeferredSlides(root: ParentNode): boolean {
  return root.querySelector(DEFERRED) !== null;
}

/** The horizontal slides `h - NEIGHBOURS … h + NEIGHBOURS` and their vertical ones. */
function fillAround(root: HTMLElement, h: number): void {
  const horizontal = root.querySelectorAll(':scope > .slides > section');
  for (let i = Math.max(0, h - NEIGHBOURS); i <= Math.min(horizontal.length - 1, h + NEIGHBOURS); i++) {
    const section = horizontal[i]!;
    fillSlide(section);
    for (const vertical of Array.from(section.children)) if (vertical.tagName === 'SECTION') fillSlide(vertical);
  }
}

/**
 * Fills slides before reveal.js shows them: call before `reveal.initialize()` (reveal.js announces each
 * move as `beforeslidechange` on its root, the initial one included). Returns what stops it.
 */
export function fillBeforeShown(root: HTMLElement, scrollViewMaxWidth: number): () => void {
  const beforeChange = (event: Event) => {
    const { indexh } = event as Event & { indexh?: number };
    if (typeof indexh === 'number') fillAround(root, indexh);
  };
  const fillAll = () => fillAllSlides(root);
  // reveal.js switches to the scroll view on resize; this listener, added first, runs before its own.
  const resized = () => window.innerWidth <= scrollViewMaxWidth && fillAll();
  root.addEventListener('beforeslidechange', beforeChange);
  // The overview shows every slide as a thumbnail.
  root.addEventListener('overviewshown', fillAll);
  window.addEventListener('resize', resized);
  return () => {
    root.removeEventListener('beforeslidechange', beforeChange);
    root.removeEventListener('overviewshown', fillAll);
    window.removeEventListener('resize', resized);
  };
}

/** Fills the rest in idle time after ready (search, jumps and previews then find every slide), then calls `done`. */
export function fillInIdleTime(reveal: RevealApi, done: () => void): () => void {
  const root = reveal.getRevealElement();
  const idle = window.requestIdleCallback ?? ((task: () => void) => window.setTimeout(task, 50));
  const cancel = window.cancelIdleCallback ?? window.clearTimeout;
  // Taken once: a body filled meanwhile (shown, or replaced by a hot reload) is skipped.
  const sections = Array.from(root?.querySelectorAll(DEFERRED) ?? [], (data) => data.parentElement);
  let next = 0;
  let pending = 0;
  const batch = () => {
    for (const end = Math.min(next + IDLE_BATCH, sections.length); next < end; next++) {
      const section = sections[next];
      if (section?.isConnected && fillSlide(section)) reveal.syncFragments(section);
    }
    if (next < sections.length) pending = idle(batch);
    else done();
  };
  pending = idle(batch);
  return () => cancel(pending);
}
