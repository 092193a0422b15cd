/**
 * What the compiler works out for the page from the chart options of issue 15: a waterfall's bars and
 * signed value labels, stacked-percent shares, number formats in the deck's language, scatter x values,
 * reference lines resolved to positions, combo series, and the number of build-up steps.
 */
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/compiler/index.ts';
import type { ChartSpec, Diagnostic } from '../../src/types.ts';

const NBSP = '\u00a0';

function compileChart(yaml: string, lang = 'de'): { spec: ChartSpec; diagnostics: Diagnostic[] } {
  const deck = compileDeck({
    settings: { path: 'deck.yaml', text: `lang: ${lang}` },
    slides: [{ path: 'a.md', text: `## Chart\n\`\`\`chart\n${yaml}\nsource: Test\n\`\`\`\n` }],
  });
  expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { spec: deck.slides[0]!.charts[0]!, diagnostics: deck.diagnostics };
}

describe('waterfall', () => {
  const waterfall = 'type: waterfall\ntitle: Zusagen\nunit: Mrd. US-$\nlabels: ["2019", "2021 und später", "2023"]\nseries: [{ name: Zusagen, values: [1, 2, 10] }]';

  it('adds the total bar with its label and the sum of the steps', () => {
    const { spec } = compileChart(`${waterfall}\ntotal: Gesamt`);
    expect(spec.labels).toEqual(['2019', '2021 und später', '2023', 'Gesamt']);
    expect(spec.series[0]!.values).toEqual([1, 2, 10, 13]);
    expect(spec.waterfall).toEqual(['start', 'up', 'up', 'total']);
  });

  it('labels the steps with their sign, the start and the total without', () => {
    const { spec } = compileChart(`${waterfall.replace('[1, 2, 10]', '[10, 4.5, -3]')}\ntotal: Ende`);
    expect(spec.series[0]!.labels).toEqual([`10${NBSP}Mrd. US-$`, `+4,5${NBSP}Mrd. US-$`, `-3${NBSP}Mrd. US-$`, `11,5${NBSP}Mrd. US-$`]);
    expect(spec.series[0]!.formatted[2]).toBe(`-3${NBSP}Mrd. US-$`);
    expect(spec.waterfall).toEqual(['start', 'up', 'down', 'total']);
  });

  it('sums decimals as written, without floating-point error', () => {
    const { spec } = compileChart(`${waterfall.replace('[1, 2, 10]', '[0.1, 0.2, 0.4]')}\ntotal: Summe`);
    expect(spec.series[0]!.values[3]).toBe(0.7);
  });

  it('has no total bar without total:', () => {
    const { spec } = compileChart(waterfall);
    expect(spec.labels).toHaveLength(3);
    expect(spec.waterfall).toEqual(['start', 'up', 'up']);
  });
});

describe('stacked: percent', () => {
  it('draws each value as its share of the label, and labels it as a percentage; the table keeps the values', () => {
    const { spec } = compileChart('type: bar\ntitle: Anteile\nstacked: percent\nlabels: [a, b]\nseries:\n  - { name: S, values: [1, 3] }\n  - { name: T, values: [3, null] }');
    expect(spec.stacked).toBe('percent');
    expect(spec.series.map((s) => s.plotted)).toEqual([[25, 100], [75, null]]);
    expect(spec.series.map((s) => s.labels)).toEqual([[`25${NBSP}%`, `100${NBSP}%`], [`75${NBSP}%`, '']]);
    expect(spec.series.map((s) => s.formatted)).toEqual([['1', '3'], ['3', '']]);
  });
});

