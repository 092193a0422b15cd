/**
 * The deck's page: the runtime's HTML template (src/runtime/index.html, as
 * built or served) with the deck put in — its slides (after the first `EAGER_SLIDES`
 * their bodies as data; in a build, the later ones in a file of their own), its settings and slide index as JSON for the runtime, its
 * language, title, author and description.
 */
import { MANIFEST_ELEMENT_ID, SLIDE_INDEX_ELEMENT_ID, type CompiledDeck, type LaterSlides } from '../types.ts';
import { scriptSafeJson, toManifest } from './deck-manifest.ts';
import { escapeHtml } from './html/escape-html.ts';
import { EAGER_SLIDES, countedSlides, renderSections, splitEagerSlides } from './render-sections.ts';
import { themeStyleSheet } from './theme/theme-style.ts';
import { withThemeFontPreloads } from './theme/theme-font-preload.ts';
import { THEME_STYLE_ID } from '../page-contract.ts';

/** Where the template takes the slides: inside `.reveal > .slides`. */
export const SLIDES_MARKER = '<!--deck:slides-->';

export class PageTemplateError extends Error {
  constructor(missing: string) {
    super(`the page template has no ${missing}`);
    this.name = 'PageTemplateError';
  }
}

/** Replaces one occurrence of `marker` (a function, so `$` in the deck is never a replacement pattern). */
function replaceOnce(html: string, marker: string | RegExp, replacement: string, what: string): string {
  const found = typeof marker === 'string' ? html.includes(marker) : marker.test(html);
  if (!found) throw new PageTemplateError(what);
  return html.replace(marker, () => replacement);
}

export interface PageExtras {
  /** Stylesheets the deck's content needs beyond the runtime (KaTeX's for a deck with math), as URLs. */
  stylesheets?: readonly string[];
  /**
   * Where the build wrote the later slides' sections (`renderLaterSections`), relative to the page: the page
   * then carries only the first ones. Without it (the dev server, the single-file HTML) it carries every slide.
   */
  laterSlidesHref?: string;
}

export function renderDeckPage(template: string, deck: Pick<CompiledDeck, 'settings' | 'slides'>, extras: PageExtras = {}): string {
  const { settings } = deck;
  // The settings are all the first slide needs; the slides' entries are read after ready, and grow with the deck.
  const { slides: index } = toManifest(deck);
  const { eager, later } = extras.laterSlidesHref ? splitEagerSlides(deck.slides) : { eager: deck.slides, later: [] };
  const laterSlides: LaterSlides | undefined = later.length ? { href: extras.laterSlidesHref!, total: countedSlides(deck.slides) } : undefined;
  const data = [
    `<script type="application/json" id="${MANIFEST_ELEMENT_ID}">${scriptSafeJson({ settings, ...(laterSlides && { laterSlides }) })}</script>`,
    `<script type="application/json" id="${SLIDE_INDEX_ELEMENT_ID}">${scriptSafeJson(index)}</script>`,
  ].join('\n');
  const meta = [
    settings.author && `<meta name="author" content="${escapeHtml(settings.author)}">`,
    `<meta name="description" content="${escapeHtml(settings.title)}">`,
    ...(extras.stylesheets ?? []).map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    // The deck's theme variables: its own colours and fonts over the base theme of the (shared) runtime bundle.
    settings.themeVariables && `<style id="${THEME_STYLE_ID}">\n${themeStyleSheet(settings.themeVariables, settings.theme)}\n</style>`,
  ].filter(Boolean);
  // The small template first; the slides (megabytes for a large deck) go in last, so they are copied once.
  let html = replaceOnce(template, /<html lang="[^"]*"/, `<html lang="${escapeHtml(settings.lang)}"`, '<html lang> attribute');
  html = replaceOnce(html, /<title>[^<]*<\/title>/, `<title>${escapeHtml(settings.title)}</title>`, '<title> element');
  html = replaceOnce(html, '</head>', `${meta.join('\n')}\n</head>`, '</head> tag');
  if (settings.themeVariables) html = withThemeFontPreloads(html, settings.themeVariables, settings.theme);
  html = replaceOnce(html, '</body>', `${data}\n</body>`, '</body> tag');
  return replaceOnce(html, SLIDES_MARKER, renderSections(eager, EAGER_SLIDES), `${SLIDES_MARKER} marker`);
}
