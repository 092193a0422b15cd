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
