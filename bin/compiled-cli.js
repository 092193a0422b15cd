/**
 * The `deck` command runs the TypeScript CLI as it is, without a compile step
 * of its own: its modules (src/, without the browser runtime) are compiled by
 * esbuild into `node_modules/.cache/markdown-deck/cli/<hash of the sources>/`
 * the first time they are run as they are, and imported from there. Compiled
 * files keep their original `import.meta.url`, so paths relative to a module
 * (the app root, a stylesheet beside it) still point into src/.
 *
 * Why not module hooks (tsx, or esbuild in a `load` hook)? With them every
 * module, Vite's and Playwright's included, goes through the hooks thread:
 * ~0.5 s more for each command (about half of `deck build`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = join(APP_ROOT, 'src');
/** The browser runtime is bundled by Vite, never run by Node. */
const NOT_FOR_NODE = join(SOURCES, 'runtime');
const CACHE = join(APP_ROOT, 'node_modules', '.cache', 'markdown-deck', 'cli');
const ENTRY = 'src/cli/main.js';
/** Compiled trees of other sources are removed once this old (a running command may still import from its own). */
const STALE_MS = 24 * 60 * 60 * 1000;

function typeScriptFiles(dir, files = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== NOT_FOR_NODE) typeScriptFiles(path, files);
    } else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files.sort();
}

/** Relative `.ts` imports (static, re-exports and dynamic, as esbuild prints them) → `.js`. */
export function toJsSpecifiers(code) {
  return code
    .replace(/^((?:import|export)\b[^\n]*?\bfrom\s*|import\s*)"(\.\.?\/[^"\n]+)\.ts";$/gm, '$1"$2.js";')
    .replace(/\bimport\("(\.\.?\/[^"\n]+)\.ts"\)/g, 'import("$1.js")');
}

async function compileInto(dir, files, sources) {
  const { transform } = await import('esbuild');
  await Promise.all(
    files.map(async (file, index) => {
      const url = pathToFileURL(file).href;
      const { code } = await transform(sources[index], {
        loader: 'ts',
        format: 'esm',
        target: 'node20',
        sourcefile: file,
        sourcemap: 'inline',
        define: { 'import.meta.url': JSON.stringify(url), 'import.meta.filename': JSON.stringify(file), 'import.meta.dirname': JSON.stringify(dirname(file)) },
      });
      const target = join(dir, relative(APP_ROOT, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, toJsSpecifiers(code));
    }),
  );
}

function removeStale(keep) {
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (path !== keep && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** The URL of the compiled CLI entry, compiling the sources first if they changed. */
export async function compiledCli() {
  const files = typeScriptFiles(SOURCES);
  const sources = files.map((file) => readFileSync(file, 'utf8'));
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
  files.forEach((file, index) => hash.update(`${relative(APP_ROOT, file)}\0${sources[index]}\0`));
  const dir = join(CACHE, hash.digest('hex').slice(0, 16));
  if (!existsSync(join(dir, ENTRY))) {
    // Compiled beside its final name and renamed, so no command imports a half-written tree.
    const temporary = `${dir}.tmp-${process.pid}`;
    rmSync(temporary, { recursive: true, force: true });
    try {
      await compileInto(temporary, files, sources);
      renameSync(temporary, dir);
    } catch (error) {
      rmSync(temporary, { recursive: true, force: true });
      // Another command compiled the same sources meanwhile.
      if (!existsSync(join(dir, ENTRY))) throw error;
    }
    removeStale(dir);
  }
  return pathToFileURL(join(dir, ENTRY)).href;
}
