/**
 * reveal.js's own markdown plugin as the oracle. Each fixture under tests/fixtures/reveal-compat/ is
 * rendered in Chromium by reveal.js 6's plugin (an external `data-markdown` file with reveal-md's
 * separators, or reveal.js's `--` verticals when the fixture uses them; front matter removed first, as
 * reveal-md does) and built by our compiler. Per slide, matched by (h, v): heading, notes, the
 * section's attributes and classes, the number of fragments; and the totals. The built deck is also
 * opened with its runtime, whose reveal.js must count the same slides.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPage } from '../../src/browser/browser-page.ts';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { NOTES_SELECTOR, SOURCE_ATTRIBUTE } from '../../src/page-contract.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { buildDeck } from '../../src/builder/build-deck.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/reveal-compat');
const CASES = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).sort();
/** Deliberate differences (README), each asserted below so the list stays true. */
const DIFFERENCES = join(FIXTURES, 'differences');

const require = createRequire(import.meta.url);
const MARKDOWN_PLUGIN = require.resolve('reveal.js/plugin/markdown').replace(/\.js$/, '.mjs');

/** reveal-md's separators; reveal.js's `--` for vertical slides when a fixture has such a line. */
const HORIZONTAL = String.raw`\r?\n---\r?\n`;
const verticalOf = (markdown: string) => (/^--\r?$/m.test(markdown) ? String.raw`\r?\n--\r?\n` : String.raw`\r?\n----\r?\n`);

/** What reveal-md hands reveal.js: the Markdown after its YAML front matter. */
function withoutFrontMatter(markdown: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(markdown);
  return match ? markdown.slice(match[0].length) : markdown;
}

/**
 * The oracle page: the plugin converts one external Markdown file. It needs only these two methods
 * of a Reveal instance; without Reveal itself nothing lays the sections out or adds state to them.
 */
const ORACLE_PAGE = `<!doctype html>
<meta charset="utf-8">
<div class="reveal"><div class="slides"></div></div>
<script type="module">
import RevealMarkdown from './markdown.mjs';
const params = new URLSearchParams(location.search);
const section = document.createElement('section');
section.setAttribute('data-markdown', params.get('file'));
section.setAttribute('data-separator', params.get('separator'));
section.setAttribute('data-separator-vertical', params.get('vertical'));
document.querySelector('.slides').append(section);
const reveal = document.querySelector('.reveal');
await RevealMarkdown().init({ getConfig: () => ({}), getRevealElement: () => reveal });
document.documentElement.dataset.oracleReady = '';
</script>
`;

const TIMEOUT_MS = 15_000;

interface SlideSummary {
  at: string;
  heading: string;
  notes: boolean;
  attributes: string[];
  classes: string[];
  fragments: number;
}

/** Attributes that say where a slide came from, not what `.slide` comments set. */
const BOOKKEEPING = ['id', 'class', SOURCE_ATTRIBUTE, 'data-markdown', 'data-markdown-parsed'];

/** Runs in the page: one summary per slide of the `.slides` element in `html` (or of the document). */
function summarise({ html, bookkeeping, notes }: { html: string | null; bookkeeping: string[]; notes: string }): SlideSummary[] {
  const root = html === null ? document : new DOMParser().parseFromString(html, 'text/html');
  const slides = root.querySelector('.reveal .slides')!;
  const sections = (parent: Element) => [...parent.children].filter((child) => child.tagName === 'SECTION');
  const outsideNotes = (section: Element, selector: string) => [...section.querySelectorAll(selector)].filter((element) => !element.closest(notes));
  const summaries: SlideSummary[] = [];
  sections(slides).forEach((horizontal, h) => {
    const stack = sections(horizontal);
    (stack.length > 0 ? stack : [horizontal]).forEach((section, v) => {
      const heading = outsideNotes(section, 'h1, h2, h3, h4, h5, h6')[0];
      summaries.push({
        at: `${h}/${v}`,
        heading: heading?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        notes: (section.querySelector(notes)?.textContent ?? '').trim() !== '',
        attributes: [...section.attributes].filter((a) => !bookkeeping.includes(a.name)).map((a) => `${a.name}=${a.value}`).sort(),
        classes: [...section.classList].sort(),
        fragments: outsideNotes(section, '.fragment').length,
      });
    });
  });
  return summaries;
}

let browser: Browser;
let oracle: StaticServer;
const work = mkdtempSync(join(tmpdir(), 'deck-reveal-compat-'));

beforeAll(async () => {
  const oracleDir = join(work, 'oracle');
  mkdirSync(oracleDir);
  copyFileSync(MARKDOWN_PLUGIN, join(oracleDir, 'markdown.mjs'));
  writeFileSync(join(oracleDir, 'index.html'), ORACLE_PAGE);
  for (const name of CASES) writeFileSync(join(oracleDir, name), withoutFrontMatter(readFileSync(join(FIXTURES, name), 'utf8')));
  for (const name of readdirSync(DIFFERENCES)) copyFileSync(join(DIFFERENCES, name), join(oracleDir, `difference-${name}`));
  oracle = await serveStatic(oracleDir);
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
  await oracle?.close();
});

