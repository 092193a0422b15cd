/**
 * The compiler plugins behind `deck check`: source lines on rendered blocks,
 * URLs found in raw HTML, unknown directives and images without alt text.
 */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { CHART_SELECTOR } from '../../src/page-contract.ts';
import { externalHost, htmlReferences } from '../../src/compiler/html/html-references.ts';
import { compileDeck, renderSections } from '../../src/compiler/index.ts';

const compile = (text: string, settings?: string) =>
  compileDeck({ slides: [{ path: 'deck/01.md', text }], settings: settings ? { path: 'deck/deck.yaml', text: settings } : null });

describe('source lines (data-line)', () => {
  it('marks blocks, list items, table rows, fences, charts and raw HTML with their Markdown line', () => {
    const deck = compile(
      [
        '# Titel', //                       1
        '', //                              2
        '- eins', //                        3
        '- zwei', //                        4
        '', //                              5
        '| a | b |', //                     6
        '|---|---|', //                     7
        '| 1 | 2 |', //                     8
        '', //                              9
        '```js', //                         10
        'let x = 1;', //                    11
        '```', //                           12
        '---', //                           13
        '<div class="kasten">', //          14
        'roh', //                           15
        '</div>', //                        16
        '', //                              17
        '```chart', //                      18
        'type: pie', //                     19
        'title: T', //                      20
        'labels: [a, b]', //                21
        'series: [{ name: s, values: [1, 2] }]', // 22
        'source: Q', //                     23
        '```', //                           24
      ].join('\n'),
    );
    const $ = load(renderSections(deck.slides));
    const line = (selector: string) => $(selector).first().attr('data-line');
    expect(line('h1')).toBe('1');
    expect(line('ul')).toBe('3');
    expect($('li').map((_, li) => $(li).attr('data-line')).get()).toEqual(['3', '4']);
    expect(line('table')).toBe('6');
    expect(line('tbody tr')).toBe('8');
    expect(line('pre')).toBe('10');
    expect(line('div.kasten')).toBe('14');
    expect(line(CHART_SELECTOR)).toBe('18');
    expect(deck.diagnostics).toEqual([]);
  });
});

describe('URLs in raw HTML', () => {
  it('finds src, srcset, href, poster, data, CSS url() and @import, and skips comments and script bodies', () => {
    const html = [
      '<img src="a.png" srcset="b.png 2x, https://c.example/c.png 3x">',
      '<video poster=\'p.jpg\' src=v.mp4></video><object data="o.svg"></object>',
      '<a href="https://e.example/x?a=1&amp;b=2">l</a>',
      '<div style="background: url(&quot;bg.png&quot;)"></div>',
      '<style>@import "https://f.example/f.css"; .x { background: url( \'k.png\' ) }</style>',
      '<!-- <img src="https://ignored.example/a.png"> -->',
      '<script>const s = "<img src=https://ignored.example/b.png>";</script>',
      '<section data-background-image="bg2.jpg"></section>',
    ].join('\n');
    expect(htmlReferences(html).map((r) => `${r.kind}:${r.url}`)).toEqual([
      'resource:a.png', 'resource:b.png', 'resource:https://c.example/c.png',
      'resource:v.mp4', 'resource:p.jpg', 'resource:o.svg',
      'link:https://e.example/x?a=1&b=2',
      'resource:bg.png',
      'resource:https://f.example/f.css', 'resource:k.png',
      'resource:bg2.jpg',
    ]);
  });

  it('names the host of URLs that leave the deck, and nothing for local ones', () => {
    expect(externalHost('https://cdn.example.com/a.js')).toBe('cdn.example.com');
    expect(externalHost('//video.example.org/x')).toBe('video.example.org');
    expect(externalHost('http://[')).toBe('[');
    expect(externalHost('assets/x.png')).toBeNull();
    expect(externalHost('data:image/png;base64,AA')).toBeNull();
    expect(externalHost('#folie-2')).toBeNull();
  });

  it('reports each external host at its own line, allows the allowed ones, and takes local files as assets', () => {
    const deck = compile(
      ['## Roh', '', '<p>', '<img alt="a" src="https://ok.example/a.png">', '<img alt="b"', '  src="https://nope.example/b.png">', '<img alt="c" src="assets/c.png">', '</p>'].join('\n'),
      'allowedHosts: [ok.example]',
    );
    expect(deck.diagnostics.map((d) => [d.line, d.code, d.severity])).toEqual([[5, 'external-host', 'error']]);
    expect(deck.slides[0]!.assets).toContainEqual({ url: 'assets/c.png', kind: 'image', line: 7 });
  });

  it('warns about links to other hosts in raw HTML, and errors about slide backgrounds from them', () => {
    const deck = compile('<!-- .slide: data-background-image="https://bg.example/x.jpg" -->\n## Titel\n\nSiehe <a href="https://e.example">hier</a>.');
    expect(deck.diagnostics.map((d) => [d.line, d.severity, d.message.slice(0, 40)])).toEqual([
      [1, 'error', 'data-background-image in <!-- .slide: --'],
      [4, 'warning', '<a href> "https://e.example" links to an'],
    ]);
  });
});

describe('unknown directives', () => {
  it('reports look-alikes of .slide and .element with a suggestion, and leaves ordinary comments alone', () => {
    const deck = compile(['## T', '<!-- .slid: class="x" -->', '', 'Text <!-- .elemnt class="fragment" -->', '', '<!-- .notes: x -->', '<!-- .gitignore oder so -->', '<!-- Kommentar -->'].join('\n'));
    expect(deck.diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [2, 'unknown-directive', 'unknown directive ".slid:" is ignored: only ".slide:" and ".element:" exist (did you mean ".slide:"?)'],
      [4, 'unknown-directive', 'unknown directive ".elemnt" is ignored: only ".slide:" and ".element:" exist (did you mean ".element:"?)'],
      [6, 'unknown-directive', 'unknown directive ".notes:" is ignored: only ".slide:" and ".element:" exist'],
    ]);
  });
});

describe('images without alt text', () => {
  it('warns about empty Markdown alt text and <img> without alt, not about alt=""', () => {
    const deck = compile(['## Bilder', '', 'Ein Bild', '![](a.png) und ![Beschreibung](b.png)', '', '<img src="c.png">', '<img src="d.png" alt="">'].join('\n'));
    expect(deck.diagnostics.map((d) => [d.line, d.code, d.severity])).toEqual([
      [4, 'image-alt', 'warning'],
      [6, 'image-alt', 'warning'],
    ]);
  });
});
