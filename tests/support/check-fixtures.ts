/**
 * The `deck check` rule fixtures: each folder under tests/fixtures/check that
 * holds a `findings.json` is a deck that must produce exactly those findings
 * (`render: true` ones only when checked in Chromium).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { displayPath } from '../../src/loader/load-deck-sources.ts';
import type { Diagnostic } from '../../src/types.ts';

export const CHECK_FIXTURES = join(import.meta.dirname, '../fixtures/check');
/** The chart rules' decks (text size and overlaps on canvases, data files that changed shape), same layout. */
export const CHECK_CHART_FIXTURES = join(import.meta.dirname, '../fixtures/check-charts');

export interface ExpectedFinding {
  file: string;
  line: number;
  code: string;
  severity: 'error' | 'warning';
  /** A part of the message. */
  message: string;
}

export interface RuleFixture {
  rule: string;
  dir: string;
  render: boolean;
  findings: ExpectedFinding[];
}

export function ruleFixtures(filter: (fixture: RuleFixture) => boolean = () => true, root = CHECK_FIXTURES): RuleFixture[] {
  return readdirSync(root)
    .filter((rule) => existsSync(join(root, rule, 'findings.json')))
    .map((rule) => {
      const dir = join(root, rule);
      const { render, findings } = JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as { render: boolean; findings: ExpectedFinding[] };
      return { rule, dir, render, findings };
    })
    .filter(filter);
}

/** Exactly the expected findings, in order, at their files and lines. */
export function expectFindings(fixture: RuleFixture, got: readonly Diagnostic[]): void {
  const summary = got.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message} [${d.code}]`).join('\n');
  expect(got.length, summary).toBe(fixture.findings.length);
  fixture.findings.forEach((want, i) => {
    const d = got[i]!;
    expect({ file: d.file, line: d.line, code: d.code, severity: d.severity }, summary).toEqual({
      file: displayPath(join(fixture.dir, want.file)),
      line: want.line,
      code: want.code,
      severity: want.severity,
    });
    expect(d.message).toContain(want.message);
  });
}
