/**
 * A deck themed by variables (tests/fixtures/themed-deck: `theme:` as a mapping of colours, local font
 * files, a logo and a footer), built and opened in Chromium: headings, text, links and code in the theme's
 * colours and fonts, the font files fetched from the build, the chart drawn in the accent colour with its
 * text in the theme's, the logo and footer on every slide (the logo not on the title slide, as asked)
 * inside the slide's margins, the same in the speaker view's previews, and `deck check` clean; content
 * that runs into the footer is an overflow.
 * The exports take them too: the PDF and the handout have the footer on every slide, the PNGs the theme's colours, and the
 * PowerPoint file the theme's colours and fonts, the footer as text and the logo as a picture.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { serveStatic } from '../../src/browser/serve-static.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { CHART_VALUES_HOOK, DRAWN_TEXT_PROPERTY, FOOTER_CLASS, LOGO_CLASS, PAGE_NAMES, READY_SELECTOR, type DrawnChartText } from '../../src/page-contract.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { openDeck, type DeckPage } from '../support/deck-page.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { readPdf, type PdfSummary } from '../support/pdf-reader.ts';
import { countColour, readPng } from '../support/png-image.ts';
import { readPptx, type PptxFile } from '../support/pptx-reader.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/themed-deck');
const FOOTER = 'Confidential · Strategy Team';
/** The fixture's deck.yaml. */
const COLOURS = { text: 'rgb(43, 43, 43)', background: 'rgb(251, 248, 241)', accent: 'rgb(123, 31, 162)', heading: 'rgb(11, 61, 46)' };

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let deck: DeckPage;

beforeAll(async () => {
  browser = await launchChrome();
  server = await serveStatic(await buildFixture(FIXTURE));
  deck = await openDeck(browser, server.url);
});

afterAll(async () => {
  await deck?.deck.close();
  await server?.close();
  await browser?.close();
});

/** Shows slide `h` and waits until its charts are drawn and its fonts loaded. */
async function show(h: number): Promise<void> {
  await deck.page.evaluate((index) => window.Reveal.slide(index), h);
  await deck.page.waitForFunction((names) => Array.from(window.Reveal.getCurrentSlide().querySelectorAll(names.chart)).every((f) => f.hasAttribute(names.drawn)), PAGE_NAMES);
  await deck.page.evaluate(() => document.fonts.ready);
}

const firstFamily = (fontFamily: string) => fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, '');

