/**
 * The theme's logo and footer, written into each slide's markup so that every view draws them as part of
 * the slide: presenting, the speaker view's previews, the print view (PDF, PNG, handout), the PowerPoint
 * export (a picture and a text box) and `deck check` (layout and contrast). Left off slides of the class
 * `title` where the theme asks. Their places, inside the slide's margins, are in src/runtime/theme/theme-chrome.css.
 */
import { FOOTER_CLASS, LOGO_CLASS } from '../../page-contract.ts';
import { escapeHtml } from '../html/escape-html.ts';
import type { ThemeVariables } from '../settings/theme-settings.ts';

const isTitleSlide = (attributes: Record<string, string>) => (attributes.class ?? '').split(/\s+/).includes('title');

/** The markup to append to a slide's body; `''` without a logo or footer. */
export function themeChrome(variables: ThemeVariables | null, slideAttributes: Record<string, string>): string {
  if (!variables) return '';
  const title = isTitleSlide(slideAttributes);
  const parts: string[] = [];
  const { logo, footer } = variables;
  // A logo repeated on every slide is decoration: an empty alt keeps screen readers from announcing it each time.
  if (logo && !(title && logo.hideOnTitle)) parts.push(`<img class="${LOGO_CLASS}" data-corner="${logo.corner}" src="${escapeHtml(logo.src)}" alt="">`);
  if (footer && !(title && footer.hideOnTitle)) parts.push(`<footer class="${FOOTER_CLASS}">${escapeHtml(footer.text)}</footer>`);
  return parts.length ? `\n${parts.join('\n')}\n` : '';
}
