/** The compiled ChartSpec: every schema option reaches it, and pies and doughnuts get a colour per slice. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { compileDeck } from '../../src/compiler/index.ts';
import { chartSchema, type ChartInput } from '../../src/compiler/chart/chart-schema.ts';
import { EXTRA_CHART_COLOURS } from '../../src/compiler/chart/chart-colours.ts';
import { DEFAULT_PALETTE } from '../../src/compiler/settings/deck-settings.ts';
import type { ChartSpec, Diagnostic } from '../../src/types.ts';

function compileChart(yaml: string, deckYaml = ''): { spec: ChartSpec | undefined; diagnostics: Diagnostic[] } {
  const deck = compileDeck({
    settings: deckYaml ? { path: 'deck.yaml', text: deckYaml } : null,
    slides: [{ path: 'a.md', text: `## Chart\n\`\`\`chart\n${yaml}\n\`\`\`\n` }],
  });
  return { spec: deck.slides[0]?.charts[0], diagnostics: deck.diagnostics };
}

const pie = (labels: string[], series = '  - name: Share\n    values: [' + labels.map((_, i) => i + 1).join(', ') + ']', type = 'pie') =>
  `type: ${type}\ntitle: Shares\nlabels: [${labels.map((l) => JSON.stringify(l)).join(', ')}]\nseries:\n${series}\nsource: Test`;

describe('chart spec', () => {
  it('carries every option of the schema, so a new option needs no copying', () => {
    const { spec, diagnostics } = compileChart(
      'type: bar\ntitle: T\nunit: "%"\ndecimals: 1\nhorizontal: true\nstacked: true\nlabels: [a, b]\n' +
        'series:\n  - name: S\n    values: [1, 2]\n    color: "#123456"\n    colors: ["#111111", "#222222"]\n' +
        'highlight: b\nmin: 0\nmax: 10\nsource: X\nnote: N\nheight: 300\nsteps: points',
    );
    expect(diagnostics).toEqual([]);
    // A data file's keys (data, x, column) become labels and values: the page never names the file;
    // a waterfall's total becomes a label, the currency part of the format, each series' unit part of its format.
    const resolved = ['data', 'x', 'column', 'total', 'currency', 'unit'];
    const added = ['id', 'lang', 'xValues', 'waterfall', 'stepCount', 'unit'];
    expect(Object.keys(spec!).sort()).toEqual([...Object.keys(chartSchema.shape).filter((k) => !resolved.includes(k)), ...added].sort());
    expect(Object.keys(spec!.series[0]!).sort()).toEqual(
      [...Object.keys(chartSchema.shape.series.element.shape).filter((k) => !resolved.includes(k)), 'format', 'formatted', 'labels', 'plotted'].sort(),
    );
    expect(spec).toMatchObject({ unit: '%', decimals: 1, horizontal: true, stacked: true, highlight: 1, min: 0, max: 10, note: 'N', height: 300 });
  });

  it('fills the schema defaults', () => {
    const { spec } = compileChart('type: line\ntitle: T\nlabels: [a]\nseries:\n  - name: S\n    values: [1.25]\nsource: X');
    expect(spec).toMatchObject({ unit: '', decimals: 2, horizontal: false, stacked: false, highlight: null, note: '', height: 440 });
    expect(spec).not.toHaveProperty('min');
  });

  it('derives its types from the schema', () => {
    expectTypeOf<ChartSpec['type']>().toEqualTypeOf<'bar' | 'line' | 'area' | 'scatter' | 'waterfall' | 'doughnut' | 'pie'>();
    expectTypeOf<ChartSpec['height']>().toEqualTypeOf<number>();
    expectTypeOf<ChartInput['height']>().toEqualTypeOf<number | undefined>();
  });
});

describe('pie and doughnut colours', () => {
  it('gives each slice of a one-series pie its own palette colour, in the palette order', () => {
    const { spec, diagnostics } = compileChart(pie(['A', 'B', 'C']));
    expect(diagnostics).toEqual([]);
    expect(spec!.series[0]!.colors).toEqual(Object.values(DEFAULT_PALETTE).slice(0, 3));
  });

  it('takes the deck palette first, then the default palette, then more colours, all different', () => {
    const labels = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const { spec } = compileChart(pie(labels), 'palette:\n  brand: "#112233"\n  primary: "#445566"\n');
    const colors = spec!.series[0]!.colors!;
    expect(colors.slice(0, 5)).toEqual(['#112233', '#445566', DEFAULT_PALETTE.secondary, DEFAULT_PALETTE.accent, DEFAULT_PALETTE.neutral]);
    expect(colors.slice(5)).toEqual(EXTRA_CHART_COLOURS.slice(0, 2));
    expect(new Set(colors).size).toBe(labels.length);
  });

  it('colours a label alike in every ring of a doughnut', () => {
    const series = '  - name: 2024\n    values: [1, 2]\n  - name: 2025\n    values: [2, 3]';
    const { spec } = compileChart(pie(['A', 'B'], series, 'doughnut'));
    expect(spec!.series[0]!.colors).toEqual([DEFAULT_PALETTE.primary, DEFAULT_PALETTE.secondary]);
    expect(spec!.series[1]!.colors).toEqual(spec!.series[0]!.colors);
  });

  it('keeps the colours that colors: names', () => {
    const { spec, diagnostics } = compileChart(pie(['A', 'B'], '  - name: S\n    values: [1, 2]\n    colors: [accent, "#abcdef"]'));
    expect(diagnostics).toEqual([]);
    expect(spec!.series[0]!.colors).toEqual([DEFAULT_PALETTE.accent, '#abcdef']);
  });

  it('warns that color: on a pie series would paint every slice alike, and keeps the slices apart', () => {
    const { spec, diagnostics } = compileChart(pie(['A', 'B'], '  - name: S\n    values: [1, 2]\n    color: accent'));
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'chart', line: 9, message: expect.stringContaining('color is ignored on a pie chart') }),
    ]);
    expect(spec!.series[0]!.colors).toEqual([DEFAULT_PALETTE.primary, DEFAULT_PALETTE.secondary]);
  });

  it('leaves bar charts one colour per series, the palette in order', () => {
    const series = '  - name: A\n    values: [1]\n  - name: B\n    values: [2]';
    const { spec } = compileChart(`type: bar\ntitle: T\nlabels: [x]\nseries:\n${series}\nsource: X`);
    expect(spec!.series.map((s) => [s.color, s.colors])).toEqual([
      [DEFAULT_PALETTE.primary, undefined],
      [DEFAULT_PALETTE.secondary, undefined],
    ]);
  });
});
