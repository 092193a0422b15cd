/**
 * The runtime bundle cache keeps one entry per theme and variant: a new entry
 * removes the same kind's entries of older sources once no build has used
 * them for a while; entries in use (touched on each lookup), other themes and
 * variants, and everything else in the cache stay.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markUsed, pruneRuntimeCache, UNUSED_FOR_MS } from '../../src/builder/prune-runtime-cache.ts';
import { ensureRuntimeBundle, runtimeCacheDir } from '../../src/builder/runtime-bundle.ts';
import { resolveTheme } from '../../src/vite/resolve-theme.ts';

const CURRENT = 'runtime-black-split-0123456789abcdef';

function entry(cacheDir: string, name: string, ageMs: number, now: number): void {
  mkdirSync(join(cacheDir, name, 'assets'), { recursive: true });
  writeFileSync(join(cacheDir, name, 'index.html'), '<!doctype html>');
  const time = new Date(now - ageMs);
  utimesSync(join(cacheDir, name), time, time);
}

describe('pruning the runtime bundle cache', () => {
  it('removes the same theme and variant under other hashes once unused, and leftovers of crashed builds', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'deck-cache-'));
    const now = Date.now();
    const old = UNUSED_FOR_MS + 60_000;
    entry(cacheDir, CURRENT, 0, now);
    entry(cacheDir, 'runtime-black-split-aaaaaaaaaaaaaaaa', old, now);
    entry(cacheDir, 'runtime-black-split-bbbbbbbbbbbbbbbb', UNUSED_FOR_MS - 60_000, now);
    entry(cacheDir, 'runtime-black-split-cccccccccccccccc.tmp-4242-1700000000000', old, now);
    entry(cacheDir, 'runtime-black-split-dddddddddddddddd.removed-4242-1700000000000', old, now);
    entry(cacheDir, 'runtime-black-single-file-eeeeeeeeeeeeeeee', old, now);
    entry(cacheDir, 'runtime-black-contrast-split-ffffffffffffffff', old, now);
    entry(cacheDir, 'cli', old, now);

    const removed = pruneRuntimeCache(cacheDir, CURRENT, now);
    expect(removed.sort()).toEqual([
      'runtime-black-split-aaaaaaaaaaaaaaaa',
      'runtime-black-split-cccccccccccccccc.tmp-4242-1700000000000',
      'runtime-black-split-dddddddddddddddd.removed-4242-1700000000000',
    ]);
    expect(readdirSync(cacheDir).sort()).toEqual([
      'cli',
      'runtime-black-contrast-split-ffffffffffffffff',
      'runtime-black-single-file-eeeeeeeeeeeeeeee',
      CURRENT,
      'runtime-black-split-bbbbbbbbbbbbbbbb',
    ].sort());
  });

  it('keeps an old entry that a build has just looked up (markUsed), and says when an entry is gone', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'deck-cache-'));
    const now = Date.now();
    entry(cacheDir, CURRENT, 0, now);
    entry(cacheDir, 'runtime-black-split-aaaaaaaaaaaaaaaa', UNUSED_FOR_MS * 10, now);
    expect(markUsed(join(cacheDir, 'runtime-black-split-aaaaaaaaaaaaaaaa'))).toBe(true);
    expect(pruneRuntimeCache(cacheDir, CURRENT)).toEqual([]);
    expect(existsSync(join(cacheDir, 'runtime-black-split-aaaaaaaaaaaaaaaa', 'index.html'))).toBe(true);
    expect(markUsed(join(cacheDir, 'runtime-black-split-0000000000000000'))).toBe(false);
  });

  it('still uses an entry it may not touch (a cache in a read-only install)', () => {
    // A folder whose times no process may set, not even root's: EPERM, as for a user in a root-owned install.
    expect(markUsed('/proc/self')).toBe(true);
  });

  it('is touched by every build that uses it from the cache', async () => {
    const options = { singleFile: false };
    const themePath = resolveTheme('default', process.cwd());
    (await ensureRuntimeBundle('default', themePath, options)).release();
    const dir = runtimeCacheDir('default', options);
    const longAgo = new Date(Date.now() - UNUSED_FOR_MS * 2);
    utimesSync(dir, longAgo, longAgo);
    const bundle = await ensureRuntimeBundle('default', themePath, { ...options, cachedOnly: true });
    expect(bundle.cached).toBe(true);
    expect(Date.now() - statSync(dir).mtimeMs).toBeLessThan(UNUSED_FOR_MS);
  });
});