async function revealPluginSlides(name: string, markdown: string): Promise<SlideSummary[]> {
  const query = new URLSearchParams({ file: name, separator: HORIZONTAL, vertical: verticalOf(markdown) });
  const page = await BrowserPage.open(browser, `${oracle.url}index.html?${query}`);
  try {
    expect(await page.waitFor(() => document.documentElement.hasAttribute('data-oracle-ready'), null, TIMEOUT_MS), `the plugin did not convert ${name}: ${page.errors.join('; ')}`).toBe(true);
    return await page.evaluate(summarise, { html: null, bookkeeping: BOOKKEEPING, notes: NOTES_SELECTOR });
  } finally {
    await page.close();
  }
}

/** Our build of the fixture: its sections as Chromium parses the built page, and reveal.js's counts in the running deck. */
async function ourSlides(name: string, fixtures = FIXTURES): Promise<{ slides: SlideSummary[]; total: number; horizontal: number }> {
  const slidesDir = join(work, `${fixtures === FIXTURES ? '' : 'difference-'}${name.replace(/\.md$/, '')}`, 'slides');
  mkdirSync(slidesDir, { recursive: true });
  copyFileSync(join(fixtures, name), join(slidesDir, name));
  const { outDir } = await buildDeck({ slidesDir, outDir: join(slidesDir, '..', 'dist') });
  const server = await serveStatic(outDir);
  const page = await BrowserPage.open(browser, server.url);
  try {
    await page.waitForDeck(TIMEOUT_MS);
    const slides = await page.evaluate(summarise, { html: readFileSync(join(outDir, 'index.html'), 'utf8'), bookkeeping: BOOKKEEPING, notes: NOTES_SELECTOR });
    const counts = await page.evaluate(() => ({ total: window.Reveal.getTotalSlides(), horizontal: window.Reveal.getHorizontalSlides().length }), null);
    return { slides, ...counts };
  } finally {
    await page.close();
    await server.close();
  }
}

describe('Markdown as reveal.js 6 reads it', () => {
  it('has fixtures for every case the suite covers', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
    // A checkout that turned the CRLF fixture's line ends into LF would test nothing.
    expect(readFileSync(join(FIXTURES, 'crlf.md'), 'utf8')).toMatch(/\r\n---\r\n/);
  });

  it.each(CASES)('%s: same slides, headings, notes, attributes and fragments', async (name) => {
    const markdown = readFileSync(join(FIXTURES, name), 'utf8');
    const expected = await revealPluginSlides(name, withoutFrontMatter(markdown));
    const ours = await ourSlides(name);
    expect(expected.length, 'the oracle rendered no slide').toBeGreaterThan(0);
    expect(ours.slides).toEqual(expected);
    expect(ours.total).toBe(expected.length);
    expect(ours.horizontal).toBe(new Set(expected.map((slide) => slide.at.split('/')[0])).size);
  });
});

describe('deliberate differences from reveal.js 6', () => {
  /** The oracle's and our slides of a fixture under differences/. */
  async function both(name: string): Promise<{ reveal: SlideSummary[]; ours: SlideSummary[] }> {
    const markdown = readFileSync(join(DIFFERENCES, name), 'utf8');
    return { reveal: await revealPluginSlides(`difference-${name}`, markdown), ours: (await ourSlides(name, DIFFERENCES)).slides };
  }

  it('a second Note: line stays in the notes (reveal.js then drops the notes and shows both lines on the slide)', async () => {
    const { reveal, ours } = await both('notes-twice.md');
    expect(reveal.map((slide) => slide.notes)).toEqual([false]);
    expect(ours.map((slide) => slide.notes)).toEqual([true]);
  });

  it('a compact separator inside a closed code fence stays code (reveal.js cuts the code block there)', async () => {
    const { reveal, ours } = await both('fence-separator.md');
    expect(reveal).toHaveLength(3);
    expect(ours.map((slide) => slide.heading)).toEqual(['YAML im Code']);
  });

  it('a separator line may end in spaces or tabs (reveal.js needs the bare ---)', async () => {
    const { reveal, ours } = await both('trailing-space.md');
    expect(reveal.map((slide) => slide.heading)).toEqual(['Eins']);
    expect(ours.map((slide) => slide.heading)).toEqual(['Eins', 'Zwei']);
  });

  it('attribute comments take single-quoted and unquoted values, and .slide without its colon (reveal.js ignores them)', async () => {
    const { reveal, ours } = await both('lenient-attributes.md');
    expect(reveal.map((slide) => [slide.fragments, slide.classes])).toEqual([[0, []], [0, []], [0, []]]);
    expect(ours.map((slide) => [slide.fragments, slide.classes])).toEqual([[1, []], [1, []], [0, ['ohne-doppelpunkt']]]);
  });

  it('-- and ---- both start a vertical slide (reveal.js takes one of them, as configured)', async () => {
    const { reveal, ours } = await both('both-verticals.md');
    expect(reveal.map((slide) => slide.at)).toEqual(['0/0', '0/1']);
    expect(ours.map((slide) => slide.at)).toEqual(['0/0', '0/1', '0/2']);
  });
});
