/** `deck present`'s defaults, for the command's flags and the server alike (no dependencies: the CLI loads it at start). */
export const PRESENT_DEFAULTS = {
  /** Loopback: phones and other machines need `--host 0.0.0.0` or an address. */
  host: '127.0.0.1',
  port: 4000,
  /** Relay connections at once; the bench's figures for one process are in bench/README.md. */
  maxConnections: 2000,
} as const;
