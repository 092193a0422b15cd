/** Launches headless Chromium through playwright-core with the flags this network needs. */
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { ChromeNotFoundError } from '../errors.ts';
import { findChrome } from './find-chrome.ts';

/**
 * Playwright's own `--disable-features` list (playwright-core 1.65, `chromiumSwitches.ts`);
 * a unit test compares it with the installed playwright-core.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Features headless use never needs: a renderer that pre-draws the address bar's popup (~70 MB
 * PSS), and a spare renderer kept warm for the next site (~15 MB).
 */
export const DECK_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'SpareRendererForSitePerProcess'];

/**
 * Chromium keeps only the last `--disable-features` switch, so Playwright's is
 * dropped and one merged switch passed instead. Should playwright-core's list
 * change, its switch no longer matches the one ignored and both are passed:
 * ours comes later and wins, with the old list in it.
 */
const playwrightFeatureSwitch = `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`;
const mergedFeatureSwitch = `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...DECK_DISABLED_FEATURES].join(',')}`;

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  mergedFeatureSwitch,
];

/**
 * For a job of one page at a time (an export): browser, renderer, GPU and network in one process.
 * Printing 200 slides, Chromium's processes then take ~315 instead of ~390 MB (PSS, headless shell).
 * Not for pages that open windows or run side by side: tests and `deck check` keep the usual processes.
 */
export const ONE_PROCESS_ARGS = ['--single-process', '--no-zygote'];

export interface LaunchOptions {
  /** Runs Chromium as one process (`ONE_PROCESS_ARGS`). @defaultValue false */
  oneProcess?: boolean;
}

const require = createRequire(import.meta.url);

/**
 * playwright-core, loaded when first needed: ~0.45 s of CPU, and every CLI command imports this
 * module (for ChromeNotFoundError) whether it starts a browser or not. Required, not imported: as
 * an ES import its CommonJS bundles would also be scanned for their exports (~0.12 s more).
 */
export function loadPlaywright(): typeof import('playwright-core') {
  return require('playwright-core') as typeof import('playwright-core');
}

/** The Chromium to start (`executablePath`, else `CHROME_PATH`, else the usual paths), or ChromeNotFoundError. */
export function requireChrome(executablePath?: string): string {
  const path = findChrome(executablePath ?? process.env.CHROME_PATH);
  if (!path) throw new ChromeNotFoundError(executablePath ?? process.env.CHROME_PATH);
  return path;
}

export async function launchChrome(executablePath?: string, options: LaunchOptions = {}): Promise<Browser> {
  const path = requireChrome(executablePath);
  const { chromium } = loadPlaywright();
  return chromium.launch({ executablePath: path, headless: true, args: options.oneProcess ? [...CHROME_ARGS, ...ONE_PROCESS_ARGS] : CHROME_ARGS, ignoreDefaultArgs: [playwrightFeatureSwitch] });
}
