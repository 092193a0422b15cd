/**
 * Where a request of `deck present` goes: `/p/<control token>/…` is the presenter's area (the full
 * build, the remote, the relay's control side, the QR codes), `/a/<audience token>/…` the audience's
 * (the build without notes, the relay's following side). Nothing else exists.
 */
import { tokenMatches, type PresentTokens } from './tokens.ts';

export type PresentArea = 'presenter' | 'audience';

/** The first path segment of each area. */
export const AREA_PREFIX: Record<PresentArea, string> = { presenter: 'p', audience: 'a' };

export type Route =
  /** Inside an area: `rest` is the path after `/<prefix>/<token>/` (without a leading slash; '' for the area's root). */
  | { kind: 'area'; area: PresentArea; rest: string }
  /** `/<prefix>/<token>` without its trailing slash: the page's relative URLs need it. */
  | { kind: 'area-root-without-slash'; area: PresentArea }
  | { kind: 'wrong-token' }
  | { kind: 'missing-token' }
  | { kind: 'elsewhere' };

export function routeOf(pathname: string, tokens: PresentTokens): Route {
  const [empty, prefix, token, ...rest] = pathname.split('/');
  if (empty !== '') return { kind: 'elsewhere' };
  const area = (Object.keys(AREA_PREFIX) as PresentArea[]).find((name) => AREA_PREFIX[name] === prefix);
  if (!area) return { kind: 'elsewhere' };
  if (!token) return { kind: 'missing-token' };
  if (!tokenMatches(token, area === 'presenter' ? tokens.control : tokens.audience)) return { kind: 'wrong-token' };
  if (rest.length === 0) return { kind: 'area-root-without-slash', area };
  return { kind: 'area', area, rest: rest.join('/') };
}

/** The URL path of an area's root. */
export function areaPath(area: PresentArea, tokens: PresentTokens): string {
  return `/${AREA_PREFIX[area]}/${area === 'presenter' ? tokens.control : tokens.audience}/`;
}
