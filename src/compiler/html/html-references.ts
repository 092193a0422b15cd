/**
 * The URLs a piece of raw HTML makes the browser load or link to: `src`,
 * `srcset`, `href`, `poster`, `data` of the tags that use them, and CSS
 * `url()` / `@import` in `style` attributes and `<style>` elements. Comments
 * and script bodies are skipped. Offsets point into the given text, so the
 * caller can turn them into file lines.
 */

export interface HtmlReference {
  url: string;
  /** What refers to it, for messages: `<img src>`, `CSS url()`. */
  via: string;
  /** `link`: only followed when clicked; `resource`: loaded with the page. */
  kind: 'resource' | 'link';
  /** Offset in the scanned text. */
  index: number;
}

/** Attributes holding URLs, by tag; `*` applies to every tag. */
const URL_ATTRIBUTES = new Map<string, string[]>(Object.entries({
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  script: ['src'],
  link: ['href'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  a: ['href'],
  area: ['href'],
}));
/** reveal.js loads these on any element (lazy `data-src`, slide backgrounds set by `<!-- .slide: … -->`). */
const REVEAL_ATTRIBUTES = ['data-src', 'data-background-image', 'data-background-video', 'data-background-iframe'];
const LIST_ATTRIBUTES = new Set(['srcset', 'data-background-video']);
const LINK_TAGS = new Set(['a', 'area']);

export const TAG = /<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
export const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
export const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^()"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'" };
export const decode = (text: string) => text.replace(/&(amp|quot|apos|lt|gt|#39);/g, (_, name: string) => ENTITIES[name]!);

/** Blanks out comments and script bodies, keeping offsets and newlines. */
export function blankIgnored(html: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return html
    .replace(/<!--[\s\S]*?(-->|$)/g, blank)
    .replace(/(<script\b[^>]*>)([\s\S]*?)(<\/script\s*>|$)/gi, (_, open: string, body: string, close: string) => open + blank(body) + close);
}

export interface HtmlTag {
  name: string;
  attributes: Map<string, string>;
  index: number;
}

/** Every start tag in `html` (comments and script bodies skipped), with decoded attributes. */
export function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const match of blankIgnored(html).matchAll(TAG)) {
    const attributes = new Map<string, string>();
    for (const attribute of match[2]!.matchAll(ATTRIBUTE)) {
      const name = attribute[1]!.toLowerCase();
      if (!attributes.has(name)) attributes.set(name, decode(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes, index: match.index });
  }
  return tags;
}

/** `url()` and `@import` in CSS; `indexOf` maps an offset in `css` to one in the scanned HTML. */
function cssReferences(css: string, indexOf: (offset: number) => number, via: string): HtmlReference[] {
  return [...css.matchAll(CSS_URL)].map((match) => ({
    url: (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').trim(),
    via,
    kind: 'resource' as const,
    index: indexOf(match.index),
  }));
}

export function htmlReferences(html: string): HtmlReference[] {
  const references: HtmlReference[] = [];
  const scanned = blankIgnored(html);
  for (const tag of htmlTags(html)) {
    for (const attribute of [...(URL_ATTRIBUTES.get(tag.name) ?? []), ...REVEAL_ATTRIBUTES]) {
      const value = tag.attributes.get(attribute);
      if (value === undefined) continue;
      const urls = LIST_ATTRIBUTES.has(attribute) ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value.trim()];
      for (const url of urls) {
        if (url) references.push({ url, via: `<${tag.name} ${attribute}>`, kind: LINK_TAGS.has(tag.name) ? 'link' : 'resource', index: tag.index });
      }
    }
    const style = tag.attributes.get('style');
    if (style) references.push(...cssReferences(style, () => tag.index, 'CSS url() in a style attribute'));
  }
  for (const match of scanned.matchAll(/(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>|$)/gi)) {
    const start = match.index + match[1]!.length;
    references.push(...cssReferences(match[2]!, (offset) => start + offset, 'CSS in <style>'));
  }
  return references.filter((reference) => reference.url !== '').sort((a, b) => a.index - b.index);
}

/** The host of a URL that leaves the deck (`https://…`, `//…`), `null` for local, data: and in-page URLs. */
export function externalHost(url: string): string | null {
  if (!/^([a-z][a-z0-9+.-]*:)?\/\//i.test(url) || /^file:/i.test(url)) return null;
  try {
    return new URL(url, 'http://localhost').hostname || null;
  } catch {
    // Unparsable, but it still names another host: report what stands between // and the path.
    return /^[^/]*\/\/([^/?#]*)/.exec(url)?.[1] || url;
  }
}
