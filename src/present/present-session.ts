/**
 * What `deck present --resume` brings back: the last run's tokens and talk state for a slides folder.
 * Every run writes it (so a later run can resume), readable by the owner only (mode 0600), under
 * node_modules/.cache/markdown-deck/present/<folder key>/ beside that folder's two builds.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { APP_CACHE } from '../app-paths.ts';
import { talkStateSchema, type TalkState } from './protocol.ts';
import { TOKEN_PATTERN, newTokens, type PresentTokens } from './tokens.ts';

export const SESSION_FILE = 'session.json';

const sessionSchema = z.strictObject({
  slidesDir: z.string(),
  tokens: z.strictObject({ control: z.string().regex(TOKEN_PATTERN), audience: z.string().regex(TOKEN_PATTERN) }),
  state: talkStateSchema.nullable(),
  seq: z.number().int().min(0),
});
export type PresentSession = z.output<typeof sessionSchema>;

/** The folder of a slides folder's present builds and session: one per resolved path. */
export function presentCacheDir(slidesDir: string, root = join(APP_CACHE, 'present')): string {
  const key = createHash('sha256').update(resolve(slidesDir)).digest('hex').slice(0, 16);
  return join(root, key);
}

/**
 * The session to start with: the saved one when resuming and it is readable and for this folder,
 * else new tokens and no state. `problem` says why a saved session was not used.
 */
export function openSession(dir: string, slidesDir: string, resume: boolean): { session: PresentSession; resumed: boolean; problem?: string } {
  const fresh: PresentSession = { slidesDir: resolve(slidesDir), tokens: newTokens(), state: null, seq: 0 };
  if (!resume) return { session: fresh, resumed: false };
  const path = join(dir, SESSION_FILE);
  if (!existsSync(path)) return { session: fresh, resumed: false, problem: 'no earlier session of this deck to resume' };
  try {
    const saved = sessionSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    if (saved.slidesDir !== fresh.slidesDir) return { session: fresh, resumed: false, problem: 'the saved session is of another slides folder' };
    return { session: saved, resumed: true };
  } catch {
    return { session: fresh, resumed: false, problem: `the saved session (${path}) is unreadable` };
  }
}

/** Writes the session (under a temporary name, then renamed: a crash never leaves half a file). */
export function saveSession(dir: string, session: { slidesDir: string; tokens: PresentTokens; state: TalkState | null; seq: number }): void {
  mkdirSync(dir, { recursive: true });
  // The session holds the tokens, the builds beside it the notes: the owner's alone.
  chmodSync(dir, 0o700);
  const path = join(dir, SESSION_FILE);
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(session)}\n`, { mode: 0o600 });
  // The mode given to writeFileSync applies only when the file is created.
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}
