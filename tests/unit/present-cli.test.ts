/**
 * `deck present` at the terminal: the three URLs, each with a QR code, the addresses listened on,
 * the warning off loopback; the command end to end (serves, stops on SIGTERM); bad flags and a port
 * in use as one line each.
 */
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { PresentServer } from '../../src/present/present-server.ts';
import { printPresentUrls } from '../../src/present/print-urls.ts';
import { SAMPLE_DECK } from '../support/build-fixture.ts';

const run = promisify(execFile);
const DECK = join(import.meta.dirname, '../../bin/deck.js');

const server = (host: string): PresentServer => ({
  urls: {
    presenter: 'http://127.0.0.1:4000/p/aaaaaaaaaaaaaaaaaaaaaa/',
    remote: `http://${host}:4000/p/aaaaaaaaaaaaaaaaaaaaaa/?remote`,
    audience: `http://${host}:4000/a/bbbbbbbbbbbbbbbbbbbbbb/`,
  },
  address: { host, port: 4000 },
  listening: [`${host}:4000`],
  resumed: false,
  warnings: [],
  close: async () => {},
});

async function printed(host: string): Promise<string> {
  let text = '';
  await printPresentUrls(server(host), host, (chunk) => {
    text += chunk;
  });
  return text;
}

describe('deck present at the terminal', () => {
  it('prints each URL with a QR code under it, and where it listens', async () => {
    const text = await printed('127.0.0.1');
    const { urls } = server('127.0.0.1');
    for (const url of [urls.presenter, urls.remote, urls.audience]) {
      const after = text.slice(text.indexOf(url) + url.length).split('\n').slice(1, 4).join('\n');
      expect(after, url).toMatch(/[▀▄█]/);
    }
    expect(text).toContain('listening on 127.0.0.1:4000');
    expect(text).not.toContain('warning');
  });

  it('warns off loopback that anyone on the network can open the audience URL', async () => {
    expect(await printed('0.0.0.0')).toContain('warning: listening on 0.0.0.0: anyone on the network can open the audience URL');
  });

  it('serves the deck from the command, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [DECK, 'present', SAMPLE_DECK, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const audience = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /Audience[^\n]*:\n\s+(http\S+)/.exec(stdout);
        if (match && stdout.includes('listening on')) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`deck present ended with ${code}`)));
    });
    expect((await fetch(audience)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a bad port or connection cap, and a port in use, in one line', async () => {
    const failure = (args: string[]) => run('node', [DECK, 'present', SAMPLE_DECK, ...args]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    const badPort = await failure(['--port', 'abc']);
    expect(badPort.code).toBe(1);
    expect(badPort.stderr.trim()).toBe('--port takes a whole number from 0 to 65535, not "abc"');
    expect((await failure(['--max-connections', '0'])).stderr.trim()).toBe('--max-connections takes a whole number from 1 to 1000000, not "0"');

    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as AddressInfo;
      const inUse = await failure(['--port', String(port)]);
      expect(inUse.code).toBe(1);
      expect(inUse.stderr.trim().split('\n').at(-1)).toBe(`port ${port} on 127.0.0.1 is in use: choose another with --port`);
    } finally {
      taken.close();
    }
  });
});
