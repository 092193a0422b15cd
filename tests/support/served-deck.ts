/**
 * A fixture deck built once per test file, served on 127.0.0.1, with one Chromium: set up in the file's
 * `beforeAll` and closed in its `afterAll`. The fields are filled in when the tests run.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { buildFixture } from './build-fixture.ts';

export interface ServedDeck {
  /** The built deck's folder. */
  dist: string;
  server: StaticServer;
  /** The deck's address on 127.0.0.1. */
  url: string;
  browser: Browser;
}

/** `setupTimeout`: for decks whose build takes longer than a hook's default (diagrams drawn in Chromium). */
export function serveBuiltDeck(slidesDir: string, setupTimeout?: number): ServedDeck {
  const served = {} as ServedDeck;
  beforeAll(async () => {
    served.dist = await buildFixture(slidesDir);
    served.server = await serveStatic(served.dist);
    served.url = served.server.url;
    served.browser = await launchChrome();
  }, setupTimeout);
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
