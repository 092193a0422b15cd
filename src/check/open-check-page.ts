/**
 * Opens a served deck for checking: a page at the deck's own size, nothing
 * loaded from other hosts, transitions off (so every state is measured where
 * it ends, not halfway), axe-core added, waiting on the deck's readiness signal.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { DeckSettings } from '../types.ts';

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

const NO_TRANSITIONS = '*, *::before, *::after { transition: none !important; animation: none !important; }';

/**
 * The probes are TypeScript functions serialised by `page.evaluate`; run
 * through tsx, esbuild wraps named inner functions in a `__name` helper that
 * does not exist in the page, so the page gets a harmless one.
 */
const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((target) => target);';

export interface CheckPage {
  page: Page;
  /** Uncaught errors of the deck's scripts since the last `takeErrors()`. */
  takeErrors(): string[];
}

export async function openCheckPage(browser: Browser, url: string, settings: DeckSettings, timeoutMs = 20_000): Promise<CheckPage> {
  const page = await browser.newPage({ viewport: { width: settings.width, height: settings.height } });
  const origin = new URL(url).origin;
  let errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const target = route.request().url();
    return target.startsWith(origin) || /^(data|blob):/.test(target) ? route.continue() : route.abort('blockedbyclient');
  });
  await page.addInitScript({ content: NAME_HELPER });
  await page.goto(url);
  try {
    await page.waitForSelector('html[data-deck-ready]', { state: 'attached', timeout: timeoutMs });
  } catch {
    throw new Error(`the built deck did not become ready within ${timeoutMs / 1000} s${errors.length ? `: ${errors[0]}` : ''}`);
  }
  await page.addStyleTag({ content: NO_TRANSITIONS });
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return {
    page,
    takeErrors() {
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}
