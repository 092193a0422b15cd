/**
 * `deck check`, compile-time rules: every fixture deck under
 * tests/fixtures/check/<rule>/ produces exactly its one finding at its line.
 * The rendered rules' decks must compile without any finding (their finding
 * comes from the browser, see tests/browser/check-*-rules.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.ts';
import { expectFindings, ruleFixtures } from '../support/check-fixtures.ts';

const compileRules = ruleFixtures((fixture) => !fixture.render);
const renderRules = ruleFixtures((fixture) => fixture.render);

describe('deck check, compile-time rules', () => {
  it('has a fixture for every compile-time rule', () => {
    expect(compileRules.map((f) => f.rule).sort()).toEqual(
      ['attribute-comment', 'chart', 'duplicate-id', 'empty-slide', 'external-host', 'front-matter-ignored', 'image-alt', 'missing-file', 'no-slides', 'settings-schema', 'settings-yaml', 'unclosed-fence', 'unknown-directive', 'unknown-setting'],
    );
  });

  it.each(compileRules.map((f) => [f.rule, f] as const))('%s: exactly its finding at its line', async (_rule, fixture) => {
    const report = await runCheck({ slidesDir: fixture.dir, render: false });
    expectFindings(fixture, report.diagnostics);
    expect(report.rendered).toBe(false);
  });

  it.each(renderRules.map((f) => [f.rule, f] as const))('%s deck compiles without findings', async (_rule, fixture) => {
    const report = await runCheck({ slidesDir: fixture.dir, render: false });
    expect(report.diagnostics).toEqual([]);
  });
});
