/**
 * Finds local images and links that point at no file, and references to
 * other hosts (a deck must work offline unless the host is allowed).
 * Pure: the adapter passes `exists` and the resolved path function.
 */
import type { CompiledDeck, Diagnostic } from '../types.ts';
import { isLocalUrl } from './plugins/deck-assets.ts';
import { externalHost } from './html/html-references.ts';

export interface ReferenceIo {
  /** Absolute path of `url` as written in `file`. */
  resolve(url: string, file: string): string;
  exists(path: string): boolean;
}

export function checkReferences(deck: CompiledDeck, io: ReferenceIo): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const slide of deck.slides) {
    for (const asset of slide.assets) {
      const at = { file: slide.file, line: asset.line };
      if (isLocalUrl(asset.url)) {
        const path = decodeURI(asset.url.split(/[?#]/)[0]!);
        if (!io.exists(io.resolve(path, slide.file))) {
          diagnostics.push({ ...at, severity: 'error', code: 'missing-file', message: `${asset.kind} "${asset.url}" not found` });
        }
      } else {
        const host = externalHost(asset.url);
        if (host !== null && !deck.settings.allowedHosts.includes(host)) {
          diagnostics.push({
            ...at,
            severity: asset.kind === 'image' ? 'error' : 'warning',
            code: 'external-host',
            message: `${asset.kind} "${asset.url}" is on another host (${host}): the deck would need the network; add it to allowedHosts in the deck settings to allow it`,
          });
        }
      }
    }
  }
  // The theme's fonts and logo, where the settings name them.
  for (const { url, file, line } of deck.themeFiles ?? []) {
    const path = decodeURI(url.split(/[?#]/)[0]!);
    if (!isLocalUrl(url)) {
      diagnostics.push({ file, line, severity: 'error', code: 'external-host', message: `theme file "${url}" must be a file of the deck: fonts and the logo are bundled with it` });
    } else if (!io.exists(io.resolve(path, file))) {
      diagnostics.push({ file, line, severity: 'error', code: 'missing-file', message: `theme file "${url}" not found` });
    }
  }
  return diagnostics;
}
