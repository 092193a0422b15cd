/**
 * Finds an installed Chromium or Chrome: `CHROME_PATH`, then the usual system paths.
 *
 * Chromium's headless shell comes first: everything this app automates runs headless, and the
 * shell is the same engine without the desktop browser around it (Debian: `chromium-headless-shell`;
 * Playwright's own headless mode uses it too): it takes less memory than the full browser and starts
 * faster (bench/README.md). The full browser is the fallback, and what a test needs
 * for behaviour only the desktop browser has (its popup blocker).
 */
import { existsSync } from 'node:fs';

export const HEADLESS_SHELL_CANDIDATES = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];

export const FULL_BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const CHROME_MISSING =
  'no Chromium found: install one (Debian/Ubuntu: apt-get install -y chromium-headless-shell, or chromium) or set CHROME_PATH to its executable';

export interface FindChromeOptions {
  /** Only a desktop browser will do (not the headless shell). @defaultValue false */
  fullBrowser?: boolean;
}

export const isHeadlessShell = (path: string) => /headless[-_]shell/.test(path);

export function findChrome(explicit = process.env.CHROME_PATH, options: FindChromeOptions = {}): string | null {
  if (explicit && !(options.fullBrowser && isHeadlessShell(explicit))) return existsSync(explicit) ? explicit : null;
  const candidates = options.fullBrowser ? FULL_BROWSER_CANDIDATES : [...HEADLESS_SHELL_CANDIDATES, ...FULL_BROWSER_CANDIDATES];
  return candidates.find((path) => existsSync(path)) ?? null;
}
