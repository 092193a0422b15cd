/**
 * Raw HTML's local files go through the adapter's `resolveUrl` like Markdown
 * images: images, media, posters, srcset candidates and CSS `url()`; links,
 * frames, scripts, stylesheets and comments stay as written, and every byte
 * around a changed URL is kept.
 */
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/compiler/index.ts';
import { rewriteAssetUrls } from '../../src/compiler/html/rewrite-asset-urls.ts';

const toAssets = (url: string) => (url.startsWith('https:') ? url : `./assets/${url.replace(/\//g, '_')}`);

describe('rewriteAssetUrls', () => {
  it('rewrites only the URL inside each attribute, keeping quotes, spacing and other attributes', () => {
    const html = '<img  src="img/x.png"   width=400 alt=\'Ein "Bild"\'>\n<img src=img/y.png alt=y>\n<video poster=\'img/p.jpg\' controls>\n  <source src="media/v.mp4" type="video/mp4">\n</video>';
    expect(rewriteAssetUrls(html, toAssets)).toBe(
      '<img  src="./assets/img_x.png"   width=400 alt=\'Ein "Bild"\'>\n<img src=./assets/img_y.png alt=y>\n<video poster=\'./assets/img_p.jpg\' controls>\n  <source src="./assets/media_v.mp4" type="video/mp4">\n</video>',
    );
  });

  it('rewrites each srcset candidate and keeps its descriptor', () => {
    expect(rewriteAssetUrls('<source srcset="img/a.png 1x,\n  img/b.png 2x">', toAssets)).toBe('<source srcset="./assets/img_a.png 1x,\n  ./assets/img_b.png 2x">');
  });

  it('rewrites CSS url() in style attributes and <style> elements, but not @import', () => {
    const html = '<div style="background-image: url(img/bg.jpg); color: red"><span style=\'background: url("img/s.png")\'>x</span></div>\n<style>.x { background: url( \'img/c.png\' ) } @import "extra.css";</style>';
    expect(rewriteAssetUrls(html, toAssets)).toBe(
      '<div style="background-image: url(./assets/img_bg.jpg); color: red"><span style=\'background: url("./assets/img_s.png")\'>x</span></div>\n<style>.x { background: url( \'./assets/img_c.png\' ) } @import "extra.css";</style>',
    );
  });

  it('leaves links, frames, scripts, stylesheets and comments as written', () => {
    const html = '<a href="files/report.pdf">Bericht</a><iframe src="demo.html"></iframe><script src="x.js"></script><link rel="stylesheet" href="x.css"><!-- <img src="img/alt.png"> -->';
    expect(rewriteAssetUrls(html, toAssets)).toBe(html);
  });

  it('decodes the URL it hands over and encodes the one it writes', () => {
    const seen: string[] = [];
    const out = rewriteAssetUrls('<img src="img/a&amp;b.png"><img src=x.png>', (url) => {
      seen.push(url);
      return url === 'x.png' ? '/@fs/Meine Bilder/x.png' : './assets/a&b"c.png';
    });
    expect(seen).toEqual(['img/a&b.png', 'x.png']);
    expect(out).toBe('<img src="./assets/a&amp;b&quot;c.png"><img src="/@fs/Meine Bilder/x.png">');
  });

  it('lazy images (data-src, as reveal.js loads them) are assets too; the first of a repeated attribute counts', () => {
    expect(rewriteAssetUrls('<img data-src="img/l.png" src="img/l.png" src="img/zwei.png">', toAssets)).toBe('<img data-src="./assets/img_l.png" src="./assets/img_l.png" src="img/zwei.png">');
  });
});

describe('the compiler with a resolveUrl hook', () => {
  const compile = (markdown: string) =>
    compileDeck({ slides: [{ path: 'slides/01.md', text: markdown }], settings: null }, { resolveUrl: (url) => (url === 'fehlt.png' ? url : toAssets(url)) });

  it('points raw HTML blocks and inline HTML at the resolved URLs, other hosts and missing files as written', () => {
    const deck = compile('## Bilder\n\n<img src="img/x.png" alt="x" width="400">\n\nText <img src="img/inline.png" alt=""> und <img src="fehlt.png" alt="">\n\n<div style="background-image: url(img/bg.jpg)"><img src="https://cdn.example.com/a.png" alt=""></div>\n');
    const html = deck.slides[0]!.html;
    expect(html).toContain('src="./assets/img_x.png" alt="x" width="400"');
    expect(html).toContain('Text <img src="./assets/img_inline.png" alt=""> und <img src="fehlt.png" alt="">');
    expect(html).toContain('style="background-image: url(./assets/img_bg.jpg)"');
    expect(html).toContain('src="https://cdn.example.com/a.png"');
    // The slide's assets (what the checks look at) keep the URLs as written.
    expect(deck.slides[0]!.assets.map((asset) => asset.url)).toEqual(['img/x.png', 'img/inline.png', 'fehlt.png', 'img/bg.jpg']);
  });

  it('rewrites after .element comments are applied, and in speaker notes', () => {
    const deck = compile('## Eins\n\n<div>\n<img src="img/a.png" alt="a">\n<!-- .element: class="fragment" -->\n</div>\n\nNote:\n<img src="img/n.png" alt="n">\n');
    expect(deck.slides[0]!.html).toContain('<img src="./assets/img_a.png" alt="a" class="fragment">');
    expect(deck.slides[0]!.notesHtml).toContain('src="./assets/img_n.png"');
  });

  it('names images as written in their warnings, Markdown and raw HTML alike', () => {
    const deck = compile('## A\n\nText <img src="img/ohne-alt.png">\n\n![](img/auch-ohne.png)\n');
    expect(deck.slides[0]!.html).toContain('<img src="./assets/img_auch-ohne.png" alt="">');
    expect(deck.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('<img src="img/ohne-alt.png">'),
      expect.stringContaining('image "img/auch-ohne.png" has no alt text'),
    ]);
  });
});

describe('long raw HTML blocks', () => {
  /** Best time of a few compiles, in ms (a busy moment of the machine spoils one, rarely all). */
  const compileTime = (text: string, tries: number) => {
    let best = Infinity;
    for (let i = 0; i < tries; i++) {
      // CPU time of this process, not wall time: other processes on a busy machine do not count.
      const started = process.cpuUsage();
      compileDeck({ slides: [{ path: 'slides/01.md', text }], settings: null }, { resolveUrl: toAssets });
      const { user, system } = process.cpuUsage(started);
      best = Math.min(best, (user + system) / 1000);
    }
    return best;
  };

  it.each(['<img src="img/a.png" alt="">\n', '<source srcset="img/a.png 1x, img/b.png 2x">', '<i style="background: url(img/a.png)"></i>', '<p>x</p><!-- .element: class="fragment" -->', '<img src="img/a.png">\n', '<p>x</p><!-- .slid: class="x" -->\n'])(
    'rewrite and report in linear time: %j',
    (unit) => {
      const deck = (times: number) => `## Folie\n\n<div>\n${unit.repeat(times)}\n</div>\n`;
      // Linear: ×4; quadratic: ×16. Below 150 ms the ratio is noise.
      const small = compileTime(deck(4000), 2);
      const large = compileTime(deck(16_000), 2);
      expect(large < 150 || large < 10 * small, `${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBe(true);
    },
  );
});
