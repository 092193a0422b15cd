/**
 * Where the presenter should be after slides were added, removed or moved:
 * the same slide if it still exists (by id), else the slide at the same
 * place in the same file, else the same position in the deck.
 */
import type { DeckManifest } from '../types.ts';

type SlideRef = DeckManifest['slides'][number];

function ordinalInFile(slides: readonly SlideRef[], index: number): number {
  const file = slides[index]!.file;
  return slides.slice(0, index).filter((slide) => slide.file === file).length;
}

/** Flat index in `after` closest to the slide at flat index `current` in `before`. */
export function nearestSlide(before: readonly SlideRef[], current: number, after: readonly SlideRef[]): number {
  if (after.length === 0) return 0;
  const was = before[current];
  if (!was) return Math.min(Math.max(current, 0), after.length - 1);

  const sameId = after.findIndex((slide) => slide.id === was.id);
  if (sameId !== -1) return sameId;

  const ordinal = ordinalInFile(before, current);
  const inFile = after.flatMap((slide, index) => (slide.file === was.file ? [index] : []));
  if (ordinal < inFile.length) return inFile[ordinal]!;

  return Math.min(current, after.length - 1);
}
