/**
 * Builds the deck for an export in a child process (`deck build`), when the
 * runtime has to be bundled first (fresh-build.ts): Vite's memory (~230 MB) is
 * handed back when the child exits, before Chromium prints. Its error lines
 * (`file:line: message`) become the export's error.
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
