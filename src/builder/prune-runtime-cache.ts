/**
 * Each change of the app's sources gives the runtime bundle a new hash, so a
 * new cache entry per theme; the old ones would stay forever. When a build
 * writes a new entry it removes the entries of the same theme and variant with
 * another hash that no build has used for a while.
 *
 * Why that is safe with builds running at once: a build touches an entry when
 * it looks it up (`markUsed`) and copies from it right after, in the same
 * synchronous stretch of work, so an entry in use always has a fresh mtime and
 * is kept. An entry is renamed before it is deleted, so no build ever finds a
 * half-deleted one under a valid name (it would take a missing entry for a
 * cache miss and bundle anew). Leftovers of crashed builds (`.tmp-…`) and of
 * interrupted removals (`.removed-…`) go the same way once they are as old.
 */
import { readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/** Far longer than a build takes from looking an entry up to having copied it. */
export const UNUSED_FOR_MS = 5 * 60_000;

/** Records that a build uses the entry now; false when it is gone (then it is a cache miss). */
export function markUsed(dir: string): boolean {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
    return true;
  } catch (error) {
    // A cache the user may not write to (an install owned by root) is still read; nobody prunes it either.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes from `cacheDir` the entries that share `current`'s theme and variant
 * (`runtime-<theme>-<variant>-<hash>`) under another hash, unused for `UNUSED_FOR_MS`.
 * Returns the names removed.
 */
export function pruneRuntimeCache(cacheDir: string, current: string, now = Date.now()): string[] {
  const prefix = current.slice(0, current.lastIndexOf('-') + 1);
  const sameKind = new RegExp(`^${escapeRegExp(prefix)}[0-9a-f]+(\\.(tmp|removed)-.*)?$`);
  const removed: string[] = [];
  for (const name of readdirSync(cacheDir)) {
    if (name === current || !sameKind.test(name)) continue;
    const path = join(cacheDir, name);
    let modified: number;
    try {
      modified = statSync(path).mtimeMs;
    } catch {
      continue; // Removed by another build meanwhile.
    }
    if (now - modified < UNUSED_FOR_MS) continue;
    const doomed = name.includes('.removed-') ? path : `${path}.removed-${process.pid}-${now}`;
    try {
      if (doomed !== path) renameSync(path, doomed);
    } catch {
      continue; // Another build is removing it.
    }
    rmSync(doomed, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
