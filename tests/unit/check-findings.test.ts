/** Pure parts of `deck check`: merging findings, reading `data-source`, locating page-wide findings, options. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCheckOptions } from '../../src/check/check-options.ts';
import { mergeFindings } from '../../src/check/merge-findings.ts';
import { settingsLocation } from '../../src/check/settings-location.ts';
import { parseSource } from '../../src/check/source-location.ts';
import { displayPath } from '../../src/loader/load-deck-sources.ts';
import type { Diagnostic } from '../../src/types.ts';

const finding = (file: string, line: number, code: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ file, line, code, severity, message: code });

describe('mergeFindings', () => {
  it('sorts by file and line, errors first', () => {
    const merged = mergeFindings([finding('b.md', 1, 'x'), finding('a.md', 9, 'y', 'warning')], [finding('a.md', 9, 'z'), finding('a.md', 2, 'w')]);
    expect(merged.map((d) => `${d.file}:${d.line}:${d.code}`)).toEqual(['a.md:2:w', 'a.md:9:z', 'a.md:9:y', 'b.md:1:x']);
  });

  it('drops a finding another one at the same place makes redundant, and only there', () => {
    const merged = mergeFindings(
      [finding('a.md', 3, 'image-alt', 'warning'), finding('a.md', 5, 'image-alt', 'warning')],
      [finding('a.md', 3, 'a11y-image-alt'), finding('a.md', 7, 'clipped'), finding('a.md', 7, 'a11y-scrollable-region-focusable')],
    );
    expect(merged.map((d) => `${d.line}:${d.code}`)).toEqual(['3:a11y-image-alt', '5:image-alt', '7:clipped']);
  });
});

describe('parseSource', () => {
  const fallback = { file: 'slides/deck.yaml', line: 1 };
  it('splits at the last colon', () => {
    expect(parseSource('slides/03-geld.md:14', fallback)).toEqual({ file: 'slides/03-geld.md', line: 14 });
    expect(parseSource('C:/talks/a.md:2', fallback)).toEqual({ file: 'C:/talks/a.md', line: 2 });
  });
  it('falls back when there is no usable line', () => {
    expect(parseSource(null, fallback)).toBe(fallback);
    expect(parseSource('slides/a.md', fallback)).toBe(fallback);
    expect(parseSource('slides/a.md:0', fallback)).toBe(fallback);
  });
});

describe('settingsLocation', () => {
  it('points at the lang line of deck.yaml, else of the front matter, else at line 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-check-settings-'));
    try {
      writeFileSync(join(dir, '01.md'), '---\ntitle: T\nlang: en\n---\n# T\nlang: no\n');
      expect(settingsLocation(dir)).toEqual({ file: displayPath(join(dir, '01.md')), line: 3 });
      writeFileSync(join(dir, 'deck.yaml'), 'title: T\nauthor: A\nlang: de\n');
      expect(settingsLocation(dir)).toEqual({ file: displayPath(join(dir, 'deck.yaml')), line: 3 });
      writeFileSync(join(dir, 'deck.yaml'), 'title: T\n');
      expect(settingsLocation(dir).line).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('resolveCheckOptions', () => {
  it('fills in defaults and rejects a nonsensical minimum text size', () => {
    expect(resolveCheckOptions({ slidesDir: 's' })).toMatchObject({ slidesDir: 's', render: true, minFontSize: 18, chartTimeoutMs: 3000 });
    expect(resolveCheckOptions({ slidesDir: 's', minFontSize: 24, render: false })).toMatchObject({ minFontSize: 24, render: false });
    expect(() => resolveCheckOptions({ slidesDir: 's', minFontSize: 0 })).toThrow(/positive/);
  });
});
