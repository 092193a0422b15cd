/**
 * The three URLs `deck present` prints, with an address the other devices can reach: the address
 * listened on, or for a wildcard (0.0.0.0, ::) this machine's first external IPv4 address. The
 * presenter's URL stays on loopback when it is reachable there (the laptop at the projector).
 */
import { networkInterfaces } from 'node:os';
import { REMOTE_QUERY } from '../page-contract.ts';
import { areaPath } from './present-routes.ts';
import type { PresentTokens } from './tokens.ts';

export interface PresentUrls {
  presenter: string;
  remote: string;
  audience: string;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export function isWildcard(host: string): boolean {
  return WILDCARDS.has(host);
}

function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && entry.family === 'IPv4')
    .map((entry) => entry.address);
}

/** The addresses a server bound to `host` listens on, for the terminal. */
export function listeningAddresses(host: string): string[] {
  return isWildcard(host) ? ['127.0.0.1', ...externalAddresses()] : [host];
}

function origin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function presentUrls(host: string, port: number, tokens: PresentTokens): PresentUrls {
  const reachable = isWildcard(host) ? (externalAddresses()[0] ?? '127.0.0.1') : host;
  const local = isWildcard(host) ? '127.0.0.1' : host;
  const presenterPath = areaPath('presenter', tokens);
  return {
    presenter: origin(local, port) + presenterPath,
    remote: `${origin(reachable, port)}${presenterPath}?${REMOTE_QUERY}`,
    audience: origin(reachable, port) + areaPath('audience', tokens),
  };
}
