/** A content hash of folders and files: what decides whether a build (or a cached runtime) is still fresh. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface HashRoot {
  /** Paths are hashed relative to this folder, so moving the whole tree keeps the hash. */
  base: string;
  /** Files or folders under `base` (folders recursively, without `node_modules` and dot-entries). */
  paths: string[];
  /** Keeps equal relative paths of different roots apart. */
  label: string;
}

export function listFiles(path: string, files: string[] = []): string[] {
  if (!existsSync(path)) return files;
  if (!statSync(path).isDirectory()) {
    files.push(path);
    return files;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    listFiles(join(path, entry.name), files);
  }
  return files;
}

export function hashFiles(roots: readonly HashRoot[], extra = ''): string {
  const hash = createHash('sha256');
  hash.update(`${extra}\0`);
  for (const root of roots) {
    const files = root.paths.flatMap((path) => listFiles(path)).sort();
    for (const file of files) {
      hash.update(`${root.label}:${relative(root.base, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}
