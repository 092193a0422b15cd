/**
 * Builds the deck for an export in a child process (`deck build`): it runs on
 * the other core while the exporter loads Playwright and starts Chromium, and
 * its memory (the compiler's; Vite's ~230 MB when the runtime bundle is not
 * cached yet) is handed back when it exits, before Chromium prints. Its error
 * lines (`file:line: message`) become the export's error.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../cli/cli-error.ts';

const DECK_BIN = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'bin/deck.js');

export function buildInChildProcess(slidesDir: string, outDir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [DECK_BIN, 'build', resolve(slidesDir), '--out', resolve(outDir)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new CliError(stderr.trim() || `deck build ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}
