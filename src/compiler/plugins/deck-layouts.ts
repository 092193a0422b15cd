/**
 * Slide layouts by class (`<!-- .slide: class="kpi" -->`): the slide's layout is read from its
 * classes, and the slide's body is checked for what the layout needs and marked for the layouts'
 * style sheet (src/runtime/theme/layouts.css). `title` and `section` need nothing. Runs on the
 * body only, after the `.slide` comments were read (a layout set from the notes is not checked).
 */
import type { MarkdownIt } from 'markdown-it';
import type { SlideLayout } from '../../page-contract.ts';
import { shapeCoverLayout } from '../layouts/cover-layout.ts';
import { shapeImageLayout } from '../layouts/image-layout.ts';
import { shapeKpiLayout } from '../layouts/kpi-layout.ts';
import { layoutContext, layoutLine, type LayoutContext } from '../layouts/layout-context.ts';
import { shapeQuoteLayout } from '../layouts/quote-layout.ts';
import { slideLayout } from '../layouts/slide-layout.ts';
import { deckEnv } from '../render-env.ts';

const SHAPERS: Partial<Record<SlideLayout, (context: LayoutContext) => void>> = {
  'image-left': shapeImageLayout,
  'image-right': shapeImageLayout,
  cover: shapeCoverLayout,
  kpi: shapeKpiLayout,
  quote: shapeQuoteLayout,
};

export default function deckLayouts(md: MarkdownIt): void {
  md.core.ruler.push('deck_layouts', (state) => {
    const env = deckEnv(state.env);
    // Notes have no layout, nor has Markdown rendered outside a slide (no slide attributes).
    if (env.notes || !env.slideAttributes) return;
    const { layout, findings } = slideLayout(env.slideAttributes.class);
    for (const finding of findings) env.diagnostics.push({ ...finding, code: 'layout', file: env.file, line: layoutLine(state.src, env) });
    const shape = layout && SHAPERS[layout];
    if (shape) shape(layoutContext(layout, state, env));
  });
}
