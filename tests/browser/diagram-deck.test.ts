/**
 * Diagrams on the built deck: SVG drawn at build time in the theme's colours, no Mermaid shipped,
 * cached by source (a second build draws nothing), vectors in the PDF; a Mermaid syntax error stops
 * the build at its line, and a deck with a new diagram and no Chromium fails in one line.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/builder/build-deck.ts';
import { DeckDiagrams } from '../../src/builder/deck-diagrams.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import { DIAGRAM_SELECTOR } from '../../src/page-contract.ts';
import { openDeck } from '../support/deck-page.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { serveBuiltDeck } from '../support/served-deck.ts';

const MERMAID_DECK = join(import.meta.dirname, '../fixtures/mermaid-deck');

const served = serveBuiltDeck(MERMAID_DECK, 60_000);

const tempDeck = (markdown: string) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'deck-diagram-')), 'slides');
  mkdirSync(dir);
  writeFileSync(join(dir, '01.md'), markdown);
  return dir;
};

describe('a built deck with diagrams', () => {
  it('shows each diagram as SVG with text labels, in the theme\'s colours and font', async () => {
    const { page, consoleErrors, foreignRequests } = await openDeck(served.browser, served.url);
    const drawn = await page.evaluate((selector) => {
      const svg = document.querySelector<SVGSVGElement>(`section#release-flow ${selector} svg`)!;
      const node = svg.querySelector('.node rect, .node polygon')!;
      const label = [...svg.querySelectorAll('text')].find((text) => text.textContent?.includes('Write slides'))!;
      const theme = getComputedStyle(document.querySelector('.reveal')!);
      const probe = document.createElement('span');
      probe.style.color = 'var(--r-link-color)';
      document.body.append(probe);
      const link = getComputedStyle(probe).color;
      probe.remove();
      return {
        width: svg.getBoundingClientRect().width,
        stroke: getComputedStyle(node).stroke,
        link,
        labelFont: getComputedStyle(label).fontFamily,
        themeFont: theme.getPropertyValue('--r-main-font').trim(),
        labelSize: parseFloat(getComputedStyle(label).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width),
        foreignObjects: svg.querySelectorAll('foreignObject').length,
      };
    }, DIAGRAM_SELECTOR);
    expect(drawn.width).toBeGreaterThan(600);
    expect(drawn.stroke).toBe(drawn.link);
    const unquoted = (fonts: string) => fonts.replace(/["']/g, '');
    expect(unquoted(drawn.labelFont)).toBe(unquoted(drawn.themeFont));
    expect(drawn.labelSize).toBeGreaterThanOrEqual(18);
    expect(drawn.foreignObjects).toBe(0);
    // On a dark slide the same SVG takes the slide's light text colour.
    const dark = await page.evaluate((selector) => {
      const section = document.querySelector('section#who-talks-to-whom')!;
      const label = [...section.querySelectorAll(`${selector} svg text`)].find((text) => text.textContent?.includes('Presenter'))!;
      return { slide: section.classList.contains('has-dark-background'), label: getComputedStyle(label).fill, text: getComputedStyle(section).color };
    }, DIAGRAM_SELECTOR);
    expect(dark).toEqual({ slide: true, label: dark.text, text: 'rgb(242, 245, 248)' });
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('ships no Mermaid: only the runtime\'s own files', () => {
    const files = readdirSync(join(served.dist, 'assets'));
    expect(files.filter((file) => /mermaid/i.test(file))).toEqual([]);
    const scripts = files.filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(served.dist, 'assets', file), 'utf8'));
    expect(scripts.some((code) => code.includes('mermaid'))).toBe(false);
  });

  it('draws a diagram once: a second build finds every SVG in the cache', async () => {
    const cache = join(mkdtempSync(join(tmpdir(), 'deck-diagram-cache-')), 'diagrams');
    const deck = compileFolder(MERMAID_DECK);
    await new DeckDiagrams(cache).complete(deck);
    const written = readdirSync(cache).map((file) => [file, readFileSync(join(cache, file), 'utf8')]);
    expect(written).toHaveLength(2);
    const again = new DeckDiagrams(cache).fill(deck);
    expect(again.missing).toEqual([]);
    expect(again.deck.slides.every((slide) => slide.html.includes('<svg'))).toBe(true);
    // Nothing drawn or written again (reading an SVG only touches it, for pruning).
    expect(readdirSync(cache).map((file) => [file, readFileSync(join(cache, file), 'utf8')])).toEqual(written);
  }, 60_000);
});

describe('deck check on a deck with diagrams', () => {
  it('finds nothing: labels large enough, contrast on light and dark slides', async () => {
    const report = await runCheck({ slidesDir: MERMAID_DECK }, { browser: served.browser });
    expect(report.diagnostics.map((d) => `${d.line}: ${d.message} [${d.code}]`)).toEqual([]);
  }, 60_000);
});

describe('building diagrams that fail', () => {
  it('stops at the line of a syntax error, with Mermaid\'s message', async () => {
    const dir = tempDeck(`# Broken\n\n\`\`\`mermaid\nflowchart LR\n  a --> b\n  b --> ]] ${Date.now()}\n\`\`\`\n`);
    const build = buildDeck({ slidesDir: dir, outDir: join(dir, '../dist') });
    await expect(build).rejects.toThrow(/01\.md:6: error: Mermaid: (Parse|Lexical) error: .* \[diagram\]/);
  }, 60_000);

  it('is a finding of deck check at its line', async () => {
    const dir = tempDeck(`# Broken\n\n\`\`\`mermaid\nflowchart LR\n  a --> ]] ${Date.now()}\n\`\`\`\n`);
    const report = await runCheck({ slidesDir: dir }, { browser: served.browser });
    expect(report.diagnostics.map((d) => [d.line, d.code, d.severity])).toEqual([[5, 'diagram', 'error']]);
    expect(report.skipped).toMatch(/does not build/);
  }, 60_000);

  it('without Chromium, fails in one line saying what to install', async () => {
    const dir = tempDeck(`# New\n\n\`\`\`mermaid\nflowchart LR\n  a --> b${Date.now()}\n\`\`\`\n`);
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = join(dir, 'no-chromium-here');
    try {
      const error = await buildDeck({ slidesDir: dir, outDir: join(dir, '../dist') }).then(() => null, (e: unknown) => e as Error);
      expect(error?.message.split('\n')).toHaveLength(1);
      expect(error?.message).toMatch(/01\.md:3: error: diagrams are drawn with Mermaid in Chromium .*apt-get install -y chromium-headless-shell.* \[diagram\]$/);
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
  });
});

describe('the PDF of a deck with diagrams', () => {
  it('has the diagrams as vectors: their labels as text, no pictures', async () => {
    const dir = exportTempDir();
    const pdfPath = join(dir, 'diagrams.pdf');
    await exportDeck({ slidesDir: MERMAID_DECK, out: join(dir, 'dist'), pdf: pdfPath });
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
    for (const label of ['Write slides', 'Build the deck', 'deck check', 'Speaker view', 'current slide']) expect(text).toContain(label);
    expect(execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2)).toEqual([]);
  }, 60_000);
});
