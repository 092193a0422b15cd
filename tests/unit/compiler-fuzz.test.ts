/**
 * Property-based robustness of the compiler: thousands of generated and
 * mutated Markdown decks, chart blocks and deck settings. Whatever the input,
 * compiling never throws or hangs, and every problem is a diagnostic with a
 * file of the deck and a line inside that file. The number of cases run is
 * printed (and is part of the test names).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReferences } from '../../src/compiler/check-references.ts';
import { compileDeck, renderSections, type DeckSources } from '../../src/compiler/index.ts';
import { SAMPLE_DECK, SHIPPED_DECK } from '../support/build-fixture.ts';

const RUNS = { generated: 5000, mutated: 3500, charts: 2500, settings: 1000 };
const TOTAL = Object.values(RUNS).reduce((a, b) => a + b, 0);
/** One case may take this long before it counts as a hang (generous: a loaded CI machine). */
const CASE_BUDGET_MS = 2000;
/**
 * The same for the long runs of odd syntax (20,000 units, ~100 KB in one slide): their guard is the
 * growth ratio; this only catches a hang (one took 2.03 s on a loaded 2-core machine in CI).
 */
const LONG_RUN_BUDGET_MS = 10_000;
let ran = 0;

// ---- generators ---------------------------------------------------------------------------

const SNIPPETS = [
  '---', '--', '----', '---  ', 'Note:', 'Notes: Sprechertext', 'notes:', 'Note: **fett**',
  '# Titel', '## Überschrift', '### ', '#', '- Punkt', '* Punkt', '1. Punkt', '> Zitat', '    eingerückter Code',
  '```', '```chart', '```js', '````', '~~~', '~~~chart', '```chart extra',
  '<!-- .slide: class="title" data-timing="30" -->', '<!-- .slide: class="unclosed -->', '<!-- .slide -->',
  '<!-- .element: class="fragment" -->', '<!-- .element: data-x -->', '<!-- .slid: class="x" -->', '<!-- .Element: x -->',
  '<!-- .slide: data-background-image="https://bg.example.com/x.jpg" -->', '<!--', '-->', '<!-- Kommentar -->',
  '<div class="box">', '</div>', '<img src="https://cdn.example.com/a.png">', '<img src="bild.png" alt="">', '<img',
  '<iframe src="//video.example.com/x"></iframe>', '<script src="https://x.example/a.js"></script>', '<script>', '</script>',
  '<style>.x{background:url(https://f.example/a.woff)}</style>', '<a href="http://[">kaputt</a>', '<constructor src="x">',
  '![](bild.png)', '![Alt](https://e.example/a.png)', '![Alt](http://[)', '[Link](#oben)', '[Link](https://e.example)', '[x](<>)',
  '| a | b |', '|---|---|', '| 1 |', '', ' ', '\t', '\\', '`code`', '**', '_',
  'type: bar', 'type: pie', 'type: nope', 'title: Titel', 'labels: ["a", "b"]', 'labels: []', 'labels: a',
  'series:', '  - name: Reihe', '    values: [1, 2]', '    values: [1]', '    values: [null, null]', '    color: microsoft',
  '    colors: [red]', 'highlight: "b"', 'highlight: 7', 'source: Quelle', 'unknown: 1', 'horizontal: true', 'stacked: yes',
  'min: 5', 'max: 1', 'height: -3', ': :', '- [', '{', '"', "'", '&amp;', '\u00a0', '\u2028', 'ä', '😀',
];

const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: fc.constantFrom('-', '`', '<', '>', '!', '#', ':', ' ', '\n', '\r', '\t', '"', '[', ']', '(', ')') }) },
);

const newline = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const markdown = fc.tuple(fc.array(line, { maxLength: 40 }), newline).map(([lines, nl]) => lines.join(nl));

const settingsValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);
const settingsKey = fc.oneof(
  fc.constantFrom('title', 'author', 'date', 'lang', 'theme', 'transition', 'aspect', 'palette', 'revealOptions', 'allowedHosts'),
  fc.string({ maxLength: 10 }),
);
const settingsYaml = fc.oneof(
  fc.dictionary(settingsKey, settingsValue, { maxKeys: 6 }).map((value) => stringify(value)),
  fc.string({ maxLength: 80 }),
  markdown,
);

