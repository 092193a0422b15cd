/**
 * Simulated viewers of the relay bench (measure-relay.ts), in a process of their own so that they do
 * not share the relay's event loop: opens `viewers` audience connections, prints `{"ready":n}`, then
 * for each slide the presenter moves to prints `{"h":…,"at":…}` once all of them have received it
 * (`at`: process.hrtime in ns, the machine's monotonic clock, comparable with the presenter's in
 * another process). Ends when its input closes.
 *
 *   node --import tsx bench/relay-audience.ts <audience relay URL> <viewers>
 */
import { WebSocket } from 'ws';
import type { ServerMessage } from '../src/present/protocol.ts';

/** Connections opened at once (the server's accept queue takes 511). */
const CONNECT_BATCH = 250;

function open(url: string, onMessage: (data: Buffer) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.on('message', onMessage);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

const [audienceUrl, viewersArgument] = process.argv.slice(2);
const viewers = Number(viewersArgument);
/** Receipts per slide index. */
const received = new Map<number, number>();
const onViewerMessage = (data: Buffer) => {
  const message = JSON.parse(data.toString('utf8')) as ServerMessage;
  if (message.type !== 'state') return;
  const count = (received.get(message.state.h) ?? 0) + 1;
  received.set(message.state.h, count);
  if (count === viewers) process.stdout.write(`${JSON.stringify({ h: message.state.h, at: String(process.hrtime.bigint()) })}\n`);
};

const sockets: WebSocket[] = [];
for (let first = 0; first < viewers; first += CONNECT_BATCH) {
  const batch = Math.min(CONNECT_BATCH, viewers - first);
  sockets.push(...(await Promise.all(Array.from({ length: batch }, () => open(audienceUrl!, onViewerMessage)))));
}
process.stdout.write(`${JSON.stringify({ ready: sockets.length })}\n`);
process.stdin.resume();
process.stdin.once('end', () => {
  for (const socket of sockets) socket.terminate();
  process.exit(0);
});
