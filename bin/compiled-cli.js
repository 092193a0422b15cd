/**
 * The `deck` command runs the TypeScript CLI as it is, without a compile step
 * of its own: its modules (src/, without the browser runtime) are bundled by
 * esbuild into `node_modules/.cache/markdown-deck/cli/<hash of the sources>/`
 * the first time they are run as they are, and imported from there. Bundled
 * modules keep their original `import.meta.url`, so paths relative to a module
 * (the app root, a stylesheet beside it) still point into src/.
 *
 * One bundle (split where the CLI imports a module only when needed), with
 * the small pure-JavaScript dependencies in it: Node then loads a handful of
 * files instead of every module one by one (the time saved: bench/README.md).
 *
 * Why not module hooks (tsx, or esbuild in a `load` hook)? With them every
 * module, Vite's and Playwright's included, goes through the hooks thread,
 * which costs every command more than the bundle does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = join(APP_ROOT, 'src');
/** The browser runtime is bundled by Vite, never run by Node. */
const NOT_FOR_NODE = join(SOURCES, 'runtime');
const CACHE = join(APP_ROOT, 'node_modules', '.cache', 'markdown-deck', 'cli');
const ENTRY = 'main.js';
/** Compiled trees of other sources are removed once this old (a running command may still import from its own). */
const STALE_MS = 24 * 60 * 60 * 1000;
/**
 * Dependencies bundled into the CLI: plain JavaScript that reads no files of its own. The others
 * (Vite, Playwright, esbuild, axe-core, …) stay in node_modules and load from there when used.
 */
const BUNDLED_PACKAGES = ['colord', 'commander', 'fastest-levenshtein', 'franc-min', 'highlight.js', 'markdown-it', 'markdown-it-container', 'sirv', 'yaml', 'zod'];

function typeScriptFiles(dir, files = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== NOT_FOR_NODE) typeScriptFiles(path, files);
    } else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files.sort();
}

/** A module's source with `import.meta.url`, `.dirname` and `.filename` fixed to where it is in src/. */
export function withModuleLocation(code, file) {
  return code
    .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href))
    .replaceAll('import.meta.dirname', JSON.stringify(dirname(file)))
    .replaceAll('import.meta.filename', JSON.stringify(file));
}

/** Every dependency of the app that is not bundled, with its subpaths. */
function externalPackages() {
  const manifest = JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !BUNDLED_PACKAGES.includes(name));
  return names.flatMap((name) => [name, `${name}/*`]);
}

async function bundleInto(dir) {
  const { build } = await import('esbuild');
  const keepModuleLocation = {
    name: 'keep-module-location',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, (args) => ({ loader: 'ts', contents: withModuleLocation(readFileSync(args.path, 'utf8'), args.path) }));
    },
  };
  await build({
    entryPoints: [join(SOURCES, 'cli/main.ts')],
    outdir: dir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    // Bundled CommonJS dependencies (commander) call `require` for Node's own modules.
    banner: { js: "import { createRequire as __deckCreateRequire } from 'node:module';\nconst require = __deckCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    plugins: [keepModuleLocation],
    logLevel: 'silent',
  });
}

function removeStale(keep) {
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (path !== keep && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** The URL of the compiled CLI entry, compiling the sources first if they changed. */
export async function compiledCli() {
  // The compiled code holds absolute paths of this checkout: another checkout with the same sources (sharing
  // node_modules through a link) gets a compile of its own.
  const hash = createHash('sha256').update(`${APP_ROOT}\0`).update(readFileSync(fileURLToPath(import.meta.url)));
  // The bundled dependencies' versions are in the lock file.
  for (const file of [...typeScriptFiles(SOURCES), join(APP_ROOT, 'package-lock.json')]) hash.update(`${relative(APP_ROOT, file)}\0${readFileSync(file, 'utf8')}\0`);
  const dir = join(CACHE, hash.digest('hex').slice(0, 16));
  if (!existsSync(join(dir, ENTRY))) {
    // Compiled beside its final name and renamed, so no command imports a half-written tree.
    const temporary = `${dir}.tmp-${process.pid}`;
    rmSync(temporary, { recursive: true, force: true });
    try {
      await bundleInto(temporary);
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
