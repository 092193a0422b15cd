/** Launches headless Chromium through playwright-core with the flags this network needs. */
import { chromium, type Browser } from 'playwright-core';
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
  return chromium.launch({ executablePath: path, headless: true, args: CHROME_ARGS });
}
