/**
 * Attribute lists of reveal.js comments: `class="fragment" data-x='1' data-y`.
 * Returns the attributes and whatever could not be read, so it can be reported.
 */

const ATTRIBUTE = /\s*([A-Za-z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?(?=\s|$)/y;

export interface ParsedAttributes {
  attributes: [string, string][];
  /** Text that is not an attribute, `''` when everything parsed. */
  rest: string;
}

export function parseAttributes(text: string): ParsedAttributes {
  const attributes: [string, string][] = [];
  const source = text.trim();
  ATTRIBUTE.lastIndex = 0;
  let position = 0;
  while (position < source.length) {
    ATTRIBUTE.lastIndex = position;
    const match = ATTRIBUTE.exec(source);
    if (!match || match[0].trim() === '') break;
    attributes.push([match[1]!, match[2] ?? match[3] ?? match[4] ?? '']);
    position = ATTRIBUTE.lastIndex;
  }
  return { attributes, rest: source.slice(position).trim() };
}

/** Matches a reveal.js attribute comment; group 1 is `slide` or `element`, group 2 the attributes. */
export const ATTRIBUTE_COMMENT = /^\s*<!--\s*\.(slide|element)\s*:?([\s\S]*?)-->\s*$/;
