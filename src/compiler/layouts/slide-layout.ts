/**
 * The layout a slide asks for among its classes (`<!-- .slide: class="kpi" -->`). Other classes
 * stay the author's own (a theme's, reveal.js's), except those that look like a layout mistyped:
 * one letter off a layout's name, or `image-` with another side, are errors with the name meant;
 * two letters off, a warning. A slide has one layout.
 */
import { closest, distance } from 'fastest-levenshtein';
import { SLIDE_LAYOUTS, type SlideLayout } from '../../page-contract.ts';

export interface LayoutFinding {
  severity: 'error' | 'warning';
  message: string;
}

const isLayout = (name: string): name is SlideLayout => (SLIDE_LAYOUTS as readonly string[]).includes(name);

export function slideLayout(classAttribute: string | undefined): { layout: SlideLayout | null; findings: LayoutFinding[] } {
  const classes = (classAttribute ?? '').split(/\s+/).filter(Boolean);
  const findings: LayoutFinding[] = [];
  for (const name of classes) {
    if (isLayout(name)) continue;
    const lower = name.toLowerCase();
    const meant = lower.startsWith('image-') ? closest(lower, ['image-left', 'image-right']) : closest(lower, [...SLIDE_LAYOUTS]);
    const off = distance(lower, meant);
    if (lower.startsWith('image-') || off <= 1) {
      findings.push({ severity: 'error', message: `unknown layout "${name}" (did you mean "${meant}"?); the layouts are ${SLIDE_LAYOUTS.join(', ')}` });
    } else if (off === 2 && name.length >= 5) {
      findings.push({ severity: 'warning', message: `class "${name}" is not a layout (did you mean "${meant}"?): kept as a class of its own` });
    }
  }
  const layouts = [...new Set(classes.filter(isLayout))];
  if (layouts.length > 1) findings.push({ severity: 'error', message: `a slide has one layout: ${layouts.map((l) => `"${l}"`).join(' and ')} are both set` });
  return { layout: layouts[0] ?? null, findings };
}
