/**
 * `deck check`, rendered rules about layout, charts and scripts: each fixture
 * deck is built, opened in Chromium at its size, and must produce exactly its
 * one finding at its Markdown line (overflow, clipped, text-size, broken-image,
 * chart-not-drawn, runtime-error). One browser for the whole file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('counts no heading of a reveal.js theme as overflow at the slide\u2019s top edge, and still finds text past its bottom', async () => {
    // The themes set headings' line height (1.2) below their font's content area (~1.25 em): the glyph box pokes out of the line box.
    const dir = mkdtempSync(join(tmpdir(), 'deck-check-themes-'));
    const slides = ['# A title slide in a reveal.js theme\n\nSubtitle text', '## A heading on a content slide\n\n- one\n- two', `## Far too much\n\n${Array.from({ length: 16 }, (_, i) => `- Point ${i + 1}`).join('\n')}`];
    writeFileSync(join(dir, '01.md'), slides.join('\n\n---\n\n'));
    for (const theme of ['white', 'black', 'league', 'simple']) {
      writeFileSync(join(dir, 'deck.yaml'), `title: Themes\nlang: en\ntheme: ${theme}\n`);
      const overflows = (await runCheck({ slidesDir: dir }, { browser })).diagnostics.filter((d) => d.code === 'overflow');
      // Only the third slide's list (lines 16-31), at the bottom: the first point that crosses it.
      expect(overflows.map((d) => d.message.replace(/ by \d+ px.*/, '')), theme).toEqual(['content overflows the slide at the bottom']);
      expect(overflows[0]!.line, theme).toBeGreaterThanOrEqual(16);
      expect(overflows[0]!.line, theme).toBeLessThanOrEqual(31);
    }
  });

  it('takes the minimum text size as an option', async () => {
    const fixture = fixtures.find((f) => f.rule === 'text-size')!;
    const report = await runCheck({ slidesDir: fixture.dir, minFontSize: 12 }, { browser });
    expect(report.diagnostics).toEqual([]);
  });
});
