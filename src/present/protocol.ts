/**
 * The messages of `deck present`'s relay (issue 17): JSON text frames between the pages and the relay.
 * The relay validates every incoming frame against these schemas; the page imports the types only
 * (`import type`), so zod stays out of the runtime.
 */
import { z } from 'zod';
import type { RELAY_PATH } from '../page-contract.ts';

/** Largest frame the relay accepts (bytes); a larger one closes the connection. */
export const MAX_FRAME_BYTES = 4096;

/** The relay's path, the server's endpoints and the control query: shared with the page, so defined in page-contract.ts. */
export { AUDIENCE_QR_PATH, CONTROL_ROLE_QUERY, PRESENT_ENDPOINTS_PATH, RELAY_PATH, REMOTE_QR_PATH } from '../page-contract.ts';

export const controlRoleSchema = z.enum(['presenter', 'remote', 'speaker']);
export type ControlRole = z.output<typeof controlRoleSchema>;

/** WebSocket close code for a message the relay refuses (RFC 6455: policy violation). */
export const POLICY_VIOLATION_CLOSE = 1008;

const slideIndex = z.number().int().min(0).max(100_000);
/** reveal.js counts fragments from -1 (none shown yet). */
const fragmentIndex = z.number().int().min(-1).max(100_000);

/** The stopwatch as the speaker view keeps it: started at (ms since epoch) while running, time elapsed before. */
export const timerStateSchema = z.strictObject({
  startedAt: z.number().finite().nullable(),
  elapsedMs: z.number().finite().min(0),
});

/** Where the talk is: slide, fragment step, overview, blackout, stopwatch. */
export const talkStateSchema = z.strictObject({
  h: slideIndex,
  v: slideIndex,
  f: fragmentIndex,
  overview: z.boolean(),
  blackout: z.boolean(),
  timer: timerStateSchema,
});
export type TalkState = z.output<typeof talkStateSchema>;

export const remoteCommandSchema = z.enum(['next', 'prev', 'blackout', 'overview', 'timer-start', 'timer-pause', 'timer-reset']);
export type RemoteCommand = z.output<typeof remoteCommandSchema>;

const stateFromClient = z.strictObject({ type: z.literal('state'), state: talkStateSchema });
const commandMessage = z.strictObject({ type: z.literal('command'), command: remoteCommandSchema });
const gotoMessage = z.strictObject({ type: z.literal('goto'), h: slideIndex, v: slideIndex, f: fragmentIndex });

/** What a control connection (presenter page, speaker view, remote) may send. Audience connections send nothing. */
export const clientMessageSchema = z.discriminatedUnion('type', [stateFromClient, commandMessage, gotoMessage]);
export type ClientMessage = z.output<typeof clientMessageSchema>;
export type CommandMessage = z.output<typeof commandMessage>;
export type GotoMessage = z.output<typeof gotoMessage>;

/** The talk's state as the relay sends it, to everyone and at connect; `seq` rises with each new state. */
export interface StateBroadcast {
  type: 'state';
  state: TalkState;
  seq: number;
}

/** How many pages are connected, sent to control connections when it changes. */
export interface PeersMessage {
  type: 'peers';
  presenters: number;
  audience: number;
}

/** What the relay sends: states to everyone; commands and gotos to presenter-role control connections; peers to control connections. */
export type ServerMessage = StateBroadcast | CommandMessage | GotoMessage | PeersMessage;

/**
 * What the server injects into a served `index.html` as `<meta name="deck-present" content="…json…">`
 * (PRESENT_META_NAME in src/page-contract.ts). `relay` is relative to the page's own URL.
 * remoteUrl and audienceUrl (absolute, with an address a phone can reach) only on the presenter's build.
 */
export interface PresentPageConfig {
  role: 'presenter' | 'audience';
  relay: typeof RELAY_PATH;
  remoteUrl?: string;
  audienceUrl?: string;
}
