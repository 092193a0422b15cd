/** Where the app itself lives on disk, computed once for every module that needs it (the CLI bundle keeps each module's import.meta.url). */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app's root folder (where package.json is). */
export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The runtime's sources: Vite's root for the page template. */
export const RUNTIME_ROOT = join(APP_ROOT, 'src/runtime');
/** The `deck` command, for child processes. */
export const DECK_BIN = join(APP_ROOT, 'bin/deck.js');
/** Caches of the app (runtime bundle, compiled CLI), under node_modules so that installs reset them. */
export const APP_CACHE = join(APP_ROOT, 'node_modules', '.cache', 'markdown-deck');
