/** The app's error classes, in one module with no dependencies of its own (every command imports it at start). */
import { CHROME_MISSING } from './browser/find-chrome.ts';

/** An error meant for the person at the terminal: printed once, no stack trace unless --debug. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * The runtime bundle would have to be bundled by Vite, and the build was asked
 * not to (`cachedRuntimeOnly`): not cached yet, or a theme of the deck's own.
 * Its own module, so that the exporter can recognise it without loading the
 * build (the compiler, Vite's configuration) at start.
 */
export class RuntimeNotCachedError extends Error {
  constructor(theme: string) {
    super(`the runtime bundle of theme "${theme}" is not cached`);
    this.name = 'RuntimeNotCachedError';
  }
}

/** No Chromium at the given path, `CHROME_PATH` or the usual install paths. */
export class ChromeNotFoundError extends Error {
  constructor(path?: string) {
    super(path ? `Chromium not found at ${path}: ${CHROME_MISSING}` : CHROME_MISSING);
    this.name = 'ChromeNotFoundError';
  }
}
