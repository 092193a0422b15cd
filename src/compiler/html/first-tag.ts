/**
 * Attributes put on the first start tag of markup the deck's own renderers
 * write (fences: the highlighter's `<pre>`, a chart's `<figure>`), whose
 * renderers ignore token attributes.
 */
import { escapeHtml } from './escape-html.ts';

const FIRST_TAG = /^(\s*<[A-Za-z][\w-]*)(?=[\s/>])/;
const CLASS = /\sclass="([^"]*)"/;

/** `html` with `attributes` on its first tag (a class joins the tag's own); unchanged without a leading tag. */
export function setFirstTagAttributes(html: string, attributes: readonly (readonly [string, string | number])[]): string {
  const match = FIRST_TAG.exec(html);
  const end = match ? html.indexOf('>', match[0].length) : -1;
  if (!match || end === -1 || attributes.length === 0) return html;
  let rest = html.slice(match[0].length, end);
  const added: string[] = [];
  for (const [name, value] of attributes) {
    const own = name === 'class' ? CLASS.exec(rest) : null;
    if (own) rest = rest.replace(CLASS, () => ` class="${own[1]} ${escapeHtml(String(value))}"`);
    else added.push(` ${name}="${escapeHtml(String(value))}"`);
  }
  return `${match[0]}${added.join('')}${rest}${html.slice(end)}`;
}
