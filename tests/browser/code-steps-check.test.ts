/** `deck check` on code: a block taller than the slide is a warning at the slide's line, beside the block's own `clipped` error. */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { expectFindings, ruleFixtures } from '../support/check-fixtures.ts';

const fixtures = ruleFixtures(() => true, join(import.meta.dirname, '../fixtures/check-code'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
});

it('has the code rules\' fixtures', () => {
  expect(fixtures.map((fixture) => fixture.rule)).toEqual(['code-too-tall']);
});

it.each(fixtures.map((fixture) => [fixture.rule, fixture] as const))('%s: exactly its findings at their lines', async (_rule, fixture) => {
  const report = await runCheck({ slidesDir: fixture.dir }, { browser });
  expect(report.rendered).toBe(true);
  expectFindings(fixture, report.diagnostics);
});

it('finds nothing in the stepped-code deck, whose blocks fit', async () => {
  const report = await runCheck({ slidesDir: join(import.meta.dirname, '../fixtures/stepped-code') }, { browser });
  expect(report.diagnostics.map((d) => `${d.line}: ${d.message} [${d.code}]`)).toEqual([]);
});