describe('a deck themed by variables', () => {
  it('writes headings, text, links and code in the theme’s colours and fonts', async () => {
    await show(1);
    const looks = await deck.page.evaluate(() => {
      const section = window.Reveal.getCurrentSlide();
      const look = (selector: string) => {
        const style = getComputedStyle(section.querySelector(selector)!);
        return { color: style.color, font: style.fontFamily };
      };
      return {
        heading: look('h2'),
        text: look('p'),
        link: look('a'),
        code: look('pre code'),
        background: getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundColor,
      };
    });
    expect(looks.heading.color).toBe(COLOURS.heading);
    expect(firstFamily(looks.heading.font)).toBe('Montserrat');
    expect(looks.text.color).toBe(COLOURS.text);
    expect(firstFamily(looks.text.font)).toBe('Lato');
    expect(looks.link.color).toBe(COLOURS.accent);
    expect(firstFamily(looks.code.font)).toBe('NewsCycle');
    expect(looks.background).toBe(COLOURS.background);
  });

  it('loads the font files from the build: each face the slide uses, none from another host', async () => {
    await show(1);
    const { loaded, fetched } = await deck.page.evaluate(() => ({
      loaded: Array.from(document.fonts)
        .filter((face) => face.status === 'loaded')
        .map((face) => `${face.family.replace(/["']/g, '')} ${face.weight}`),
      fetched: performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    }));
    expect(loaded).toEqual(expect.arrayContaining(['Lato 400', 'Lato 700', 'Montserrat 100 900', 'NewsCycle 400']));
    for (const file of ['Lato-Regular', 'Lato-Bold', 'Montserrat-Bold', 'NewsCycle-Regular']) {
      expect(fetched.some((path) => new RegExp(`/assets/${file}-[\\w-]{8}\\.woff2?$`).test(path)), file).toBe(true);
    }
    // The default theme's Inter, which the theme's fonts replace, is not fetched (nor preloaded).
    expect(fetched.filter((path) => /inter-latin/.test(path))).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
  });

  it('draws the chart in the accent colour, its text in the theme’s text colour and body font', async () => {
    await show(2);
    const drawn = await deck.page.evaluate(
      ({ hook, drawnText, names }) => {
        const figure = window.Reveal.getCurrentSlide().querySelector(names.chart)!;
        const canvas = figure.querySelector('canvas')!;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        const count = ([r, g, b]: number[]) => {
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 250 && Math.abs(data[i]! - r!) <= 2 && Math.abs(data[i + 1]! - g!) <= 2 && Math.abs(data[i + 2]! - b!) <= 2) n++;
          return n;
        };
        const texts = (canvas as unknown as Record<string, DrawnChartText[]>)[drawnText] ?? [];
        return {
          colours: window[hook as 'deckChartValues']!(figure)!.datasets.map((dataset) => dataset.backgroundColor),
          accentPixels: count([123, 31, 162]),
          textPixels: count([43, 43, 43]),
          labelFont: texts.find((text) => text.kind === 'value-label')?.placed?.font ?? '',
        };
      },
      { hook: CHART_VALUES_HOOK, drawnText: DRAWN_TEXT_PROPERTY, names: PAGE_NAMES },
    );
    expect(JSON.stringify(drawn.colours).toLowerCase()).toContain('#7b1fa2');
    expect(drawn.accentPixels).toBeGreaterThan(10_000);
    expect(drawn.textPixels).toBeGreaterThan(50);
    expect(drawn.labelFont).toContain('Lato');
  });

  it('puts the logo and footer on every slide, the logo not on the title slide, inside the margins and clear of the content', async () => {
    const slides = await deck.page.evaluate(() => window.Reveal.getTotalSlides());
    for (let h = 0; h < slides; h++) {
      await show(h);
      const found = await deck.page.evaluate(
        ({ logoClass, footerClass }) => {
          const section = window.Reveal.getCurrentSlide() as HTMLElement;
          const slide = section.getBoundingClientRect();
          // In slide pixels: reveal.js scales the slide to the window.
          const scale = slide.width / section.offsetWidth;
          const relative = (element: Element | null) => {
            if (!element) return null;
            const box = element.getBoundingClientRect();
            return { top: (box.top - slide.top) / scale, bottom: (box.bottom - slide.top) / scale, left: (box.left - slide.left) / scale, right: (box.right - slide.left) / scale };
          };
          const logo = section.querySelector<HTMLImageElement>(`.${logoClass}`);
          const footer = section.querySelector(`.${footerClass}`);
          const content = Array.from(section.children).filter((child) => child !== logo && child !== footer && !child.matches('aside.notes'));
          const chrome = [logo, footer].flatMap((element) => (element ? [element.getBoundingClientRect()] : []));
          const overlaps = content.filter((child) => {
            const box = child.getBoundingClientRect();
            return chrome.some((mark) => box.left < mark.right && mark.left < box.right && box.top < mark.bottom && mark.top < box.bottom);
          });
          return {
            title: section.classList.contains('title'),
            size: { width: section.offsetWidth, height: section.offsetHeight },
            logo: logo && { ...relative(logo)!, loaded: logo.complete && logo.naturalWidth > 0 },
            footer: footer && { ...relative(footer)!, text: footer.textContent, color: getComputedStyle(footer).color },
            overlaps: overlaps.map((child) => child.tagName),
          };
        },
        { logoClass: LOGO_CLASS, footerClass: FOOTER_CLASS },
      );
      expect(found.footer?.text, `slide ${h + 1}`).toBe(FOOTER);
      expect(found.footer!.bottom).toBeLessThanOrEqual(found.size.height);
      // In the bottom margin (the default theme's padding is 64 px).
      expect(found.footer!.top).toBeGreaterThanOrEqual(found.size.height - 64);
      if (found.title) {
        expect(found.logo).toBeNull();
      } else {
        expect(found.logo, `slide ${h + 1}`).toMatchObject({ loaded: true });
        // Top right, in the top margin (48 px), right of the content's edge (64 px).
        expect(found.logo!.top).toBeGreaterThanOrEqual(0);
        expect(found.logo!.bottom).toBeLessThanOrEqual(48);
        expect(found.logo!.right).toBeLessThanOrEqual(found.size.width - 64 + 0.5);
      }
      expect(found.overlaps, `slide ${h + 1}`).toEqual([]);
    }
  });

  it('shows the theme in the speaker view’s previews: colours, fonts, logo and footer', async () => {
    await show(1);
    const [speaker] = await Promise.all([deck.page.context().waitForEvent('page'), deck.page.keyboard.press('s')]);
    try {
      // The preview of the current slide follows the deck.
      await speaker.waitForFunction(() =>
        Array.from(document.querySelectorAll('iframe')).some((frame) => (frame.contentWindow as typeof window | null)?.Reveal?.getCurrentSlide()?.id === 'what-changed'),
      );
      const frames = speaker.frames().filter((frame) => frame !== speaker.mainFrame());
      const shown = await Promise.all(frames.map((frame) => frame.evaluate(() => window.Reveal.getCurrentSlide().id)));
      const preview = frames[shown.indexOf('what-changed')]!;
      await preview.waitForSelector(READY_SELECTOR, { state: 'attached' });
      const look = await preview.evaluate(
        ({ logoClass, footerClass }) => {
          const section = window.Reveal.getCurrentSlide();
          const heading = getComputedStyle(section.querySelector('h2')!);
          return {
            heading: [heading.color, heading.fontFamily.split(',')[0]],
            logo: section.querySelector(`.${logoClass}`) !== null,
            footer: section.querySelector(`.${footerClass}`)?.textContent,
          };
        },
        { logoClass: LOGO_CLASS, footerClass: FOOTER_CLASS },
      );
      expect(look).toEqual({ heading: [COLOURS.heading, 'Montserrat'], logo: true, footer: FOOTER });
    } finally {
      await speaker.close();
    }
  });

  it('gives the title slide the heading colour as its dark background', async () => {
    await show(0);
    const background = await deck.page.evaluate(() => window.Reveal.getCurrentSlide().getAttribute('data-background-color'));
    expect(background).toBe('#0b3d2e');
  });

  it('checks clean: the logo and footer pass the layout, text-size and contrast rules', async () => {
    const report = await runCheck({ slidesDir: FIXTURE }, { browser });
    expect(report.rendered).toBe(true);
    expect(report.diagnostics).toEqual([]);
  });

  it('reports content that runs into the footer as an overflow at its line', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'deck-themed-')), 'slides');
    cpSync(FIXTURE, dir, { recursive: true });
    appendFileSync(join(dir, '04-long.md'), `## Long\n\n${Array.from({ length: 10 }, (_, i) => `- Point ${i + 1}, written long enough to reach across the footer`).join('\n')}\n`);
    // A layout's image that fills half the slide (under the logo, top right) is placed over the margins on purpose: no finding.
    appendFileSync(join(dir, '05-image.md'), '<!-- .slide: class="image-right" -->\n\n![The logo, large](assets/logo.svg)\n\n## Beside the image\n\nText in the other half.\n');
    const report = await runCheck({ slidesDir: dir }, { browser });
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ code: 'overflow', severity: 'error', file: expect.stringMatching(/04-long\.md$/), message: expect.stringMatching(/^content runs into the theme's footer by \d+ px/) }),
    ]);
  });
});

