/**
 * The files a deck's slides show (Markdown images, raw HTML's images, media and
 * CSS `url()`, slide backgrounds), for a build: each local file gets a
 * content-hashed name under `assets/` (as Vite names its assets, so a new
 * version is never served from a cache) and is copied there with the deck.
 * Missing files keep their URL: the compiler's reference check reports them.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { resolveReference } from '../loader/compile-folder.ts';

export class DeckImages {
  /** Absolute source path → path in the built deck (`assets/name-hash.ext`). */
  readonly copies = new Map<string, string>();

  /** The compiler's `resolveUrl` hook: a local file's URL as written → its URL in the built page. */
  readonly resolveUrl = (url: string, file: string): string => {
    const source = resolveReference(url, file);
    if (!existsSync(source) || !statSync(source).isFile()) return url;
    let target = this.copies.get(source);
    if (!target) {
      const hash = createHash('sha256').update(readFileSync(source)).digest('base64url').slice(0, 8);
      const extension = extname(source);
      target = `assets/${basename(source, extension)}-${hash}${extension}`;
      this.copies.set(source, target);
    }
    return `./${target}`;
  };

  copyInto(dir: string): void {
    for (const [source, target] of this.copies) {
      mkdirSync(dirname(join(dir, target)), { recursive: true });
      copyFileSync(source, join(dir, target));
    }
  }
}
