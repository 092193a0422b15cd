/**
 * Builds the deck for an export, or reuses the output folder when it is
 * fresh: a build stamp in the folder records a hash of everything the build
 * reads (the slides folder with its assets, the app's compiler, runtime,
 * theme and Vite plugin, the dependency lock file). `deck build` writes no
 * stamp, so its output is rebuilt once before the first export.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_ROOT } from '../app-paths.ts';
import { hashFiles } from './hash-files.ts';
import { RuntimeNotCachedError } from '../errors.ts';
import { buildInChildProcess } from './build-in-child.ts';
import { dataFilesNamedIn } from '../loader/load-data-files.ts';

export const BUILD_STAMP = '.deck-build.json';

/** What a build reads besides the slides: kept in one list so the stamp covers it. */
const APP_INPUTS = ['src/builder', 'src/app-paths.ts', 'src/compiler', 'src/loader', 'src/runtime', 'src/vite', 'src/types.ts', 'src/page-contract.ts', 'src/strings', 'src/themes.ts', 'package-lock.json'];

/** Hash of the slides folder and the app sources that shape the built deck. */
export function sourceHash(slidesDir: string): string {
  return hashFiles([
    { base: resolve(slidesDir), paths: [resolve(slidesDir)], label: 'slides' },
    // Charts' data files may live outside the slides folder (`../assets/data/`).
    { base: resolve(slidesDir), paths: dataFilesNamedIn(slidesDir), label: 'data' },
    { base: APP_ROOT, paths: APP_INPUTS.map((path) => join(APP_ROOT, path)), label: 'app' },
  ]);
}

export interface BuildStamp {
  hash: string;
  slidesDir: string;
  /** Files outside the slides folder that the build copied (images named as `../img/x.png`), and their hash. */
  outside: { files: string[]; hash: string };
  /** Built without speaker notes (`--no-notes`); absent in stamps that predate the option: with notes. */
  withoutNotes?: boolean;
  /** Built for `deck present` (its page code in the runtime); absent in older stamps: not. */
  present?: boolean;
}

/** What kind of build an export asks for: a build of the other kind is not reused. */
export interface BuildVariant {
  /** No speaker notes in the output. @defaultValue false */
  withoutNotes?: boolean;
  /** The runtime with `deck present`'s page code. @defaultValue false */
  present?: boolean;
}

/** The copied files that live outside the slides folder, which the slides folder's hash does not cover. */
function outsideFiles(slidesDir: string, copiedFiles: readonly string[]): { files: string[]; hash: string } {
  const isOutside = (path: string) => path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path);
  const files = copiedFiles.filter((file) => isOutside(relative(resolve(slidesDir), file))).sort();
  return { files, hash: hashFiles([{ base: resolve(slidesDir), paths: files, label: 'outside' }]) };
}

/** The stamp of a build from `hash` (sourceHash) that copied `copiedFiles`. */
export function buildStamp(slidesDir: string, hash: string, copiedFiles: readonly string[], variant: BuildVariant = {}): BuildStamp {
  return { hash, slidesDir: resolve(slidesDir), outside: outsideFiles(slidesDir, copiedFiles), withoutNotes: variant.withoutNotes ?? false, present: variant.present ?? false };
}

export function isFresh(outDir: string, slidesDir: string, hash = sourceHash(slidesDir), variant: BuildVariant = {}): boolean {
  const stampPath = join(outDir, BUILD_STAMP);
  if (!existsSync(stampPath) || !existsSync(join(outDir, 'index.html'))) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as BuildStamp;
    if (stamp.hash !== hash || stamp.slidesDir !== resolve(slidesDir) || !stamp.outside) return false;
    if ((stamp.withoutNotes ?? false) !== (variant.withoutNotes ?? false)) return false;
    if ((stamp.present ?? false) !== (variant.present ?? false)) return false;
    return outsideFiles(slidesDir, stamp.outside.files).hash === stamp.outside.hash;
  } catch {
    return false;
  }
}

export interface FreshBuild {
  outDir: string;
  reused: boolean;
  seconds: number;
  /** The build's warnings, one `file:line: message [code]` line each (none when the folder was reused). */
  warnings: string[];
}

export interface FreshBuildJob {
  /** Known at once: the folder is fresh and is reused (no build runs). */
  reused: boolean;
  done: Promise<FreshBuild>;
}

/**
 * Builds in this process when the runtime bundle is cached: the compiler only (~45 MB, ~0.15 s sooner
 * than a child process that starts Node and the CLI anew). Bundling the runtime loads Vite (~230 MB):
 * that build runs in a child process (build-in-child.ts), its memory handed back before Chromium
 * prints, which keeps the export of 200 slides at ~290 instead of ~530 MB.
 */
async function buildForExport(slidesDir: string, outDir: string, variant: BuildVariant): Promise<{ warnings: string[]; copiedFiles: string[] }> {
  const { buildDeck } = await import('./build-deck.ts');
  const { formatDiagnostic } = await import('../compiler/diagnostics.ts');
  let lines: string[];
  let copiedFiles: string[];
  try {
    const built = await buildDeck({ slidesDir, outDir, cachedRuntimeOnly: true, withoutNotes: variant.withoutNotes ?? false, present: variant.present ?? false });
    lines = built.warnings.map(formatDiagnostic);
    copiedFiles = built.copiedFiles;
  } catch (error) {
    if (!(error instanceof RuntimeNotCachedError)) throw error;
    lines = await buildInChildProcess(slidesDir, outDir, variant);
    copiedFiles = await filesTheSlidesShow(slidesDir);
  }
  // The exporter says "warning:" itself.
  return { warnings: lines.map((line) => line.replace(/^(.*?:\d+): warning: /, '$1: ')), copiedFiles };
}

/** What a build copies for the slides, learnt by compiling them here (the child process that built them does not say). */
async function filesTheSlidesShow(slidesDir: string): Promise<string[]> {
  const { DeckImages } = await import('./deck-images.ts');
  const { compileFolder } = await import('../loader/compile-folder.ts');
  const images = new DeckImages();
  compileFolder(slidesDir, { resolveUrl: images.resolveUrl });
  return [...images.copies.keys()];
}

/** Checks the folder and, when it is not fresh, starts the build (`buildForExport`). */
export function startFreshBuild(slidesDir: string, outDir: string, force = false, variant: BuildVariant = {}): FreshBuildJob {
  const started = performance.now();
  const hash = sourceHash(slidesDir);
  const out = resolve(outDir);
  const seconds = () => (performance.now() - started) / 1000;
  if (!force && isFresh(out, slidesDir, hash, variant)) return { reused: true, done: Promise.resolve({ outDir: out, reused: true, seconds: seconds(), warnings: [] }) };
  const done = buildForExport(slidesDir, out, variant).then(({ warnings, copiedFiles }) => {
    const stamp = buildStamp(slidesDir, hash, copiedFiles, variant);
    writeFileSync(join(out, BUILD_STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
    return { outDir: out, reused: false, seconds: seconds(), warnings };
  });
  return { reused: false, done };
}