describe('exports of a deck themed by variables', () => {
  let dir: string;
  let pdf: PdfSummary;
  let handout: PdfSummary;
  let pptx: PptxFile;

  beforeAll(async () => {
    dir = exportTempDir();
    await exportDeck({ slidesDir: FIXTURE, out: join(dir, 'dist'), pdf: join(dir, 'deck.pdf'), png: join(dir, 'png'), pptx: join(dir, 'deck.pptx') });
    pdf = await readPdf(join(dir, 'deck.pdf'));
    pptx = await readPptx(join(dir, 'deck.pptx'));
    await exportDeck({ slidesDir: FIXTURE, out: join(dir, 'dist'), notes: true, pdf: join(dir, 'handout.pdf') });
    handout = await readPdf(join(dir, 'handout.pdf'));
  });

  it('prints the footer on every page of the PDF, and on every slide of the handout', () => {
    expect(pdf.pages).toBe(3);
    for (const text of pdf.text) expect(text).toContain(FOOTER);
    expect(handout.text.join(' ').split(FOOTER)).toHaveLength(4);
  });

  it('draws the PNGs in the theme’s background, heading and accent colours', () => {
    const pngs = readdirSync(join(dir, 'png')).sort();
    expect(pngs).toHaveLength(3);
    const text = readPng(join(dir, 'png', pngs[1]!));
    const chart = readPng(join(dir, 'png', pngs[2]!));
    expect(countColour(text, [251, 248, 241], undefined, 2)).toBeGreaterThan(500_000);
    expect(countColour(text, [11, 61, 46], undefined, 2)).toBeGreaterThan(1_000);
    expect(countColour(chart, [123, 31, 162], undefined, 2)).toBeGreaterThan(10_000);
  });

  it('writes the theme’s colours and fonts into the PowerPoint file, the footer as text and the logo as a picture', () => {
    expect(pptx.slides).toHaveLength(3);
    const [title, text, chart] = pptx.slides as [PptxFile['slides'][number], PptxFile['slides'][number], PptxFile['slides'][number]];
    for (const slide of pptx.slides) expect(slide.runs).toContain(FOOTER);
    expect(text.xml).toMatch(/<a:latin typeface="Montserrat"/);
    expect(text.xml).toMatch(/<a:latin typeface="Lato"/);
    expect(text.xml).toMatch(/<a:latin typeface="NewsCycle"/);
    expect(text.xml).toContain('val="0B3D2E"');
    expect(text.xml).toContain('val="2B2B2B"');
    expect(text.xml).toContain('val="7B1FA2"');
    expect(text.xml).toContain('val="FBF8F1"');
    expect(title.pictures).toBe(0);
    expect(text.pictures).toBe(1);
    expect(chart.pictures).toBe(1);
    expect(chart.charts[0]!.xml).toContain('val="7B1FA2"');
  });
});
