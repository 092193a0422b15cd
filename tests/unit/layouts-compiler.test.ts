/**
 * Columns and slide layouts in the compiler: the fixture deck (tests/fixtures/layouts-deck) comes
 * out marked for the layouts' style sheet without a finding; each mistake of
 * tests/fixtures/layouts-errors is reported at its line; and the container fences nest as authors
 * write them (three colons each), around code that shows fences too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { compileDeck, renderSections } from '../../src/compiler/index.ts';
import { loadDeckSources } from '../../src/loader/load-deck-sources.ts';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import { CHART_SELECTOR, COLUMN_CLASS, COLUMN_SHARE_PROPERTY, COLUMNS_CLASS, LAYOUT_CLASSES } from '../../src/page-contract.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const compile = (text: string, lang = 'en') => compileDeck({ slides: [{ path: 'slides/01.md', text }], settings: { path: 'deck.yaml', text: `lang: ${lang}` } });
const columns = `.${COLUMNS_CLASS}`;
const column = `.${COLUMN_CLASS}`;
const shareOf = (style: string | undefined) => (style ? Number(new RegExp(`${COLUMN_SHARE_PROPERTY}:\\s*([\\d.]+)`).exec(style)?.[1]) : undefined);

describe('the layouts fixture deck', () => {
  const deck = compileFolder(join(FIXTURES, 'layouts-deck'));
  const $ = load(renderSections(deck.slides));
  const slide = (id: string) => $(`section#${id}`);

  it('compiles without a finding (references included)', () => {
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.map((s) => s.attributes.class ?? '')).toEqual(['title', '', '', '', 'image-left', 'image-right', 'cover', 'kpi', 'kpi', 'quote', 'section']);
  });

  it('writes columns as a row of column boxes, a width as the column\'s share, and any block inside a column', () => {
    const chart = slide('text-beside-a-chart');
    expect(chart.find(`${columns} > ${column}`).length).toBe(2);
    expect(chart.find(`${column}`).map((_, el) => shareOf($(el).attr('style'))).get()).toEqual([40, 60]);
    expect(chart.find(`${column}`).eq(1).find(CHART_SELECTOR).length).toBe(1);
    expect(chart.find(`${column}`).eq(0).find('ul > li').length).toBe(2);
    const three = slide('three-options').find(`${columns} > ${column}`);
    expect(three.length).toBe(3);
    expect(three.eq(0).find('img').length).toBe(1);
    expect(three.eq(1).find('table').length).toBe(1);
    expect(three.eq(2).find('pre code').length).toBe(1);
    expect(three.map((_, el) => $(el).attr('style') ?? '').get()).toEqual(['', '', '']);
    // A column names its fence's line, for findings made in the browser.
    expect(three.eq(1).attr('data-line')).toBe('55');
  });

  it('marks the image of image-left and image-right, the cover\'s text, the kpi list and the quote with its source', () => {
    for (const id of ['a-picture-on-the-left', 'a-picture-on-the-right']) {
      expect(slide(id).children(`p.${LAYOUT_CLASSES.image}`).children('img').length).toBe(1);
    }
    const cover = slide('a-cover-over-a-photo');
    expect(cover.attr('data-background-image')).toBe('assets/cover.jpg');
    expect(cover.attr('data-background-color')).toBe('#000000');
    expect(cover.children(`.${LAYOUT_CLASSES.coverText}`).children('h1').text()).toBe('A cover over a photo');
    expect(slide('the-core-numbers').find(`ul.${LAYOUT_CLASSES.kpis} > li > strong`).map((_, el) => $(el).text()).get()).toEqual(['13 bn US-$', '80 bn US-$', '20 → 10 %']);
    expect(slide('four-figures').find(`ul.${LAYOUT_CLASSES.kpis} > li`).length).toBe(4);
    const quote = $(`figure.${LAYOUT_CLASSES.quote}`);
    expect(quote.children('blockquote').text().trim()).toBe('We are below them, above them, around them.');
    expect(quote.children('figcaption').text()).toBe('— Satya Nadella, 2023');
    expect(quote.children('figcaption').attr('data-line')).toBe('53');
  });
});

describe('the layouts errors fixture', () => {
  it('reports each mistake at its line, and nothing else', () => {
    const dir = join(FIXTURES, 'layouts-errors');
    const deck = compileDeck(loadDeckSources(dir, dir));
    const want = JSON.parse(readFileSync(join(dir, 'diagnostics.json'), 'utf8')) as { file: string; line: number; severity: string; code: string; message: string }[];
    const got = deck.diagnostics.map(({ file, line, severity, code, message }) => ({ file, line, severity, code, message }));
    expect(got.map(({ message, ...at }) => at)).toEqual(want.map(({ message, ...at }) => at));
    got.forEach((finding, i) => expect(finding.message).toContain(want[i]!.message));
  });
});

describe('container fences', () => {
  const rows = (text: string) => {
    const deck = compile(text);
    const $ = load(deck.slides[0]!.html);
    return { deck, $, columns: $(`${columns}`).map((_, row) => $(row).children(column).length).get() };
  };

  it('nest with three colons each, and also with a longer outer fence', () => {
    const body = '::: column\nA\n:::\n::: column\nB\n:::';
    expect(rows(`## X\n\n::: columns\n${body}\n:::\n\nAfter\n`).columns).toEqual([2]);
    expect(rows(`## X\n\n:::: columns\n${body}\n::::\n\nAfter\n`).columns).toEqual([2]);
    const { $, deck } = rows(`## X\n\n::: columns\n${body}\n:::\n\nAfter\n`);
    expect($('p').last().text()).toBe('After');
    expect($('p').last().attr('data-line')).toBe('12');
    expect(deck.diagnostics).toEqual([]);
  });

  it('leave colon lines inside code as code, in a column and outside columns', () => {
    const code = '```md\n::: columns\n:::\n::::\n```';
    const { $, deck, columns: found } = rows(`## X\n\n${code}\n\n::: columns\n::: column\n${code}\n:::\n::: column\nB\n:::\n:::\n\nAfter\n`);
    expect(deck.diagnostics).toEqual([]);
    expect(found).toEqual([2]);
    expect($('pre code').map((_, el) => $(el).text()).get()).toEqual(['::: columns\n:::\n::::\n', '::: columns\n:::\n::::\n']);
    expect($(`${column}`).eq(1).text().trim()).toBe('B');
    expect($('p').last().text()).toBe('After');
  });

  it('give columns without a width an equal part of what the widths leave', () => {
    const shares = (widths: string[]) => {
      const { $, deck } = rows(`## X\n\n::: columns\n${widths.map((w) => `::: column ${w}\nA\n:::`).join('\n')}\n:::\n`);
      expect(deck.diagnostics).toEqual([]);
      return $(column).toArray().map((el) => shareOf($(el).attr('style')) ?? null);
    };
    expect(shares(['', ''])).toEqual([null, null]);
    expect(shares(['25%', '', ''])).toEqual([25, 37.5, 37.5]);
    expect(shares(['30%', '30%', '40%'])).toEqual([30, 30, 40]);
    expect(shares(['33.3%', ''])).toEqual([33.3, 66.7]);
  });

  it('leave an unknown container\'s lines as text, with a warning, and close nothing else with its fence', () => {
    const { $, deck, columns: found } = rows('## X\n\n::: note\nA remark\n:::\n\n::: columns\n::: column\nA\n:::\n::: column\nB\n:::\n:::\n');
    expect(deck.diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([[3, 'warning', 'unknown container "::: note": only ::: columns and ::: column exist; its lines stay text']]);
    expect($('p').first().text()).toBe('::: note\nA remark\n:::');
    expect(found).toEqual([2]);
    const inColumn = rows('## X\n\n::: columns\n::: column\n::: note\nA\n:::\nStill the column\n:::\n::: column\nB\n:::\n:::\n');
    expect(inColumn.columns).toEqual([2]);
    expect(inColumn.$(column).first().text()).toContain('::: note\nA\n:::');
    expect(inColumn.$(column).first().text()).toContain('Still the column');
  });

  it('report a width of 100 % that leaves nothing for another column', () => {
    const { deck } = rows('## X\n\n::: columns\n::: column 99%\nA\n:::\n::: column\nB\n:::\n:::\n');
    expect(deck.diagnostics).toEqual([]);
    const full = compile('## X\n\n::: columns\n::: column 60%\nA\n:::\n::: column 40%\nB\n:::\n::: column\nC\n:::\n:::\n');
    expect(full.diagnostics.map((d) => [d.line, d.message])).toEqual([[3, 'column widths add up to 100 % and leave nothing for the columns without a width']]);
  });
});

describe('layout classes', () => {
  const findings = (classes: string) => compile(`<!-- .slide: class="${classes}" -->\n## X\n`).diagnostics.map((d) => [d.severity, d.message]);

  it('leave the author\'s own classes alone, and name the layout a near miss means', () => {
    expect(findings('zentriert highlight')).toEqual([]);
    expect(findings('quotes')).toEqual([['error', expect.stringContaining('unknown layout "quotes" (did you mean "quote"?)')]]);
    expect(findings('image-lft')).toEqual([['error', expect.stringContaining('unknown layout "image-lft" (did you mean "image-left"?)')]]);
    expect(findings('titel')).toEqual([['warning', 'class "titel" is not a layout (did you mean "title"?): kept as a class of its own']]);
  });

  it('keep a cover\'s own background colour', () => {
    const deck = compile('<!-- .slide: class="cover" data-background-image="a.jpg" data-background-color="#203040" -->\n# Cover\n');
    expect(deck.slides[0]!.attributes['data-background-color']).toBe('#203040');
    expect(deck.diagnostics).toEqual([]);
  });

  it('warn about a figure whose decimal separator is the other language\'s', () => {
    const kpi = (figures: string[], lang: string) =>
      compile(`<!-- .slide: class="kpi" -->\n## X\n\n${figures.map((f) => `- **${f}** label`).join('\n')}\n`, lang).diagnostics.map((d) => d.message);
    expect(kpi(['13,5 Mrd. US-$', '1.200 Mitarbeiter', '20 → 10 %'], 'de')).toEqual([]);
    expect(kpi(['13.5 Mrd. US-$'], 'de')).toEqual(['"13.5 Mrd. US-$" writes "13.5", which reads as a decimal; in the deck\'s language (de) that is "13,5"']);
    expect(kpi(['3.5 bn', '1,200'], 'en')).toEqual([]);
    expect(kpi(['3,5 bn'], 'en')).toEqual(['"3,5 bn" writes "3,5", which reads as a decimal; in the deck\'s language (en) that is "3.5"']);
  });
});
