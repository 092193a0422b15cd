/**
 * Rewrites the URLs of files that raw HTML loads as part of the page (images,
 * media, posters, embedded objects, CSS `url()` in `style` attributes and
 * `<style>` elements), so a build can point them at its copies. Links, frames,
 * scripts and stylesheets stay as written: a page or a script copied alone would
 * lose the files it refers to itself. Only the URLs that change are written
 * anew; everything else keeps its bytes (quotes, entities, line breaks).
 */
import { applyEdits, type TextEdit } from './apply-edits.ts';
import { ATTRIBUTE, CSS_URL, TAG, blankIgnored, decode } from './html-references.ts';

/** Attributes whose URLs are files the page shows, by tag; `data-src` is reveal.js's lazy loading. */
const ASSET_ATTRIBUTES = new Map<string, string[]>(Object.entries({
  img: ['src', 'srcset', 'data-src'],
  source: ['src', 'srcset', 'data-src'],
  video: ['src', 'poster', 'data-src'],
  audio: ['src', 'data-src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  image: ['href', 'xlink:href'],
}));

const TAG_SPANS = new RegExp(TAG.source, 'gd');
const ATTRIBUTE_SPANS = new RegExp(ATTRIBUTE.source, 'gd');
const CSS_URL_SPANS = new RegExp(CSS_URL.source, 'gid');
/** A srcset candidate's URL: the first word at the start or after a comma. */
const SRCSET_URL = /(?:^|,)\s*([^\s,]+)/dg;
const STYLE_ELEMENT = /(<style\b[^>]*>)([\s\S]*?)(?:<\/style\s*>|$)/gi;
/** What an unquoted attribute value cannot hold. */
const NEEDS_QUOTES = /[\s"'=<>`]/;

type Span = [from: number, to: number];

/** The HTML with each asset URL replaced by `rewrite(url)` (URLs decoded; return the URL itself to keep it). */
export function rewriteAssetUrls(html: string, rewrite: (url: string) => string): string {
  const edits: TextEdit[] = [];
  const scanned = blankIgnored(html);
  for (const tag of scanned.matchAll(TAG_SPANS)) {
    const assets = ASSET_ATTRIBUTES.get(tag[1]!.toLowerCase()) ?? [];
    const offset = tag.indices![2]![0];
    const seen = new Set<string>();
    for (const attribute of tag[2]!.matchAll(ATTRIBUTE_SPANS)) {
      const name = attribute[1]!.toLowerCase();
      // As browsers do, the first of a repeated attribute counts.
      if (seen.has(name)) continue;
      seen.add(name);
      const group = [2, 3, 4].find((index) => attribute[index] !== undefined);
      if (group === undefined) continue;
      const kind = name === 'style' ? 'css' : !assets.includes(name) ? null : name === 'srcset' ? 'srcset' : 'url';
      if (!kind) continue;
      const [from, to] = attribute.indices![group]!;
      const quote = group === 2 ? '"' : group === 3 ? "'" : '';
      const edit = rewriteAttribute(html.slice(offset + from, offset + to), kind, quote, rewrite);
      if (edit !== null) edits.push([offset + from, offset + to, edit]);
    }
  }
  for (const style of scanned.matchAll(STYLE_ELEMENT)) {
    const start = style.index + style[1]!.length;
    // CSS text is not HTML-encoded: URLs go in as they are.
    for (const [from, to] of cssUrlSpans(style[2]!)) {
      const url = style[2]!.slice(from, to);
      const next = rewrite(url);
      if (next !== url) edits.push([start + from, start + to, next]);
    }
  }
  return applyEdits(html, edits);
}

/** The attribute's new raw value, or `null` when no URL in it changes. */
function rewriteAttribute(raw: string, kind: 'url' | 'srcset' | 'css', quote: string, rewrite: (url: string) => string): string | null {
  const spans = kind === 'css' ? cssUrlSpans(raw) : kind === 'srcset' ? [...raw.matchAll(SRCSET_URL)].map((match) => match.indices![1]!) : [trimmedSpan(raw)];
  const edits: TextEdit[] = [];
  for (const [from, to] of spans) {
    const url = decode(raw.slice(from, to));
    const next = rewrite(url);
    if (next !== url && url !== '') edits.push([from, to, encodeAttribute(next, quote)]);
  }
  if (edits.length === 0) return null;
  const value = applyEdits(raw, edits);
  return quote === '' && NEEDS_QUOTES.test(value) ? `"${value}"` : value;
}

/** The URLs of CSS `url()` (not `@import`: a stylesheet copied alone would lose its own references). */
function cssUrlSpans(css: string): Span[] {
  const spans: Span[] = [];
  for (const match of css.matchAll(CSS_URL_SPANS)) {
    const group = [1, 2, 3].find((index) => match[index] !== undefined && match[index] !== '');
    if (group !== undefined) spans.push(trimmedSpan(css, match.indices![group]!));
  }
  return spans;
}

function trimmedSpan(text: string, [from, to]: Span = [0, text.length]): Span {
  const part = text.slice(from, to);
  const start = from + (part.length - part.trimStart().length);
  return [start, Math.max(start, to - (part.length - part.trimEnd().length))];
}

/** Escapes what would end or confuse the attribute value (an unquoted one gets quotes around the whole value). */
function encodeAttribute(text: string, quote: string): string {
  const escaped = text.replace(/&/g, '&amp;');
  if (quote === '"') return escaped.replace(/"/g, '&quot;');
  if (quote === "'") return escaped.replace(/'/g, '&#39;');
  return escaped.replace(/"/g, '&quot;');
}
