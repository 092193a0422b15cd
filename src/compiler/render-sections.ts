/** The `<section>` markup reveal.js expects, with vertical stacks nested. */
import type { Slide } from '../types.ts';
import { escapeHtml } from './html/escape-html.ts';
import { SOURCE_ATTRIBUTE } from '../page-contract.ts';

export function renderSection(slide: Slide): string {
  const attributes = Object.entries(slide.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const notes = slide.notesHtml ? `<aside class="notes">${slide.notesHtml}</aside>` : '';
  return `<section${attributes} ${SOURCE_ATTRIBUTE}="${escapeHtml(`${slide.file}:${slide.line}`)}">\n${slide.html}${notes}</section>`;
}

export function renderSections(slides: readonly Slide[]): string {
  const out: string[] = [];
  for (let i = 0; i < slides.length; i++) {
    const stack = [slides[i]!];
    while (slides[i + 1]?.h === slides[i]!.h) stack.push(slides[++i]!);
    out.push(stack.length === 1 ? renderSection(stack[0]!) : `<section class="stack">\n${stack.map(renderSection).join('\n')}\n</section>`);
  }
  return out.join('\n');
}
