/**
 * The reading view on a phone (reveal.js's scroll view, switched on below `scrollActivationWidth` or
 * by `?view=scroll`): each slide a section of one page at the screen's width, text at a reading
 * size, columns stacked, charts at full width drawn as they scroll into view (chart-feature.ts),
 * every fragment shown, and the notes behind a toggle.
 *
 * Why reveal.js's scroll view stays underneath rather than a reading page of our own: it decides
 * when a screen reads rather than presents (and switches back when the window widens), wraps each
 * slide (stacks flattened) with its background in a page, and keeps the reveal.js API that the
 * charts, hot reload, `deck present` and tools drive (`Reveal.slide()`, `getCurrentSlide()`, its
 * events). What it cannot do is reflow: it shows each slide as the slide, scaled to the screen's
 * width (about 10 px text on a phone), and `scrollLayout: 'compact'` only removes the empty screen
 * below each one. So the pages are restyled (reading-view.css) and scrolled by reading-page.ts.
 *
 * reveal.js 6 also forgets the slide named in the URL when it switches to the scroll view during
 * start-up, so a link to `#/zahlen` opened on a phone would start at the title: the page goes to
 * the linked slide once it is ready.
 */
import './reading-view.css';
import type { RevealApi } from 'reveal.js';
import type { DeckManifest } from '../types.ts';
import type { Strings } from '../strings/strings.ts';
import { pageRole } from './page-role.ts';
import { openReadingPage } from './reading-page.ts';
import { readingNotesToggle } from './reading-notes-toggle.ts';

interface Target {
  h: number;
  v: number;
  f?: number;
}

/** reveal.js's hash forms: `#/slide-id`, `#/slide-id/2` (fragment), `#/3`, `#/3/1`, `#/3/1/2`. */
export function targetFromHash(hash: string, slides: DeckManifest['slides']): Target | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return null;
  const number = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined);
  const h = number(parts[0]);
  if (h !== undefined) {
    const f = number(parts[2]);
    return { h, v: number(parts[1]) ?? 0, ...(f !== undefined && { f }) };
  }
  const slide = slides.find((s) => s.id === parts[0]);
  if (!slide) return null;
  const f = number(parts[1]);
  return { h: slide.h, v: slide.v, ...(f !== undefined && { f }) };
}

interface OpenReading {
  goTo(h: number, v: number): void;
  close(): void;
}

function openReading(reveal: RevealApi, strings: Strings): OpenReading {
  const page = openReadingPage(reveal);
  const closeToggle = readingNotesToggle(reveal.getViewportElement()!, reveal.getSlidesElement()!, strings);
  return {
    goTo: page.goTo,
    close() {
      closeToggle();
      page.close();
    },
  };
}

/** `linkedHash`: the URL's hash before reveal.js started (it rewrites it). */
export function readingView(reveal: RevealApi, linkedHash: string, manifest: DeckManifest, strings: Strings): () => void {
  if (pageRole() !== 'audience') return () => {};
  let reading: OpenReading | null = null;
  // The slide shown while presenting: switching to the scroll view, reveal.js makes its first page current.
  let presented = reveal.getIndices();
  const onSlideChanged = () => {
    if (!reveal.isScrollView()) presented = reveal.getIndices();
  };
  const follow = () => {
    if (reveal.isScrollView() === (reading !== null)) return;
    if (reading) {
      reading.close();
      reading = null;
      return;
    }
    reading = openReading(reveal, strings);
    // Switched by a narrower window while presenting: the page opens where the talk was.
    reading.goTo(presented.h ?? 0, presented.v ?? 0);
  };
  if (reveal.isScrollView()) {
    reading = openReading(reveal, strings);
    const target = targetFromHash(linkedHash, manifest.slides);
    if (target) reading.goTo(target.h, target.v);
  }
  // reveal.js switches between slides and the scroll view as the window's width crosses `scrollActivationWidth`.
  const switches = new MutationObserver(follow);
  switches.observe(reveal.getViewportElement()!, { attributes: true, attributeFilter: ['class'] });
  reveal.on('slidechanged', onSlideChanged);
  return () => {
    reveal.off('slidechanged', onSlideChanged);
    switches.disconnect();
    reading?.close();
  };
}
