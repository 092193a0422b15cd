/**
 * Diagrams in `deck dev`: the page is served at once with the diagram pending, the dev server draws it
 * in the background and sends it as a hot update; editing the diagram draws it anew, in place.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { DIAGRAM_SELECTOR } from '../../src/page-contract.ts';
import { openDeck } from '../support/deck-page.ts';
import { startDevServer } from '../support/dev-server.ts';

// Labels unique to this run, so no cached drawing of an earlier run is found.
const run = Date.now().toString(36);
const slide = (label: string) => `# Flow\n\n\`\`\`mermaid\nflowchart LR\n  a[${label}] --> b[End]\n\`\`\`\n`;

let file: string;
let server: ViteDevServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  const slides = join(mkdtempSync(join(tmpdir(), 'deck-diagram-dev-')), 'slides');
  mkdirSync(slides);
  file = join(slides, '01.md');
  writeFileSync(file, slide(`First ${run}`));
  ({ server, url } = await startDevServer(slides));
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const labelShown = ({ label, selector }: { label: string; selector: string }) => [...document.querySelectorAll(`${selector} svg text`)].some((text) => text.textContent?.includes(label));

it('draws the diagram in the background and redraws it when it is edited, without reloading the page', async () => {
  const { page, consoleErrors } = await openDeck(browser, url);
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await page.waitForFunction(labelShown, { label: `First ${run}`, selector: DIAGRAM_SELECTOR }, { timeout: 60_000 });
  writeFileSync(file, slide(`Second ${run}`));
  await page.waitForFunction(labelShown, { label: `Second ${run}`, selector: DIAGRAM_SELECTOR }, { timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(consoleErrors).toEqual([]);
}, 150_000);
