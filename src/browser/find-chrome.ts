/** Finds an installed Chromium or Chrome: `CHROME_PATH`, then the usual system paths. */
import { existsSync } from 'node:fs';

export const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const CHROME_MISSING =
  'no Chromium found: install one (Debian/Ubuntu: apt-get install -y chromium) or set CHROME_PATH to its executable';

export function findChrome(explicit = process.env.CHROME_PATH): string | null {
  if (explicit) return existsSync(explicit) ? explicit : null;
  return CHROME_CANDIDATES.find((path) => existsSync(path)) ?? null;
}
