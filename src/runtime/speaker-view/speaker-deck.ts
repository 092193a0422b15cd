/**
 * What the speaker view knows of each slide: title from the manifest, notes,
 * timing and fragment count from the slide markup that the page carries.
 */
import type { DeckManifest } from '../../types.ts';
import { NOTES_SELECTOR } from '../../page-contract.ts';
import { planTimings, type Plan } from './pacing.ts';

export interface SpeakerSlide {
  id: string;
  h: number;
  v: number;
  title: string;
  /** Notes as compiled from Markdown; '' when the slide has none. */
  notesHtml: string;
  /** `data-timing` in seconds, null when not set. */
  timing: number | null;
  /** Number of fragment steps, as reveal.js counts them. */
  fragments: number;
}

function fragmentSteps(section: Element): number {
  const steps = new Set<string>();
  let unnumbered = 0;
  for (const fragment of section.querySelectorAll('.fragment')) {
    if (fragment.closest(NOTES_SELECTOR)) continue;
    const index = fragment.getAttribute('data-fragment-index');
    if (index === null) unnumbered++;
    else steps.add(index);
  }
  return steps.size + unnumbered;
}

function timing(section: Element): number | null {
  const value = Number.parseFloat(section.getAttribute('data-timing') ?? '');
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** What the speaker view shows of one slide, from its entry in the manifest and its section (if any). */
export function readSpeakerSlide({ id, h, v, title }: DeckManifest['slides'][number], section: Element | null | undefined): SpeakerSlide {
  const notes = Array.from(section?.querySelectorAll(`:scope > ${NOTES_SELECTOR}`) ?? []);
  return {
    id,
    h,
    v,
    title,
    notesHtml: notes.map((aside) => aside.innerHTML).join('\n').trim(),
    timing: section ? timing(section) : null,
    fragments: section ? fragmentSteps(section) : 0,
  };
}

export function readSpeakerSlides(container: ParentNode, manifest: DeckManifest): SpeakerSlide[] {
  // One pass over the sections, not one search per slide.
  const sections = new Map(Array.from(container.querySelectorAll('section[id]'), (section) => [section.id, section]));
  return manifest.slides.map((entry) => readSpeakerSlide(entry, sections.get(entry.id)));
}

/** The talk's plan from the slides' timings and reveal.js's `totalTime` / `defaultTiming` (the speaker view's pacing, the remote's). */
export function makePlan(slides: readonly SpeakerSlide[], manifest: DeckManifest): Plan {
  const options = manifest.settings.revealOptions as { totalTime?: number; defaultTiming?: number };
  return planTimings(slides.map((s) => s.timing), { totalTime: options.totalTime ?? null, defaultTiming: options.defaultTiming ?? null });
}
