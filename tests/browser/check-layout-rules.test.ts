/**
 * `deck check`, rendered rules about layout, charts and scripts: each fixture
 * deck is built, opened in Chromium at its size, and must produce exactly its
 * one finding at its Markdown line (overflow, clipped, text-size, broken-image,
 * chart-not-drawn, runtime-error). One browser for the whole file.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { runCheck, type CheckReport } from '../../src/check/run-check.ts';
import { expectFindings, ruleFixtures, type RuleFixture } from '../support/check-fixtures.ts';

const fixtures = ruleFixtures((fixture) => fixture.render && !fixture.rule.startsWith('a11y-'));
let browser: Browser;
const reports = new Map<string, Promise<CheckReport>>();
const check = (fixture: RuleFixture) => {
  if (!reports.has(fixture.rule)) reports.set(fixture.rule, runCheck({ slidesDir: fixture.dir }, { browser }));
  return reports.get(fixture.rule)!;
};

beforeAll(async () => {
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
});

describe('deck check, rendered layout rules', () => {
  it('has a fixture for every layout rule', () => {
    expect(fixtures.map((f) => f.rule).sort()).toEqual(['broken-image', 'chart-not-drawn', 'clipped', 'overflow', 'runtime-error', 'text-size']);
  });

  it.each(fixtures.map((f) => [f.rule, f] as const))('%s: exactly its finding at its line', async (_rule, fixture) => {
    const report = await check(fixture);
    expect(report.rendered).toBe(true);
    expectFindings(fixture, report.diagnostics);
  });

  it('reports an overflow only in the fragment state where it happens', async () => {
    const report = await check(fixtures.find((f) => f.rule === 'overflow')!);
    expect(report.diagnostics[0]!.message).toMatch(/once fragment 4 is shown/);
  });

  it('takes the minimum text size as an option', async () => {
    const fixture = fixtures.find((f) => f.rule === 'text-size')!;
    const report = await runCheck({ slidesDir: fixture.dir, minFontSize: 12 }, { browser });
    expect(report.diagnostics).toEqual([]);
  });
});
