/**
 * Finishes a PDF that Chromium printed: the document information (title,
 * author, creator; Chromium writes only the title), the language, and an
 * outline (bookmarks) with one entry per slide, written by incremental update
 * (see pdf-incremental.ts). Costs next to nothing even for hundreds of pages,
 * where asking Chromium for a tagged PDF to get its heading outline costs
 * about half a second more per 200 slides and doubles the file.
 */
import { appendUpdate, pdfTextString, readPdf } from './pdf-incremental.ts';

export { pdfTextString } from './pdf-incremental.ts';

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

function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z)`;
}

/** Raw `/Key value` entries of a dictionary worth keeping (producer, creation date). */
function keptEntries(dictionary: string, keys: string[]): string[] {
  return keys.flatMap((key) => {
    const entry = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(dictionary);
    return entry ? [`/${key} ${entry[1]}`] : [];
  });
}

/** The catalog with our outline and language instead of any it had. */
function catalogWith(catalog: string, entries: string[]): string {
  const inner = catalog
    .replace(/^<<|>>$/g, '')
    .replace(/\/Outlines\s+\d+\s+\d+\s+R/, '')
    .replace(/\/PageMode\s*\/\w+/, '')
    .replace(/\/Lang\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/, '');
  return `<<${inner.trim()}\n${entries.join('\n')}>>`;
}

export function finishPdf(pdf: Uint8Array, finish: PdfFinish, now = new Date()): Uint8Array {
  const reader = readPdf(pdf);
  const objects = new Map<number, string>();
  let next = reader.size;

  const info = next++;
  const { title, author, subject, creator } = finish.info;
  objects.set(
    info,
    `<<${[
      `/Title ${pdfTextString(title)}`,
      author && `/Author ${pdfTextString(author)}`,
      subject && `/Subject ${pdfTextString(subject)}`,
      `/Creator ${pdfTextString(creator)}`,
      ...(reader.info === null ? [] : keptEntries(reader.dictionary(reader.info), ['Producer', 'CreationDate'])),
      `/ModDate ${pdfDate(now)}`,
    ]
      .filter(Boolean)
      .join('\n')}>>`,
  );

  const catalogEntries: string[] = [];
  if (finish.lang) catalogEntries.push(`/Lang ${pdfTextString(finish.lang)}`);
  const pages = finish.bookmarks?.length ? reader.pages() : [];
  const bookmarks = (finish.bookmarks ?? []).filter((bookmark) => pages[bookmark.page - 1] !== undefined);
  if (bookmarks.length) {
    const outlines = next++;
    const first = next;
    next += bookmarks.length;
    bookmarks.forEach((bookmark, index) => {
      const number = first + index;
      const links = [index > 0 && `/Prev ${number - 1} 0 R`, index < bookmarks.length - 1 && `/Next ${number + 1} 0 R`].filter(Boolean);
      objects.set(number, `<</Title ${pdfTextString(bookmark.title)} /Parent ${outlines} 0 R ${links.join(' ')} /Dest [${pages[bookmark.page - 1]} 0 R /Fit]>>`);
    });
    objects.set(outlines, `<</Type /Outlines /First ${first} 0 R /Last ${first + bookmarks.length - 1} 0 R /Count ${bookmarks.length}>>`);
    catalogEntries.push(`/Outlines ${outlines} 0 R`, '/PageMode /UseOutlines');
  }
  if (catalogEntries.length) objects.set(reader.root, catalogWith(reader.dictionary(reader.root), catalogEntries));

  return appendUpdate(pdf, reader, { objects, root: reader.root, info });
}

/** Document information only (title, author, creator). */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo, now = new Date()): Uint8Array {
  return finishPdf(pdf, { info }, now);
}