describe('format', () => {
  const chart = (format: string, values = '[1200, 80000000000]') => `type: bar\ntitle: F\n${format}\nlabels: [a, b]\nseries: [{ name: S, values: ${values} }]`;

  it('writes compact numbers in the deck language', () => {
    expect(compileChart(chart('format: compact')).spec.series[0]!.formatted).toEqual([`1,2${NBSP}Tsd.`, `80${NBSP}Mrd.`]);
    expect(compileChart(chart('format: compact'), 'en').spec.series[0]!.formatted).toEqual(['1.2K', '80B']);
  });

  it('writes money with its currency, compact too', () => {
    expect(compileChart(chart('format: currency\ncurrency: EUR', '[1200, 15.5]')).spec.series[0]!.formatted).toEqual([`1.200${NBSP}€`, `15,5${NBSP}€`]);
    expect(compileChart(chart('format: currency\ncurrency: USD', '[1200, 15.5]'), 'en').spec.series[0]!.formatted).toEqual(['$1,200', '$15.5']);
    expect(compileChart(chart('format: compact\ncurrency: USD')).spec.series[0]!.formatted).toEqual([`1,2${NBSP}Tsd.${NBSP}$`, `80${NBSP}Mrd.${NBSP}$`]);
  });

  it('takes percentage points for percent, as unit: "%" does', () => {
    const { spec } = compileChart(chart('format: percent', '[20, 10]'));
    expect(spec.series[0]!.formatted).toEqual([`20${NBSP}%`, `10${NBSP}%`]);
    expect(spec.format).toEqual({ format: 'percent', currency: undefined, decimals: 0, unit: '' });
    expect(compileChart(chart('format: percent', '[20, 10.5]'), 'en').spec.series[0]!.formatted).toEqual(['20%', '10.5%']);
  });
});

describe('combo charts', () => {
  it('draws a series as a line on the right axis with its own unit', () => {
    const { spec } = compileChart(
      'type: bar\ntitle: Capex und Anteil\nunit: Mrd. US-$\nlabels: ["2024", "2025"]\nseries:\n  - { name: Capex, values: [55.7, 80] }\n  - { name: Anteil, values: [20, 10], type: line, axis: right, unit: "%" }',
    );
    expect(spec.series.map((s) => [s.type, s.axis, s.format.unit])).toEqual([['bar', 'left', 'Mrd. US-$'], ['line', 'right', '%']]);
    expect(spec.series[1]!.formatted).toEqual([`20${NBSP}%`, `10${NBSP}%`]);
    expect(spec.series[0]!.formatted).toEqual([`55,7${NBSP}Mrd. US-$`, `80${NBSP}Mrd. US-$`]);
  });
});

describe('scatter', () => {
  it('reads its labels as x values and writes them in the deck language', () => {
    const { spec } = compileChart('type: scatter\ntitle: Streuung\nlabels: [1.5, 2, 10]\nseries: [{ name: S, values: [3, 4, 5] }]');
    expect(spec.xValues).toEqual([1.5, 2, 10]);
    expect(spec.labels).toEqual(['1,5', '2', '10']);
  });
});

describe('reference lines', () => {
  it('resolves lines at values, bands, and lines at labels to positions', () => {
    const { spec } = compileChart(
      'type: bar\ntitle: Capex\nlabels: ["2024", "2025"]\nseries: [{ name: S, values: [55.7, 80] }]\n' +
        'lines:\n  - { value: 80, label: "Plan GJ 2025" }\n  - { from: 50, to: 60, color: accent }\n  - { at: "2025", label: Jetzt }',
    );
    expect(spec.lines).toEqual([
      { kind: 'value', from: 80, to: 80, label: 'Plan GJ 2025', color: '#6b7280', axis: 'left' },
      { kind: 'band', from: 50, to: 60, label: '', color: '#c0392b', axis: 'left' },
      { kind: 'category', from: 1, to: 1, label: 'Jetzt', color: '#6b7280', axis: 'left' },
    ]);
  });
});

describe('steps', () => {
  it('counts one fragment per series or point after the first', () => {
    const two = 'type: bar\ntitle: S\nlabels: [a, b, c]\nseries:\n  - { name: S, values: [1, 2, 3] }\n  - { name: T, values: [1, 2, 3] }';
    expect(compileChart(`${two}\nsteps: series`).spec.stepCount).toBe(1);
    expect(compileChart(`${two}\nsteps: points`).spec.stepCount).toBe(2);
    expect(compileChart(two).spec.stepCount).toBe(0);
    const waterfall = 'type: waterfall\ntitle: W\nlabels: [a, b]\nseries: [{ name: S, values: [1, 2] }]\ntotal: Summe\nsteps: points';
    expect(compileChart(waterfall).spec.stepCount).toBe(2);
  });
});
