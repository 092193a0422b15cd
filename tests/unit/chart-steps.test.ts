/** Build-up steps in the compiled markup: one hidden reveal.js fragment per step inside the chart's figure, none without steps. */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/compiler/index.ts';
import { CHART_SELECTOR, CHART_STEP_CLASS } from '../../src/page-contract.ts';
import { stepData } from '../../src/runtime/charts/chart-steps.ts';

function compileChart(yaml: string) {
  const deck = compileDeck({ settings: null, slides: [{ path: 'a.md', text: `## Chart\n\`\`\`chart\n${yaml}\n\`\`\`\n` }] });
  const $ = load(deck.slides[0]!.html);
  return { $, spec: deck.slides[0]!.charts[0]!, diagnostics: deck.diagnostics };
}

const bar = (extra: string) => `type: bar\ntitle: T\nlabels: [a, b, c, d]\nseries:\n  - name: S\n    values: [1, 2, 3, 4]\n  - name: R\n    values: [4, 3, 2, 1]\nsource: X\n${extra}`;

describe('step markers', () => {
  it.each([
    ['steps: points', 3],
    ['steps: series', 1],
  ])('%s: one empty, hidden fragment per step inside the figure', (steps, count) => {
    const { $, spec, diagnostics } = compileChart(bar(steps));
    expect(diagnostics).toEqual([]);
    expect(spec.stepCount).toBe(count);
    const markers = $(`${CHART_SELECTOR} .${CHART_STEP_CLASS}`);
    expect(markers).toHaveLength(count);
    markers.each((_, marker) => {
      expect($(marker).hasClass('fragment')).toBe(true);
      expect($(marker).is('[hidden]')).toBe(true);
      expect($(marker).text()).toBe('');
    });
    // The slide has no other fragments: reveal.js counts exactly the chart's steps.
    expect($('.fragment')).toHaveLength(count);
  });

  it('keeps the complete data in the table whatever the steps', () => {
    const { $ } = compileChart(bar('steps: points'));
    expect($('table.deck-chart-data tbody tr')).toHaveLength(4);
    expect($('table.deck-chart-data tbody td')).toHaveLength(8);
  });

  it('adds none without steps, or with nothing to build up', () => {
    expect(compileChart(bar(''))['$'](`.${CHART_STEP_CLASS}`)).toHaveLength(0);
    const single = compileChart('type: pie\ntitle: T\nlabels: [a]\nseries:\n  - name: S\n    values: [1]\nsource: X\nsteps: points');
    expect(single.spec.stepCount).toBe(0);
    expect(single.$(`.${CHART_STEP_CLASS}`)).toHaveLength(0);
  });
});

describe('stepData', () => {
  const data = [1, 2, 3];
  it('shows a series whole once its step is reached, and none of it before', () => {
    expect(stepData(data, 'series', 0, 0)).toEqual([1, 2, 3]);
    expect(stepData(data, 'series', 1, 0)).toEqual([]);
    expect(stepData(data, 'series', 1, 1)).toEqual([1, 2, 3]);
  });

  it('shows the first point and one more per step', () => {
    expect(stepData(data, 'points', 0, 0)).toEqual([1]);
    expect(stepData(data, 'points', 1, 1)).toEqual([1, 2]);
    expect(stepData(data, 'points', 0, 2)).toEqual([1, 2, 3]);
  });
});
