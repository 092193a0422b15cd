/**
 * One page, three roles: the deck the audience sees, the speaker view
 * (`?speaker`) and the slide previews inside it (`?receiver`, the name
 * reveal.js uses, so it mutes media there).
 */
export type PageRole = 'audience' | 'speaker' | 'preview';

export function pageRole(search = window.location.search): PageRole {
  const params = new URLSearchParams(search);
  if (params.has('speaker')) return 'speaker';
  if (params.has('receiver')) return 'preview';
  return 'audience';
}

/** URL of this deck in another role, relative to the current page (works under any base path). */
export function roleUrl(role: Exclude<PageRole, 'audience'>, hash = ''): string {
  const flag = role === 'speaker' ? 'speaker' : 'receiver';
  return `${window.location.pathname}?${flag}${hash}`;
}
