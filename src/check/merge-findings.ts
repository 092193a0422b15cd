/** Compile-time and rendered findings as one list: sorted by file and line, without double reports. */
import type { Diagnostic } from '../types.ts';

/** A finding that makes another one at the same place redundant: fixing the first fixes both. */
const SUPERSEDES = new Map([
  // axe's error for an <img> without alt says what the compiler's warning says.
  ['a11y-image-alt', 'image-alt'],
  // A code block that scrolls is reported as clipped; axe adds that it cannot be scrolled by keyboard.
  ['clipped', 'a11y-scrollable-region-focusable'],
]);

export function mergeFindings(compiled: readonly Diagnostic[], rendered: readonly Diagnostic[]): Diagnostic[] {
  const all = [...compiled, ...rendered];
  const superseded = new Set(all.filter((d) => SUPERSEDES.has(d.code)).map((d) => `${SUPERSEDES.get(d.code)}@${d.file}:${d.line}`));
  return all.filter((d) => !superseded.has(`${d.code}@${d.file}:${d.line}`)).sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
