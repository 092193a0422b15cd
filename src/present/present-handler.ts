/**
 * The HTTP side of `deck present`: files of each area's build (with the injected index.html), the
 * presenter's QR codes, and the relay's upgrades. Every path outside the two areas is 404; an upgrade
 * with a wrong or missing token is 401.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { CONTROL_ROLE_QUERY, RELAY_PATH, controlRoleSchema } from './protocol.ts';
import { type PresentArea, routeOf } from './present-routes.ts';
import type { Relay } from './relay.ts';
import { rejectUpgrade } from './reject-upgrade.ts';
import type { PresentTokens } from './tokens.ts';

export interface AreaContent {
  /** The build folder. */
  dir: string;
  /** Its index.html with the page's configuration. */
  indexHtml: string;
  /** Further documents by path (the presenter's QR codes). */
  extra?: Record<string, { type: string; body: string }>;
}

export interface PresentHandler {
  request(request: IncomingMessage, response: ServerResponse): void;
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}

const SECURITY_HEADERS = {
  // The token is in the page's URL: never hand it to another host.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
}

export function createPresentHandler(tokens: PresentTokens, areas: Record<PresentArea, AreaContent>, relay: Relay): PresentHandler {
  // Production mode: the file list is read once, and only files in it are ever served (no path outside the build).
  const files = {
    presenter: sirv(areas.presenter.dir, { dev: false, etag: true, dotfiles: false, extensions: [] }),
    audience: sirv(areas.audience.dir, { dev: false, etag: true, dotfiles: false, extensions: [] }),
  };

  return {
    request(request, response) {
      const url = new URL(request.url ?? '/', 'http://present.invalid');
      const route = routeOf(url.pathname, tokens);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(route.kind === 'area' ? 405 : 404, SECURITY_HEADERS).end();
        return;
      }
      if (route.kind === 'area-root-without-slash') {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}`, ...SECURITY_HEADERS }).end();
        return;
      }
      if (route.kind !== 'area') return notFound(response);
      const area = areas[route.area];
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
      if (route.rest === '' || route.rest === 'index.html') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : area.indexHtml);
        return;
      }
      const extra = area.extra?.[route.rest];
      if (extra) {
        response.writeHead(200, { 'Content-Type': extra.type, 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : extra.body);
        return;
      }
      request.url = `/${route.rest}${url.search}`;
      files[route.area](request, response, () => notFound(response));
    },

    upgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://present.invalid');
      const route = routeOf(url.pathname, tokens);
      if (route.kind === 'wrong-token' || route.kind === 'missing-token') return rejectUpgrade(socket, 401);
      if (route.kind !== 'area' || route.rest !== RELAY_PATH) return rejectUpgrade(socket, 404);
      if (route.area === 'audience') return relay.accept(request, socket, head, 'audience');
      const role = controlRoleSchema.safeParse(url.searchParams.get(CONTROL_ROLE_QUERY) ?? 'remote');
      if (!role.success) return rejectUpgrade(socket, 400);
      relay.accept(request, socket, head, role.data);
    },
  };
}
