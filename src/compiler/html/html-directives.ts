/**
 * `.element` and `.slide` comments inside a block of raw HTML, as reveal.js's
 * markdown plugin applies them: an `.element` comment to the previous element
 * at its level, else to the enclosing one (never to a `<br>`); a `.slide`
 * comment to the slide, which the caller does. The HTML is read with
 * htmlparser2; only the tags that change are written anew.
 */
import { Parser } from 'htmlparser2';
import { applyEdits, type TextEdit } from './apply-edits.ts';
import { escapeHtml } from './escape-html.ts';
import { ATTRIBUTE_COMMENT, parseAttributes } from './parse-attributes.ts';

export interface HtmlDirective {
  kind: 'slide' | 'element';
  /** The attribute list as written. */
  attributes: string;
  /** Offset of the comment in the HTML. */
  index: number;
  /** For `.element`: whether an element in the HTML took it. */
  applied: boolean;
  /** What could not be read as attributes, `''` when all was. */
  rest: string;
}

interface OpenElement {
  start: number;
  end: number;
  name: string;
  attribs: Record<string, string>;
  changed: boolean;
  lastChild: OpenElement | null;
}

/** The HTML without its directive comments, the `.element` ones applied where they have an element, and every directive found. */
export function applyHtmlDirectives(html: string): { html: string; directives: HtmlDirective[] } {
  const directives: HtmlDirective[] = [];
  const root: OpenElement = { start: -1, end: -1, name: '', attribs: {}, changed: false, lastChild: null };
  const stack: OpenElement[] = [root];
  const elements: OpenElement[] = [];
  const removed: [number, number][] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs, isImplied) {
        if (isImplied) return;
        const element: OpenElement = { start: parser.startIndex, end: parser.endIndex, name, attribs: { ...attribs }, changed: false, lastChild: null };
        elements.push(element);
        if (name !== 'br') stack.at(-1)!.lastChild = element;
        stack.push(element);
      },
      onclosetag(name) {
        let at = stack.length - 1;
        while (at > 0 && stack[at]!.name !== name) at--;
        if (at > 0) stack.length = at;
      },
      oncomment() {
        const start = parser.startIndex;
        const end = parser.endIndex;
        const match = ATTRIBUTE_COMMENT.exec(html.slice(start, end + 1));
        if (!match) return;
        const { attributes, rest } = parseAttributes(match[2]!);
        const parent = stack.at(-1)!;
        const target = match[1] === 'element' ? (parent.lastChild ?? (parent === root ? null : parent)) : null;
        for (const [name, value] of target ? attributes : []) {
          target!.attribs[name] = name === 'class' && target!.attribs.class ? `${target!.attribs.class} ${value}` : value;
          target!.changed = true;
        }
        directives.push({ kind: match[1] as 'slide' | 'element', attributes: match[2]!, index: start, applied: target !== null, rest });
        removed.push([start, end + 1]);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false },
  );
  parser.end(html);

  const edits: TextEdit[] = removed.map(([from, to]): TextEdit => [from, to, '']);
  for (const element of elements) {
    if (!element.changed) continue;
    const tag = html.slice(element.start, element.end + 1);
    const name = /^<([^\s/>]+)/.exec(tag)![1];
    const attributes = Object.entries(element.attribs).map(([key, value]) => ` ${key}="${escapeHtml(value)}"`).join('');
    edits.push([element.start, element.end + 1, `<${name}${attributes}${tag.endsWith('/>') ? ' /' : ''}>`]);
  }
  return { html: applyEdits(html, edits), directives };
}
