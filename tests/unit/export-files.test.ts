/** The exporter's file-level pieces: PDF document info and outline, single-file inlining, build freshness. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { BUILD_STAMP, buildStamp, isFresh, sourceHash } from '../../src/builder/fresh-build.ts';
import { readDeckInfo } from '../../src/export/export-deck.ts';
import { finishPdf } from '../../src/export/pdf-info.ts';
import { dataUrl, inlineBuiltDeck, inlineScriptText } from '../../src/export/single-file-html.ts';
import { EXPORT_DECK } from '../support/export-fixture.ts';

/** A minimal one-page PDF with a classic cross-reference table, as Chromium writes them. */
function tinyPdf(): Uint8Array {
  const objects = [
    '<</Title (Old) /Producer (Skia/PDF m156) /CreationDate (D:20250101000000Z)>>',
    '<</Type /Catalog /Pages 3 0 R /Lang (de)>>',
    '<</Type /Pages /Kids [4 0 R] /Count 1>>',
    '<</Type /Page /Parent 3 0 R /MediaBox [0 0 960 540]>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1} /Root 2 0 R /Info 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

describe('finishPdf', () => {
  it('sets title, author and creator (any language), keeping Chromium’s producer and the language', async () => {
    const finished = await finishPdf(tinyPdf(), { info: { title: 'KI-Pakt auf dem Prüfstand', author: 'Jürgen Öz', creator: 'markdown-deck' } });
    const { info } = await getMeta(await getDocumentProxy(finished.slice()));
    expect(info).toMatchObject({ Title: 'KI-Pakt auf dem Prüfstand', Author: 'Jürgen Öz', Creator: 'markdown-deck', Producer: 'Skia/PDF m156', Language: 'de' });
  });

  it('adds the language and one bookmark per entry on a page the PDF has, each pointing at its page', async () => {
    const finished = await finishPdf(tinyPdf(), { info: { title: 'T', author: '', creator: 'c' }, lang: 'en-GB', bookmarks: [{ title: 'Größe', page: 1 }, { title: 'Beyond the last page', page: 9 }] });
    const pdf = await getDocumentProxy(finished.slice());
    const { info } = await getMeta(pdf);
    expect(info).toMatchObject({ Title: 'T', Language: 'en-GB' });
    const outline = (await pdf.getOutline()) as unknown as { title: string; dest: [{ num: number; gen: number }] }[];
    expect(outline.map((item) => item.title)).toEqual(['Größe']);
    expect(await pdf.getPageIndex(outline[0]!.dest[0])).toBe(0);
  });

  it('refuses bytes that are no PDF instead of writing a broken file', async () => {
    await expect(finishPdf(new Uint8Array(Buffer.from('not a pdf')), { info: { title: 't', author: '', creator: 'c' } })).rejects.toThrow();
  });
});

describe('readDeckInfo', () => {
  it('reads title, author and language from the built page, with every HTML entity decoded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-info-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="author" content="Jos&eacute; &quot;Pepe&quot; &amp; Co"><title> Tom &amp; Jerry&#x27;s &Uuml;berblick &mdash; Q3 </title></head><body><title>not this</title></body></html>',
    );
    expect(readDeckInfo(dir)).toEqual({ title: "Tom & Jerry's Überblick — Q3", author: 'José "Pepe" & Co', lang: 'en-GB', name: expect.stringMatching(/^tom-jerry/) });
  });
});

describe('dataUrl', () => {
  it('names each file by its type (mrmime), whatever the case of its extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-data-url-'));
    const types = { 'logo.SVG': 'image/svg+xml', 'inter.woff2': 'font/woff2', 'photo.jpeg': 'image/jpeg', 'clip.webm': 'video/webm', 'blob.unknownext': 'application/octet-stream' };
    for (const [name, type] of Object.entries(types)) {
      writeFileSync(join(dir, name), 'x');
      expect(dataUrl(join(dir, name))).toBe(`data:${type};base64,eA==`);
    }
  });
});

describe('inlineBuiltDeck', () => {
  it('puts scripts, styles and assets into the page and leaves no reference to a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-inline-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app.js'), 'const html = "</script><!-- x"; console.log(html);');
    writeFileSync(join(dir, 'assets', 'app.css'), 'body { background: url(data:image/png;base64,AAAA) }');
    writeFileSync(join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(
      join(dir, 'index.html'),
      '<html><head><script type="module" crossorigin src="./assets/app.js"></script><link rel="stylesheet" crossorigin href="./assets/app.css"></head>' +
        '<body><img src="./assets/logo.svg" alt=""><a href="https://example.org/">x</a></body></html>',
    );
    const html = inlineBuiltDeck(dir);
    expect(html).toContain('<script type="module">\nconst html = "\\x3C/script>\\x3C!-- x";');
    expect(html).toContain('<style>\nbody { background: url(data:image/png;base64,AAAA) }');
    expect(html).toContain(`<img src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}"`);
    expect(html).not.toMatch(/assets\//);
    expect(html).toContain('href="https://example.org/"');
  });

  it('fails when a referenced file cannot be inlined', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-inline-'));
    writeFileSync(join(dir, 'index.html'), '<html><body><img src="./assets/missing.png"></body></html>');
    expect(() => inlineBuiltDeck(dir)).toThrow(/could not inline/);
  });

  it('escapes only what would end or confuse a script element', () => {
    expect(inlineScriptText('a < b && "</SCRIPT>"')).toBe('a < b && "\\x3C/SCRIPT>"');
  });
});

describe('build freshness', () => {
  it('changes the hash when a slide or an asset changes, and matches a stamp otherwise', () => {
    const slides = join(mkdtempSync(join(tmpdir(), 'deck-fresh-')), 'slides');
    cpSync(EXPORT_DECK, slides, { recursive: true });
    const out = join(slides, '..', 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<html></html>');
    const hash = sourceHash(slides);
    writeFileSync(join(out, BUILD_STAMP), JSON.stringify({ hash, slidesDir: slides }));
    // A stamp of an older version (without the files outside the slides folder) is not trusted.
    expect(isFresh(out, slides)).toBe(false);
    writeFileSync(join(out, BUILD_STAMP), JSON.stringify(buildStamp(slides, hash, [])));
    expect(isFresh(out, slides)).toBe(true);
    writeFileSync(join(slides, '01-start.md'), '# Geändert\n');
    expect(sourceHash(slides)).not.toBe(hash);
    expect(isFresh(out, slides)).toBe(false);
    cpSync(EXPORT_DECK, slides, { recursive: true });
    expect(isFresh(out, slides)).toBe(true);
    writeFileSync(join(slides, 'assets', 'raster.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(isFresh(out, slides)).toBe(false);
  });
});
