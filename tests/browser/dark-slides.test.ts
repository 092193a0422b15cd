/**
 * A slide with `data-background-color="#223344"` is readable in the default
 * theme: reveal.js marks it `has-dark-background` and the theme switches its
 * text, headings, links, tables, code and chart labels to light colours.
 * `deck check` (axe-core's colour contrast) finds nothing on it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChrome } from '../../src/browser/launch-chrome.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE } from '../../src/page-contract.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { buildFixture } from '../support/build-fixture.ts';
import { darkestSolidPixel, openDeck } from '../support/deck-page.ts';

const DECK = new URL('../fixtures/english-deck', import.meta.url).pathname;
const DARK_SLIDE = 'on-a-dark-background';

let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(await buildFixture(DECK));
  browser = await launchChrome();
  ({ page } = await openDeck(browser, `${server.url}#/${DARK_SLIDE}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Relative luminance (WCAG) of a computed `rgb()`/`rgba()` colour. */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('a slide on a dark background', () => {
  it('passes deck check, colour contrast included', async () => {
    const report = await runCheck({ slidesDir: DECK }, { browser });
    expect(report.rendered).toBe(true);
    const findings = report.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message} [${d.code}]`);
    expect(findings.filter((f) => f.includes('a11y-color-contrast'))).toEqual([]);
    expect(report.errors, findings.join('\n')).toBe(0);
  });

  it('is marked dark by reveal.js and gets light text, headings, links, tables and code', async () => {
    const colours = await page.$eval(`section#${DARK_SLIDE}`, (section) => {
      const colour = (selector: string) => {
        const element = section.querySelector(selector);
        return element ? getComputedStyle(element).color : 'missing';
      };
      return {
        dark: section.classList.contains('has-dark-background'),
        paragraph: colour('p'),
        heading: colour('h2'),
        link: colour('a'),
        cell: colour('td'),
        inlineCode: colour('p code'),
        codeToken: colour('pre code [class^="hljs-"]'),
        caption: colour('.deck-chart figcaption'),
      };
    });
    expect(colours.dark).toBe(true);
    const { dark: _dark, ...texts } = colours;
    for (const [what, colour] of Object.entries(texts)) expect({ what, light: luminance(colour) > 0.35, colour }).toEqual({ what, light: true, colour });
  });

  it('draws its chart with light axis labels and values', async () => {
    await page.waitForSelector(`section#${DARK_SLIDE} ${CHART_SELECTOR}[${DRAWN_ATTRIBUTE}=""]`, { state: 'attached' });
    // Every solid pixel of the chart (labels, values, the light line) is light; dark text would show up here.
    const darkest = await darkestSolidPixel(page, `section#${DARK_SLIDE}`);
    expect(darkest.solid).toBeGreaterThan(500);
    expect(darkest.min).toBeGreaterThan(0.45);
  });
});
