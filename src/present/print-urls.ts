/** What `deck present` prints once it serves: the three URLs with their QR codes, where it listens, and a warning off loopback. */
import type { PresentServer } from './present-server.ts';
import { isLoopback } from './present-urls.ts';
import { qrTerminal } from './qr-codes.ts';

export async function printPresentUrls(server: PresentServer, host: string, write: (text: string) => void = (text) => process.stdout.write(text)): Promise<void> {
  const { urls } = server;
  const entries: [string, string][] = [
    ['Presenter (this computer, the projector)', urls.presenter],
    ['Remote (your phone; keep it to yourself)', urls.remote],
    ['Audience (follows, read only)', urls.audience],
  ];
  for (const [label, url] of entries) write(`\n${label}:\n  ${url}\n${await qrTerminal(url)}`);
  write(`\nlistening on ${server.listening.join(', ')}${server.resumed ? ' (resumed the last run)' : ''}; Ctrl+C stops\n`);
  if (!isLoopback(host)) write(`warning: listening on ${host}: anyone on the network can open the audience URL\n`);
}
