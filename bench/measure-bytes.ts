/**
 * Bytes a built deck ships, read from its `dist/` folder: what the first slide
 * needs (the entry script with its static imports and modulepreloads, the
 * stylesheets, the fonts those stylesheets reference, and the JSON data the runtime
 * reads before ready) and the total.
 * JavaScript, CSS, HTML and SVG are counted gzipped (zlib's default level, as
 * a static host serves them); woff2 and images are already compressed and
 * count as they are. Shared by `npm run bench` and the bundle-budget test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SLIDE_INDEX_ELEMENT_ID } from '../src/types.ts';

export type FileKind = 'js' | 'css' | 'font' | 'html' | 'image' | 'other';

export interface ShippedFile {
  /** Path relative to the dist folder, with `/`. */
  path: string;
  kind: FileKind;
  bytes: number;
  /** Bytes over the wire: gzipped for text, as is for compressed formats. */
  transfer: number;
}

export interface FirstSlideBytes {
  files: ShippedFile[];
  /** Transfer bytes of the JavaScript and CSS the first slide needs. */
  jsCss: number;
  /** Bytes of the fonts the first slide's CSS references. */
  fonts: number;
  /** Transfer bytes of `index.html` (the slides themselves). */
  html: number;
  /** Gzipped bytes of the page's JSON data the runtime reads before ready (`#deck-manifest`: the settings). */
  inlineJson: number;
  /** Gzipped bytes of the slide index (`#deck-slide-index`), read only after ready: not counted above. */
  slideIndex: number;
}

export interface TotalBytes {
  files: ShippedFile[];
  transfer: number;
  bytes: number;
}

/** 1 KB = 1,000 bytes throughout (the stricter reading of the budgets). */
export const KB = 1000;

export const BYTE_BUDGETS = {
  firstSlideJsCss: 60 * KB,
  /** JS, CSS and the inline JSON the first slide waits for, also for 1,000 slides (issue 19). */
  firstSlideWithData: 60 * KB,
  fonts: 60 * KB,
  total: 200 * KB,
} as const;

const TEXT_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map']);

function kindOf(path: string): FileKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.html') return 'html';
  if (['.woff2', '.woff', '.ttf', '.otf'].includes(ext)) return 'font';
  if (['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg'].includes(ext)) return 'image';
  return 'other';
}

export function shippedFile(distDir: string, absolute: string): ShippedFile {
  const content = readFileSync(absolute);
  const path = relative(distDir, absolute).split(sep).join('/');
  const transfer = TEXT_EXTENSIONS.has(extname(path).toLowerCase()) ? gzipSync(content).length : content.length;
  return { path, kind: kindOf(path), bytes: content.length, transfer };
}

/** `src`/`href` values of the tags in `html` that match `tag` (e.g. `script`, `link`) and `filter`. */
function attributeValues(html: string, tag: string, attribute: string, filter: (tagText: string) => boolean): string[] {
  const tags = html.match(new RegExp(`<${tag}\\b[^>]*>`, 'gi')) ?? [];
  return tags
    .filter(filter)
    .map((text) => new RegExp(`\\b${attribute}\\s*=\\s*["']([^"']+)["']`, 'i').exec(text)?.[1])
    .filter((value): value is string => Boolean(value));
}

const isLocal = (url: string) => !/^(?:[a-z]+:)?\/\//i.test(url) && !url.startsWith('data:');

/** Static `import … from "x"`, `import "x"` and `export … from "x"` of a minified chunk (not `import("x")`). */
export function staticImports(code: string): string[] {
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;
  return Array.from(code.matchAll(pattern), (match) => match[1]!);
}

/** `url(...)` targets of `@font-face` rules in a stylesheet. */
export function fontUrls(css: string): string[] {
  const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
  return faces.flatMap((face) => Array.from(face.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g), (m) => m[1]!)).filter(isLocal);
}

function resolveUrl(fromFile: string, url: string): string {
  return resolve(dirname(fromFile), decodeURIComponent(url.split(/[?#]/)[0]!));
}

/** The files the browser loads before the first slide can show, following the entry's static imports. */
export function firstSlideFiles(distDir: string): string[] {
  const dist = resolve(distDir);
  const indexPath = join(dist, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const scripts = attributeValues(html, 'script', 'src', (tag) => /type\s*=\s*["']module["']/i.test(tag));
  const preloads = attributeValues(html, 'link', 'href', (tag) => /rel\s*=\s*["']modulepreload["']/i.test(tag));
  const styles = attributeValues(html, 'link', 'href', (tag) => /rel\s*=\s*["']stylesheet["']/i.test(tag));

  const seen = new Set<string>();
  const queue = [...scripts, ...preloads].filter(isLocal).map((url) => resolveUrl(indexPath, url));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of staticImports(readFileSync(file, 'utf8'))) {
      if (target.startsWith('.') || target.startsWith('/')) queue.push(resolveUrl(file, target));
    }
  }
  const css = styles.filter(isLocal).map((url) => resolveUrl(indexPath, url));
  const fonts = css.flatMap((file) => fontUrls(readFileSync(file, 'utf8')).map((url) => resolveUrl(file, url)));
  return [...new Set([...seen, ...css, ...fonts])];
}

/** Gzipped bytes of the text of each `<script type="application/json" id="…">` of the page, by id (chart specs and deferred slide bodies have none: they are the slides' HTML). */
export function inlineJsonBytes(html: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of html.matchAll(/<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g)) {
    found.set(match[1]!, gzipSync(match[2]!).length);
  }
  return found;
}

export function measureFirstSlide(distDir: string): FirstSlideBytes {
  const dist = resolve(distDir);
  const files = firstSlideFiles(dist).map((file) => shippedFile(dist, file));
  const sum = (kinds: FileKind[]) => files.filter((f) => kinds.includes(f.kind)).reduce((total, f) => total + f.transfer, 0);
  const json = inlineJsonBytes(readFileSync(join(dist, 'index.html'), 'utf8'));
  const slideIndex = json.get(SLIDE_INDEX_ELEMENT_ID) ?? 0;
  json.delete(SLIDE_INDEX_ELEMENT_ID);
  return {
    files,
    jsCss: sum(['js', 'css']),
    fonts: sum(['font']),
    html: shippedFile(dist, join(dist, 'index.html')).transfer,
    inlineJson: [...json.values()].reduce((total, bytes) => total + bytes, 0),
    slideIndex,
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

export function measureTotal(distDir: string): TotalBytes {
  const dist = resolve(distDir);
  const files = allFiles(dist).map((file) => shippedFile(dist, file));
  return {
    files,
    transfer: files.reduce((total, f) => total + f.transfer, 0),
    bytes: files.reduce((total, f) => total + f.bytes, 0),
  };
}

export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}
