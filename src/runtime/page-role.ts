/**
 * One page, four roles: the deck the audience sees (on the projector, or a
 * viewer's own screen under `deck present`), the speaker view (`?speaker`),
 * the slide previews inside it (`?receiver`, the name reveal.js uses, so it
 * mutes media there) and, under `deck present`, the phone remote (`?remote`).
 */
import { REMOTE_QUERY } from '../page-contract.ts';

export type PageRole = 'audience' | 'speaker' | 'preview' | 'remote';

export function pageRole(search = window.location.search): PageRole {
  const params = new URLSearchParams(search);
  if (params.has('speaker')) return 'speaker';
  if (params.has('receiver')) return 'preview';
  if (params.has(REMOTE_QUERY)) return 'remote';
  return 'audience';
}

/** URL of this deck in another role, relative to the current page (works under any base path). */
export function roleUrl(role: Exclude<PageRole, 'audience' | 'remote'>, hash = ''): string {
  const flag = role === 'speaker' ? 'speaker' : 'receiver';
  return `${window.location.pathname}?${flag}${hash}`;
}
