/**
 * Outputs are written under a temporary name beside their final path and
 * renamed at the end, so a failed or interrupted export never leaves a partial
 * file under the final name. Temporary paths are tracked so an interrupt
 * (Ctrl+C, SIGTERM) can remove them before the process exits.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const pending = new Set<string>();

/** A fresh temporary path next to `finalPath` (same folder, so the rename is atomic). */
export function temporaryPath(finalPath: string): string {
  const target = resolve(finalPath);
  mkdirSync(dirname(target), { recursive: true });
  const path = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${pending.size}`);
  pending.add(path);
  return path;
}

/** Moves a finished temporary file or folder to its final name. */
export function commitTemporary(temporary: string, finalPath: string): void {
  renameSync(temporary, resolve(finalPath));
  pending.delete(temporary);
}

export function discardTemporary(temporary: string): void {
  rmSync(temporary, { recursive: true, force: true });
  pending.delete(temporary);
}

/** Removes every temporary path not yet committed (on failure or interrupt). */
export function discardAllTemporary(): void {
  for (const path of pending) discardTemporary(path);
}

export function writeFileAtomically(finalPath: string, data: Uint8Array | string): void {
  const temporary = temporaryPath(finalPath);
  try {
    writeFileSync(temporary, data);
    commitTemporary(temporary, finalPath);
  } catch (error) {
    discardTemporary(temporary);
    throw error;
  }
}
