/** Chromium's switches: one merged --disable-features, with the list Playwright would have passed. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CHROME_ARGS, DECK_DISABLED_FEATURES, PLAYWRIGHT_DISABLED_FEATURES } from '../../src/browser/launch-chrome.ts';

/** The `disabledFeatures` array in the installed playwright-core's Chromium switches. */
function installedPlaywrightFeatures(): string[] {
  const bundle = readFileSync(createRequire(import.meta.url).resolve('playwright-core/lib/coreBundle'), 'utf8');
  const start = bundle.indexOf('disabledFeatures = [');
  expect(start).toBeGreaterThan(0);
  const list = bundle.slice(start, bundle.indexOf('].filter(Boolean)', start));
  return Array.from(list.matchAll(/^\s*"([^"]+)",?\s*$/gm), (match) => match[1]!);
}

describe('Chromium switches', () => {
  it('know the --disable-features list of the installed playwright-core (so its switch is the one dropped)', () => {
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(installedPlaywrightFeatures());
  });

  it('pass one --disable-features switch with Playwright’s features and the deck’s', () => {
    const switches = CHROME_ARGS.filter((arg) => arg.startsWith('--disable-features='));
    expect(switches).toEqual([`--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...DECK_DISABLED_FEATURES].join(',')}`]);
    expect(DECK_DISABLED_FEATURES).toContain('WebUIOmniboxPopup');
  });
});
