/**
 * Present mode, loaded only when `deck present` served the page (main.ts, the speaker view): one
 * lazily loaded part for every role. The presenter's deck keeps the talk's state on the relay, the
 * audience's deck follows it, the phone remote steers it, the speaker view shares its stopwatch.
 */
import type { RevealApi } from 'reveal.js';
import { stringsFor } from '../../strings/strings.ts';
import { audienceFollow } from './audience-follow.ts';
import { readPresentConfig } from './present-config.ts';
import { presenterSync } from './presenter-sync.ts';

export { startRemote } from './start-remote.ts';
export { speakerPresent } from './speaker-present.ts';

/** The deck page's part (page role `audience`: the deck itself, whichever build it is). */
export function startPresent(reveal: RevealApi, lang: string): () => void {
  const config = readPresentConfig();
  if (!config) return () => {};
  return config.role === 'presenter' ? presenterSync(reveal, config) : audienceFollow(reveal, config, stringsFor(lang));
}
