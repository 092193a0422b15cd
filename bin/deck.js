#!/usr/bin/env node
// The `deck` command: runs the TypeScript CLI as it is, each file compiled by
// esbuild when it loads (bin/ts-hooks.js), so no compile step is needed.
import { register } from 'node:module';

// Stack traces (shown with --debug) point into the TypeScript sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
register('./ts-hooks.js', import.meta.url);
await import('../src/cli/main.ts');
