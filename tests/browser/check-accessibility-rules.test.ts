/**
 * `deck check`, rendered rules about accessibility (axe-core): each fixture
 * deck is built, opened in Chromium at its size, and must produce exactly its
 * one finding at its Markdown line (contrast, a missing name, an invalid
 * language on a slide or for the whole deck). One browser for the whole file.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { expectFindings, ruleFixtures } from '../support/check-fixtures.ts';

const fixtures = ruleFixtures((fixture) => fixture.render && fixture.rule.startsWith('a11y-'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
});

describe('deck check, rendered accessibility rules', () => {
  it('has a fixture for every accessibility rule', () => {
    expect(fixtures.map((f) => f.rule).sort()).toEqual(['a11y-button-name', 'a11y-color-contrast', 'a11y-html-lang-valid', 'a11y-valid-lang']);
  });

  it.each(fixtures.map((f) => [f.rule, f] as const))('%s: exactly its finding at its line', async (_rule, fixture) => {
    const report = await runCheck({ slidesDir: fixture.dir }, { browser });
    expect(report.rendered).toBe(true);
    expectFindings(fixture, report.diagnostics);
  });
});
