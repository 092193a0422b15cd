/**
 * pptxgenjs-parts.ts takes pptxgenjs's parts without the archive JSZip would build of them: the
 * parts must be those of the archive pptxgenjs writes itself (so the wrapping still fits the
 * installed pptxgenjs and JSZip), and JSZip must be left as it was.
 */
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { pptxGenJsParts } from '../../src/export/pptx/pptxgenjs-parts.ts';

/** A 1×1 PNG. */
const PIXEL = 'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** A small presentation with what the exporter adds: text with a link, a picture, a chart with its workbook, notes. */
function presentation(): PptxGenJS {
  const pptx = new PptxGenJS();
  const first = pptx.addSlide();
  first.addText([{ text: 'Umsatz ', options: { bold: true } }, { text: 'je Jahr', options: { hyperlink: { slide: 2 } } }], { x: 1, y: 1, w: 4, h: 1 });
  first.addImage({ data: PIXEL, x: 1, y: 2, w: 1, h: 1 });
  first.addNotes('Erst einordnen.');
  const second = pptx.addSlide();
  second.addChart('bar', [{ name: 'Umsatz', labels: ['2023', '2024'], values: [1.5, 2.25] }], { x: 1, y: 1, w: 6, h: 4 });
  return pptx;
}

/**
 * What two writes of one presentation share: pptxgenjs numbers charts across presentations (the same
 * chart is chart1 in one and chart2 in the next) and dates the document properties.
 */
const unnumbered = (text: string) => text.replace(/(chart|Worksheet)\d+/g, '$1#').replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, '');

/** Text parts as text, others as bytes; workbooks (archives with their own dates) as their unzipped parts. */
async function comparable(parts: Map<string, string | Uint8Array>): Promise<Map<string, unknown>> {
  const result = new Map<string, unknown>();
  for (const [name, data] of parts) {
    if (name.endsWith('.xlsx')) result.set(unnumbered(name), await comparable(await unzipped(data as Uint8Array)));
    else result.set(unnumbered(name), typeof data === 'string' ? unnumbered(data) : new Uint8Array(data));
  }
  return result;
}

async function unzipped(bytes: Uint8Array): Promise<Map<string, string | Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string | Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) parts.set(name, /\.(xml|rels)$/.test(name) ? await file.async('string') : await file.async('uint8array'));
  }
  return parts;
}

describe('pptxgenjs parts', () => {
  it('are the parts of the archive pptxgenjs writes itself', async () => {
    const parts = await pptxGenJsParts(presentation());
    const written = (await presentation().write({ outputType: 'uint8array' })) as Uint8Array;
    const archive = await unzipped(written);

    expect(await comparable(parts)).toEqual(await comparable(archive));
    expect([...parts.keys()].filter((name) => /^ppt\/(charts\/chart\d+\.xml|embeddings\/.*\.xlsx|media\/)/.test(name))).toHaveLength(3);
    expect(typeof parts.get('ppt/slides/slide1.xml')).toBe('string');
    expect([...parts].find(([name]) => name.endsWith('.xlsx'))?.[1]).toBeInstanceOf(Uint8Array);
  });

  it('takes the parts of two presentations written at once, each its own', async () => {
    const second = presentation();
    second.addSlide().addText('Dritte Folie', { x: 1, y: 1, w: 4, h: 1 });
    const [a, b] = await Promise.all([pptxGenJsParts(presentation()), pptxGenJsParts(second)]);
    expect([...a.keys()].filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toHaveLength(2);
    expect([...b.keys()].filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toHaveLength(3);
    expect(b.get('ppt/slides/slide3.xml')).toContain('Dritte Folie');
  });

  it('leaves the JSZip pptxgenjs uses as it was', async () => {
    const pptxJsZip = createRequire(createRequire(import.meta.url).resolve('pptxgenjs'))('jszip') as typeof JSZip;
    const { file, generateAsync } = pptxJsZip.prototype;
    await Promise.all([pptxGenJsParts(presentation()), pptxGenJsParts(presentation())]);
    expect(pptxJsZip.prototype.file).toBe(file);
    expect(pptxJsZip.prototype.generateAsync).toBe(generateAsync);
    const zip = new pptxJsZip().file('a.txt', 'a');
    expect((await zip.generateAsync({ type: 'uint8array' })).byteLength).toBeGreaterThan(0);
  });
});
