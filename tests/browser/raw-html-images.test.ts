/**
 * Images written as raw HTML, as reveal.js and reveal-md decks write them
 * (`<img src="img/x.png">`, `style="background-image: url(…)"`), load in the
 * built deck served on 127.0.0.1: the build copies them like Markdown images.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeck } from '../support/deck-page.ts';
import { serveBuiltDeck } from '../support/served-deck.ts';

const RAW_HTML_DECK = join(import.meta.dirname, '../fixtures/raw-html-deck');

const served = serveBuiltDeck(RAW_HTML_DECK);

describe('raw HTML images in the built deck', () => {
  it('shows an <img> and a CSS background from local files, with no request failing', async () => {
    const { page, deck, foreignRequests, consoleErrors } = await openDeck(served.browser, served.url);
    try {
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.waitForFunction(() => {
        const image = window.Reveal.getCurrentSlide().querySelector('img');
        return image !== null && image.complete;
      });
      const image = await page.evaluate(() => {
        const element = window.Reveal.getCurrentSlide().querySelector('img')!;
        return { src: element.getAttribute('src'), width: element.naturalWidth, height: element.naturalHeight };
      });
      expect(image).toEqual({ src: expect.stringMatching(/^\.\/assets\/blau-[\w-]{8}\.png$/), width: 40, height: 30 });

      await page.evaluate(() => window.Reveal.next());
      // The background is fetched once the slide is laid out; its entry says how it ended.
      const background = await page.waitForFunction(() => {
        const url = getComputedStyle(window.Reveal.getCurrentSlide().querySelector('.flaeche')!).backgroundImage.slice(5, -2);
        const entry = performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined;
        return entry ? { url, status: entry.responseStatus } : null;
      });
      expect(await background.jsonValue()).toEqual({ url: expect.stringMatching(/\/assets\/blau-[\w-]{8}\.png$/), status: 200 });
      expect(failed).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await deck.close();
    }
  });
});