function sourcesOf(files: string[], settings: string | null): DeckSources {
  return {
    slides: files.map((text, i) => ({ path: `slides/${String(i + 1).padStart(2, '0')}-folie.md`, text })),
    settings: settings === null ? null : { path: 'slides/deck.yaml', text: settings },
  };
}

const generatedDeck = fc
  .tuple(fc.array(markdown, { minLength: 1, maxLength: 3 }), fc.option(settingsYaml, { nil: null }))
  .map(([files, settings]) => sourcesOf(files, settings));

/** A chart block from a generated object: close to valid, so validation goes deep. */
const chartValue = fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.constant(null), fc.string({ maxLength: 6 }), fc.boolean());
const chartObject = fc.record(
  {
    type: fc.oneof(fc.constantFrom('bar', 'line', 'doughnut', 'pie'), fc.string({ maxLength: 6 })),
    title: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('<img src=x onerror=alert(1)>')),
    unit: fc.constantFrom('Mrd. US-$', '%', '', '<b>'),
    labels: fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 6 }),
    series: fc.array(
      fc.record(
        { name: fc.string({ maxLength: 8 }), values: fc.array(chartValue, { maxLength: 6 }), color: fc.constantFrom('microsoft', '#123456', 'rot', '#zzz'), colors: fc.array(fc.constantFrom('openai', '#abc', 'x'), { maxLength: 6 }) },
        { requiredKeys: ['name', 'values'] },
      ),
      { maxLength: 3 },
    ),
    highlight: fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -2, max: 8 })),
    source: fc.string({ maxLength: 20 }),
    note: fc.string({ maxLength: 10 }),
    horizontal: fc.boolean(),
    stacked: fc.oneof(fc.boolean(), fc.string({ maxLength: 3 })),
    decimals: fc.integer({ min: -2, max: 30 }),
    min: fc.double(),
    max: fc.double(),
    height: fc.integer({ min: -10, max: 5000 }),
    extra: fc.string({ maxLength: 5 }),
  },
  { requiredKeys: ['type', 'labels', 'series'] },
);
const chartDeck = fc
  .tuple(fc.array(line, { maxLength: 5 }), chartObject, fc.array(fc.tuple(fc.nat(), line), { maxLength: 3 }), fc.constantFrom('```', '~~~', '````'))
  .map(([before, chart, edits, fence]) => {
    const yaml = stringify(chart).split('\n');
    for (const [at, text] of edits) yaml.splice(at % (yaml.length + 1), 0, text);
    return sourcesOf([[...before, '', `${fence}chart`, ...yaml, fence, '', 'Note: Ende'].join('\n')], null);
  });

/** Real decks as seeds for mutation: the shipped slides and the sample deck. */
const seeds = [SHIPPED_DECK, SAMPLE_DECK].flatMap((dir) =>
  readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(dir, name), 'utf8')),
);
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(line, fc.constantFrom('\n---\n', '\n```\n', '\n```chart\n', '\nNote:\n')) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'insert': return text.slice(0, at) + m.text + text.slice(at);
    case 'truncate': return text.slice(0, at);
    case 'duplicate-line': {
      const lines = text.split('\n');
      lines.splice(m.at % lines.length, 0, lines[m.at % lines.length]!);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.at % lines.length;
      const b = m.other % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}
const mutatedDeck = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 3 }), fc.option(settingsYaml, { nil: null }))
  .map(([files, settings]) => sourcesOf(files.map(([seed, mutations]) => mutations.reduce(mutate, seed)), settings));

/**
 * Long runs of one unit: raw HTML and Markdown that make naive scanners
 * quadratic. Checked by growth, not by wall-clock time (which a busy machine
 * distorts): four times the input may take about four times as long, never
 * sixteen.
 */
const ADVERSARIAL_UNITS = ['<a ', '<a b="', '<!--', '<!-- .s', '<script>', '<style>url(', '<p ', '<img src=', '<', '[', '![', '`', '*a ', '---\n', '```\n', 'Note:\n'];
/** Where the run starts: in a paragraph, in raw HTML, in a chart's YAML (there only units YAML reacts to). */
const ADVERSARIAL_CONTEXTS: [string, string[]][] = [
  ['', ADVERSARIAL_UNITS],
  ['<div>\n', ADVERSARIAL_UNITS],
  ['```chart\ntitle: ', ['[', ': ', '- ', 'Note:\n']],
];

