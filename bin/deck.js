#!/usr/bin/env node
// The `deck` command: the TypeScript CLI, compiled on first use (bin/compiled-cli.js).
import { compiledCli } from './compiled-cli.js';

// Stack traces (shown with --debug) point into the TypeScript sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
await import(await compiledCli());
