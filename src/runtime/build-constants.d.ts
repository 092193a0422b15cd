/** Replaced by the bundler (PRESENT_MODE_CONSTANT in src/vite/create-vite-config.ts): the runtime of `deck present`'s builds. */
declare const __DECK_PRESENT__: boolean;
