/**
 * The reading view on a phone (reveal.js's scroll view, switched on below
 * `scrollActivationWidth`): reveal.js 6 forgets the slide named in the URL
 * when it switches there during start-up, so a link to `#/zahlen` opened on
 * a phone would start at the title. Go to the linked slide once it is ready.
 */
import type { RevealApi } from 'reveal.js';
import type { DeckManifest } from '../types.ts';
import { pageRole } from './page-role.ts';

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

/** `linkedHash`: the URL's hash before reveal.js started (it rewrites it). */
export function readingView(reveal: RevealApi, linkedHash: string, manifest: DeckManifest): () => void {
  if (pageRole() !== 'audience' || !reveal.isScrollView()) return () => {};
  const target = targetFromHash(linkedHash, manifest.slides);
  const { h, v } = reveal.getIndices();
  // reveal.js's scroll view finds a slide only when both indices are given.
  if (target && (target.h !== h || target.v !== (v ?? 0))) reveal.slide(target.h, target.v, target.f);
  return () => {};
}
