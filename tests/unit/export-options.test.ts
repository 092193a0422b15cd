/** `deck export`'s options: one schema, validated once, defaults and errors; the outputs it asks for; the print view's query. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measuresOnly, printsOnly, resolveExportOptions } from '../../src/export/export-options.ts';
import { wantedOutputs } from '../../src/export/export-outputs.ts';
import { printViewUrl, readPrintViewFlags } from '../../src/page-contract.ts';

const kinds = (options: Parameters<typeof resolveExportOptions>[0]) => wantedOutputs(resolveExportOptions(options)).map(({ output, target }) => [output.kind, target]);

describe('export options', () => {
  it('fills in the defaults: slides, dist, 1×, 60 s, the slides PDF when nothing else is asked for', () => {
    const options = resolveExportOptions({});
    expect(options).toMatchObject({ slidesDir: resolve('slides'), outDir: resolve('dist'), pdf: 'default', handout: null, png: null, html: null, scale: 1, timeoutMs: 60_000, fragments: false, rebuild: false });
  });

  it('takes the command line’s text for numbers', () => {
    expect(resolveExportOptions({ scale: '2' as unknown as number, timeout: '1.5' as unknown as number })).toMatchObject({ scale: 2, timeoutMs: 1500 });
  });

  it.each([
    [{ scale: 0 }, /--scale needs a positive number/],
    [{ scale: 'abc' as unknown as number }, /--scale needs a (positive )?number/],
    [{ scale: 5 }, /--scale must be at most 4/],
    [{ timeout: -1 }, /--timeout needs a positive number/],
    [{ colour: true } as object, /unknown option colour/],
  ])('refuses %o with a message naming the option', (options, message) => {
    expect(() => resolveExportOptions(options)).toThrow(message);
  });

  it('asks for the outputs in the order they are written: PNGs before the PDF, HTML last', () => {
    expect(kinds({ pdf: true, png: 'png', html: 'deck.html' })).toEqual([
      ['png', resolve('png')],
      ['pdf', 'default'],
      ['html', resolve('deck.html')],
    ]);
    expect(kinds({ png: 'png' })).toEqual([['png', resolve('png')]]);
    expect(kinds({ notes: true, pdf: join('out', 'h.pdf') })).toEqual([['handout', resolve('out', 'h.pdf')]]);
    expect(kinds({ notes: true })).toEqual([['handout', 'default']]);
  });
});

describe('the print view’s query', () => {
  it('is built for the exporter and read back by the page', () => {
    const url = printViewUrl('http://127.0.0.1:4000/deck/#/3', { fragments: true, chartDensity: 0.25, printOnly: true });
    expect(url).toBe('http://127.0.0.1:4000/deck/?print-pdf&margin=0&pdfPageHeightOffset=0&pdfSeparateFragments=true&chart-density=0.25&print-only');
    expect(readPrintViewFlags(new URL(url).search)).toEqual({ printView: true, chartDensity: 0.25, printOnly: true, measureOnly: false });
    const measured = printViewUrl('http://127.0.0.1:4000/', { fragments: false, measureOnly: true });
    expect(measured).toBe('http://127.0.0.1:4000/?print-pdf&margin=0&pdfPageHeightOffset=0&pdfSeparateFragments=false&measure-only');
    expect(readPrintViewFlags(new URL(measured).search)).toEqual({ printView: true, chartDensity: null, printOnly: false, measureOnly: true });
  });

  it('reads the defaults when the flags are absent or make no sense', () => {
    expect(readPrintViewFlags('?print-pdf')).toEqual({ printView: true, chartDensity: null, printOnly: false, measureOnly: false });
    expect(readPrintViewFlags('?Print-PDF&chart-density=-1')).toEqual({ printView: true, chartDensity: null, printOnly: false, measureOnly: false });
    expect(readPrintViewFlags('?view=scroll')).toEqual({ printView: false, chartDensity: null, printOnly: false, measureOnly: false });
  });

  it('is only printed for PDFs, only measured for the PowerPoint file alone, and pictured with PNGs', () => {
    const use = (options: Parameters<typeof resolveExportOptions>[0]) => {
      const resolved = resolveExportOptions(options);
      return { printOnly: printsOnly(resolved), measureOnly: measuresOnly(resolved) };
    };
    expect(use({})).toEqual({ printOnly: true, measureOnly: false });
    expect(use({ notes: true })).toEqual({ printOnly: true, measureOnly: false });
    expect(use({ pptx: true })).toEqual({ printOnly: false, measureOnly: true });
    expect(use({ pptx: true, html: 'deck.html' })).toEqual({ printOnly: false, measureOnly: true });
    // The PDF, the handout and the PNGs need the charts drawn.
    expect(use({ pptx: true, pdf: true })).toEqual({ printOnly: false, measureOnly: false });
    expect(use({ pptx: true, notes: true })).toEqual({ printOnly: false, measureOnly: false });
    expect(use({ pptx: true, png: 'png' })).toEqual({ printOnly: false, measureOnly: false });
  });
});
