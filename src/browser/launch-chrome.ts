/** Launches headless Chromium through playwright-core with the flags this network needs. */
import type { Browser } from 'playwright-core';
import { CHROME_MISSING, findChrome } from './find-chrome.ts';

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export class ChromeNotFoundError extends Error {
  constructor(path?: string) {
    super(path ? `Chromium not found at ${path}: ${CHROME_MISSING}` : CHROME_MISSING);
    this.name = 'ChromeNotFoundError';
  }
}

export async function launchChrome(executablePath?: string): Promise<Browser> {
  const path = findChrome(executablePath ?? process.env.CHROME_PATH);
  if (!path) throw new ChromeNotFoundError(executablePath ?? process.env.CHROME_PATH);
  // Loaded here, not at the top: importing playwright-core costs ~0.4 s of CPU, and every
  // CLI command imports this module (for ChromeNotFoundError) whether it starts a browser or not.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: path, headless: true, args: CHROME_ARGS });
}
