/**
 * Finishes a PDF that Chromium printed, with pdf-lib: the document information (title, author,
 * creator; Chromium writes only the title), the language, and an outline (bookmarks) with one entry
 * per slide. Cheaper than asking Chromium for a tagged PDF to get an outline (bench/README.md).
 */
import { createRequire } from 'node:module';
import type { PDFDocument, PDFRef } from 'pdf-lib';

const require = createRequire(import.meta.url);

/**
 * pdf-lib, loaded once when first needed; required, not imported, since as an ES import its CommonJS
 * bundle would also be scanned for its exports. The exporters load it while Chromium prints.
 */
export function loadPdfLib(): typeof import('pdf-lib') {
  return require('pdf-lib') as typeof import('pdf-lib');
}

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  creator: string;
}

export interface Bookmark {
  title: string;
  /** 1-based page number. */
  page: number;
}

export interface PdfFinish {
  info: PdfInfo;
  /** BCP 47 language, e.g. `de`. */
  lang?: string;
  bookmarks?: Bookmark[];
}

/** One outline level of `bookmarks` (those on pages the document has) under the catalog. */
function addOutline(document: PDFDocument, bookmarks: readonly Bookmark[]): void {
  const pages = document.getPages();
  const placed = bookmarks.filter((bookmark) => pages[bookmark.page - 1] !== undefined);
  if (!placed.length) return;
  const { context } = document;
  const { PDFHexString, PDFName } = loadPdfLib();
  const outlines = context.nextRef();
  const refs: PDFRef[] = placed.map(() => context.nextRef());
  placed.forEach((bookmark, index) => {
    const entry = context.obj({
      Title: PDFHexString.fromText(bookmark.title),
      Parent: outlines,
      Dest: [pages[bookmark.page - 1]!.ref, 'Fit'],
    });
    if (index > 0) entry.set(PDFName.of('Prev'), refs[index - 1]!);
    if (index < refs.length - 1) entry.set(PDFName.of('Next'), refs[index + 1]!);
    context.assign(refs[index]!, entry);
  });
  context.assign(outlines, context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }));
  document.catalog.set(PDFName.of('Outlines'), outlines);
  document.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** How the finishing reads a PDF: Chromium's own producer and creation date are kept; nothing else waits on this process meanwhile. */
export async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  const { ParseSpeeds, PDFDocument } = loadPdfLib();
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Adds the document information, the language and the outline to a loaded PDF (`loadPdf`, or parts merged by pdf-merge.ts) and writes it. */
export async function finishDocument(document: PDFDocument, finish: PdfFinish, now = new Date()): Promise<Uint8Array> {
  const { title, author, subject, creator } = finish.info;
  document.setTitle(title);
  if (author) document.setAuthor(author);
  if (subject) document.setSubject(subject);
  document.setCreator(creator);
  document.setModificationDate(now);
  if (finish.lang) document.setLanguage(finish.lang);
  if (finish.bookmarks?.length) addOutline(document, finish.bookmarks);
  return document.save({ useObjectStreams: false, objectsPerTick: Infinity, updateFieldAppearances: false });
}

export async function finishPdf(pdf: Uint8Array, finish: PdfFinish, now = new Date()): Promise<Uint8Array> {
  return finishDocument(await loadPdf(pdf), finish, now);
}
