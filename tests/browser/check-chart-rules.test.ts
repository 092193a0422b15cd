/**
 * `deck check`, the chart rules: text on a chart's canvas smaller than the minimum at slide scale
 * (value labels shrunk to fit, a chart scaled down by a transform), value labels that overlap each
 * other (also those of a chart's last build-up step, checked with every fragment shown), and data files that changed shape since the slide was written. Each deck under
 * tests/fixtures/check-charts/ must produce exactly its findings at their file:line; `passes` none.
 * One browser for the whole file.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { CHECK_CHART_FIXTURES, expectFindings, ruleFixtures } from '../support/check-fixtures.ts';

const fixtures = ruleFixtures(() => true, CHECK_CHART_FIXTURES);
const fixture = (rule: string) => fixtures.find((f) => f.rule === rule)!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
});

describe('deck check, chart rules', () => {
  it('has a deck for each chart rule and one that passes', () => {
    expect(fixtures.map((f) => f.rule).sort()).toEqual(['data-changed', 'data-labels', 'label-overlap', 'passes', 'scaled', 'steps', 'text-size']);
  });

  it.each(fixtures.filter((f) => f.render).map((f) => [f.rule, f] as const))('%s: exactly its findings at their lines', async (_rule, deck) => {
    const report = await runCheck({ slidesDir: deck.dir }, { browser });
    expect(report.rendered).toBe(true);
    expectFindings(deck, report.diagnostics);
  });

  it('data files that changed shape: each error at the chart key, naming the data file, its row and column', async () => {
    const deck = fixture('data-changed');
    const report = await runCheck({ slidesDir: deck.dir }, { browser });
    expect(report.skipped).toMatch(/does not build/);
    expectFindings(deck, report.diagnostics);
  });

  it('compares chart text with the same minimum as the text on the slide', async () => {
    const report = await runCheck({ slidesDir: fixture('text-size').dir, minFontSize: 16 }, { browser });
    expect(report.diagnostics).toEqual([]);
    const scaled = await runCheck({ slidesDir: fixture('scaled').dir, minFontSize: 16 }, { browser });
    expect(scaled.diagnostics.map((d) => d.code)).toEqual(['text-size']);
  });
});
