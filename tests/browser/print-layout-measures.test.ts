/**
 * The print view skips laying out slides before they are in their pages only when reveal.js's print
 * layout reads no slide heights (the deck's own configuration: one page per slide, not centred). A deck
 * that lets a tall slide take more pages (`revealOptions: { pdfMaxPagesPerSlide: 3 }`) still gets its
 * slides measured, and the tall one its pages; so does a print view whose query asks for that.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserPage } from '../../src/browser/browser-page.ts';
import { serveStatic } from '../../src/browser/serve-static.ts';
import { buildDeck } from '../../src/builder/build-deck.ts';
import { waitForPrintView } from '../../src/export/open-print-view.ts';
import { PRINT_PAGE_SELECTOR, printViewUrl } from '../../src/page-contract.ts';
import { exportTempDir } from '../support/export-fixture.ts';

/** A short slide, then one far taller than a page. */
const SLIDES = `## Kurz\n\nEine Zeile.\n\n---\n\n## Lang\n\n${Array.from({ length: 40 }, (_, i) => `- Punkt ${i + 1}`).join('\n')}\n`;

interface PrintedDeck {
  unmeasured: boolean;
  /** Height of each printed page (CSS px): 720 per page of the slide. */
  pageHeights: number[];
  /** The tall slide's content height, CSS px. */
  tallContent: number;
}

let dir: string;

async function printed(settings: string, query = ''): Promise<PrintedDeck> {
  const slidesDir = join(dir, `deck-${Math.random().toString(36).slice(2)}`);
  mkdirSync(slidesDir);
  writeFileSync(join(slidesDir, 'deck.yaml'), `title: Messprobe\nlang: de\n${settings}`);
  writeFileSync(join(slidesDir, '01.md'), SLIDES);
  const { outDir } = await buildDeck({ slidesDir, outDir: join(slidesDir, 'dist') });
  const server = await serveStatic(outDir);
  // As the exporter opens it.
  const page = await BrowserPage.launch(`${printViewUrl(server.url, { fragments: false })}${query}`, { viewport: { width: 1280, height: 720 }, oneProcess: true });
  try {
    await waitForPrintView(page, { fragments: false, timeoutMs: 20_000 });
    return await page.evaluate((printPage) => {
      const pages = Array.from(document.querySelectorAll<HTMLElement>(printPage));
      return {
        unmeasured: document.documentElement.classList.contains('deck-print-unmeasured'),
        pageHeights: pages.map((printPage) => printPage.getBoundingClientRect().height),
        tallContent: pages[1]!.querySelector('section')!.scrollHeight,
      };
    }, PRINT_PAGE_SELECTOR);
  } finally {
    await page.close();
    await server.close();
  }
}

beforeAll(() => {
  dir = exportTempDir();
});

describe('print layout without measuring the slides', () => {
  it('is used with the deck’s configuration: one page per slide, however tall', async () => {
    const deck = await printed('');
    expect(deck.unmeasured).toBe(true);
    expect(deck.tallContent).toBeGreaterThan(720);
    expect(deck.pageHeights).toEqual([720, 720]);
  });

  it('is not used when a tall slide may take more pages: the slide is measured and gets them', async () => {
    const deck = await printed('revealOptions:\n  pdfMaxPagesPerSlide: 3\n');
    expect(deck.unmeasured).toBe(false);
    const pages = Math.min(3, Math.ceil(deck.tallContent / 720));
    expect(pages).toBeGreaterThan(1);
    expect(deck.pageHeights).toEqual([720, 720 * pages]);
  });

  it('is not used when the page’s query asks reveal.js for more pages per slide', async () => {
    const deck = await printed('', '&pdfMaxPagesPerSlide=3');
    expect(deck.unmeasured).toBe(false);
    expect(deck.pageHeights[1]).toBeGreaterThan(720);
  });
});