/** The time to compile a one-file deck, in ms. */
function compileTime(text: string): number {
  const started = performance.now();
  checkDeck(sourcesOf([text], null), LONG_RUN_BUDGET_MS);
  return performance.now() - started;
}

/**
 * Best times of a small and a four times larger input, measured in turns so
 * that a busy moment of the machine weighs on both alike.
 */
function growth(small: string, large: string, tries: number): { small: number; large: number } {
  const best = { small: Infinity, large: Infinity };
  for (let i = 0; i < tries; i++) {
    best.small = Math.min(best.small, compileTime(small));
    best.large = Math.min(best.large, compileTime(large));
  }
  return best;
}

// ---- the property ---------------------------------------------------------------------------

/** Lines of a file as an editor counts them: CR LF, LF and a lone CR each end a line. */
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

function compilesCleanly(sources: DeckSources): void {
  ran++;
  checkDeck(sources);
}

function checkDeck(sources: DeckSources, budgetMs = CASE_BUDGET_MS): void {
  const started = performance.now();
  const deck = compileDeck(sources);
  // The loader's reference check too, with a file system where nothing exists.
  deck.diagnostics.push(...checkReferences(deck, { resolve: (url) => url, exists: () => false }));
  const html = renderSections(deck.slides);
  const elapsed = performance.now() - started;

  const files = new Map([...sources.slides, ...(sources.settings ? [sources.settings] : [])].map((f) => [f.path, lineCount(f.text)]));
  expect(typeof html).toBe('string');
  expect(elapsed, 'a single deck took too long to compile').toBeLessThan(budgetMs);
  for (const d of deck.diagnostics) {
    const lines = files.get(d.file);
    expect(lines, `diagnostic names a file that is not in the deck: ${JSON.stringify(d)}`).toBeDefined();
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines!, `line out of range (1..${lines}): ${JSON.stringify(d)}`).toBe(true);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.code).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(d.message.length).toBeGreaterThan(0);
  }
  for (const slide of deck.slides) {
    expect(files.has(slide.file)).toBe(true);
    expect(slide.line).toBeGreaterThanOrEqual(1);
    expect(slide.line).toBeLessThanOrEqual(files.get(slide.file)!);
  }
}

describe(`compiler fuzz: ${TOTAL.toLocaleString('en')} generated and mutated decks`, () => {
  afterAll(() => {
    console.log(`compiler fuzz: ${ran} cases run (never threw, every diagnostic located in its file)`);
  });

  it(`survives ${RUNS.generated} generated decks`, () => {
    fc.assert(fc.property(generatedDeck, compilesCleanly), { numRuns: RUNS.generated });
  });

  it(`survives ${RUNS.mutated} mutations of the shipped and sample decks`, () => {
    fc.assert(fc.property(mutatedDeck, compilesCleanly), { numRuns: RUNS.mutated });
  });

  it(`survives ${RUNS.charts} generated and mutated chart blocks`, () => {
    fc.assert(fc.property(chartDeck, compilesCleanly), { numRuns: RUNS.charts });
  });

  it(`survives ${RUNS.settings} generated deck settings`, () => {
    fc.assert(
      fc.property(settingsYaml, markdown, (settings, slides) => compilesCleanly(sourcesOf([slides], settings))),
      { numRuns: RUNS.settings },
    );
  });

  it.each(ADVERSARIAL_CONTEXTS)('compiles long runs of odd syntax in linear time (after %j)', (prefix, units) => {
    for (const unit of units) {
      const deck = (times: number) => `## Folie\n\n${prefix}${unit.repeat(times)}\n`;
      // Linear: ×4; quadratic: ×16. Below 150 ms the ratio is noise.
      const linear = (tries: number) => {
        const { small, large } = growth(deck(5000), deck(20_000), tries);
        return { ok: large < 150 || large < 10 * small, small, large };
      };
      // A busy moment can spoil a measurement; a quadratic scan stays slow when measured again.
      let result = linear(2);
      if (!result.ok) result = linear(7);
      const { ok, small, large } = result;
      expect(ok, `${JSON.stringify(unit)}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBe(true);
    }
  });

  it(`ran all ${TOTAL} cases`, () => {
    expect(ran).toBeGreaterThanOrEqual(TOTAL);
  });
});
