/**
 * Joins PDFs that Chromium printed one part of a deck at a time (print-parts.ts) into one document,
 * with pdf-lib: the first part is the document, the pages of each later part are copied in after
 * it, with their links, and its named destinations (Chromium's `/Dest /name` links to an element of
 * the page) are added to the document's, pointing at the copied pages. `finishDocument` then adds
 * the information and the outline and writes the file.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { loadPdf, loadPdfLib } from './pdf-info.ts';

export class PdfMerge {
  private document: PDFDocument | null = null;

  /** Appends the pages of `part`, a PDF as Chromium prints it. */
  async add(part: Uint8Array): Promise<void> {
    const document = await loadPdf(part);
    if (!this.document) {
      this.document = document;
      return;
    }
    const copies = await this.document.copyPages(document, document.getPageIndices());
    for (const page of copies) this.document.addPage(page);
    addDestinations(this.document, document, copies);
  }

  /** The merged document; fails when no part was added. */
  result(): PDFDocument {
    if (!this.document) throw new Error('no PDF part was printed');
    return this.document;
  }
}

/** Copies the named destinations of `part` into `document`, each on the copy of its page (`copies`, in the part's page order). */
function addDestinations(document: PDFDocument, part: PDFDocument, copies: readonly PDFPage[]): void {
  const { PDFArray, PDFDict, PDFName } = loadPdfLib();
  const DESTS = PDFName.of('Dests');
  const source = part.catalog.lookupMaybe(DESTS, PDFDict);
  if (!source) return;
  const copyOf = new Map(part.getPages().map((page, index) => [page.ref, copies[index]!.ref]));
  let target = document.catalog.lookupMaybe(DESTS, PDFDict);
  if (!target) {
    target = document.context.obj({});
    document.catalog.set(DESTS, document.context.register(target));
  }
  for (const [name, value] of source.entries()) {
    // `[page /XYZ left top zoom]`; the rest of the array is numbers and names.
    const destination = part.context.lookup(value);
    if (!(destination instanceof PDFArray)) continue;
    const page = copyOf.get(destination.get(0) as never);
    if (page) target.set(name, document.context.obj([page, ...destination.asArray().slice(1)]));
  }
}
