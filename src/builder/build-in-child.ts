/**
 * Builds the deck for an export in a child process (`deck build`), when the
 * runtime has to be bundled first (fresh-build.ts): Vite's memory (~230 MB) is
 * handed back when the child exits, before Chromium prints. Its error lines
 * (`file:line: message`) become the export's error; on success its warning
 * lines are returned.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DECK_BIN } from '../app-paths.ts';
import { CliError } from '../errors.ts';
import type { BuildVariant } from './fresh-build.ts';

/** Resolves with the build's warnings, one `file:line: warning: …` line each. */
export function buildInChildProcess(slidesDir: string, outDir: string, variant: BuildVariant = {}): Promise<string[]> {
  const args = [DECK_BIN, 'build', resolve(slidesDir), '--out', resolve(outDir), ...(variant.withoutNotes ? ['--no-notes'] : []), ...(variant.present ? ['--present'] : [])];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(stderr.split('\n').filter((line) => line.trim() !== ''));
      else reject(new CliError(stderr.trim() || `deck build ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}
