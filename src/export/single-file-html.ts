/**
 * `--html FILE`: the whole deck as one self-contained HTML file that opens
 * from a double-click (`file://`) and mails as one attachment. The deck is
 * built on a runtime bundle of its own kind (cached like the usual one), with
 * every script in one (lazily loaded parts included: charts, speaker view) and
 * every asset of the stylesheet a data URL (fonts); the script, the stylesheet
 * and the deck's images then go into the page itself. Nothing is
 * requested from any host, not even the page's own folder.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lookup } from 'mrmime';
import { writeFileAtomically } from './atomic-file.ts';

export function dataUrl(path: string): string {
  const type = lookup(path) ?? 'application/octet-stream';
  return `data:${type};base64,${readFileSync(path).toString('base64')}`;
}

/** Script text safe inside `<script>`: no `</script`, `<script` or `<!--` that would end or confuse the element. */
export function inlineScriptText(code: string): string {
  return code.replace(/<(\/?script|!--)/gi, '\\x3C$1');
}

const ASSET_REFERENCE = /(["'(=\s])\.?\/?(assets\/[^"'()\s>?#]+)/g;

/**
 * Turns a built deck folder's `index.html` into one self-contained document.
 * Pure apart from reading the built files; throws if a reference stays unresolved.
 */
export function inlineBuiltDeck(builtDir: string): string {
  const read = (relative: string) => readFileSync(join(builtDir, relative), 'utf8');
  // Scripts and styles are set aside first, so asset paths are rewritten in the page's markup only.
  const blocks: string[] = [];
  const setAside = (block: string) => `<!--deck-inline-${blocks.push(block) - 1}-->`;
  let html = read('index.html');
  html = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\.?\/?([^"]+\.css)"[^>]*>/g, (_, href: string) =>
    setAside(`<style>\n${read(href).replace(/<\/style/gi, '<\\/style')}\n</style>`),
  );
  html = html.replace(/<script\b([^>]*)\bsrc="\.?\/?([^"]+\.js)"[^>]*><\/script>/g, (_, attributes: string, src: string) => {
    const module = /type="module"/.test(attributes) ? ' type="module"' : '';
    return setAside(`<script${module}>\n${inlineScriptText(read(src))}\n</script>`);
  });
  // Everything is inline: a preload hint would only add a second copy of its file.
  html = html.replace(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*>\n?/g, '');
  html = html.replace(ASSET_REFERENCE, (match, before: string, path: string) => {
    const file = join(builtDir, path);
    return existsSync(file) ? `${before}${dataUrl(file)}` : match;
  });
  const leftover = /<(?:link|script|img|source|video|audio)\b[^>]*\b(?:src|href)="(?!data:|#|https?:|mailto:)([^"]+)"/.exec(html);
  if (leftover) throw new Error(`single-file HTML: could not inline ${leftover[1]}`);
  return html.replace(/<!--deck-inline-(\d+)-->/g, (_, index: string) => blocks[Number(index)]!);
}

export interface SingleFileResult {
  file: string;
  bytes: number;
  seconds: number;
}

export async function writeSingleFileHtml(slidesDir: string, file: string, options: { withoutNotes?: boolean } = {}): Promise<SingleFileResult> {
  const started = performance.now();
  const { assembleDeck } = await import('../builder/assemble-deck.ts');
  const { toCliError } = await import('../builder/build-deck.ts');
  const builtDir = join(mkdtempSync(join(tmpdir(), 'deck-single-')), 'dist');
  try {
    await assembleDeck(slidesDir, builtDir, { singleFile: true, withoutNotes: options.withoutNotes ?? false }).catch((error: unknown) => {
      throw toCliError(error);
    });
    const html = inlineBuiltDeck(builtDir);
    writeFileAtomically(file, html);
    return { file: resolve(file), bytes: Buffer.byteLength(html), seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(join(builtDir, '..'), { recursive: true, force: true });
  }
}
