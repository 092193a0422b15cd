/**
 * The two secrets of a `deck present` run: the control token (presenter, speaker view, remote) and the
 * audience token (follow only). 128 random bits each, base64url, compared in constant time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_BYTES = 16;

export interface PresentTokens {
  control: string;
  audience: string;
}

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function newTokens(): PresentTokens {
  return { control: newToken(), audience: newToken() };
}

/** Whether `given` is `expected`, in time independent of where they differ (a wrong length fails at once: the length is no secret). */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A token as written in a URL path: base64url of TOKEN_BYTES bytes. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
