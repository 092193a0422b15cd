/**
 * Reading and amending a PDF by incremental update, the standard way to change
 * a PDF without rewriting it: new or replaced objects are appended with a
 * cross-reference section of their own and a trailer pointing back to the
 * previous one. Enough of the format for what Chromium (Skia) writes: a classic
 * cross-reference table and uncompressed dictionaries for the catalog, page
 * tree and document information. Pure: bytes in, bytes out.
 */
export interface PdfReader {
  /** Object number of the catalog. */
  root: number;
  /** Object number of the document information, if any. */
  info: number | null;
  /** The next free object number. */
  size: number;
  /** Offset of the newest cross-reference section. */
  startxref: number;
  /** The dictionary text of an object (`<<…>>`), without any stream. */
  dictionary(number: number): string;
  /** Object numbers of the pages, in order. */
  pages(): number[];
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** A PDF text string in UTF-16BE with byte-order mark: any language, no escaping. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function readXref(text: string, at: number, offsets: Map<number, number>): void {
  if (text.slice(at, at + 4) !== 'xref') throw new Error('PDF has no classic cross-reference table (cross-reference streams are not supported)');
  const lines = text.slice(at + 4).split(/\r\n|\r|\n/);
  let index = 0;
  while (index < lines.length) {
    const header = /^\s*(\d+)\s+(\d+)\s*$/.exec(lines[index]!);
    if (!header) {
      if (!lines[index]!.trim()) {
        index++;
        continue;
      }
      break;
    }
    const first = Number(header[1]);
    const count = Number(header[2]);
    for (let n = 0; n < count; n++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(lines[index + 1 + n] ?? '');
      if (entry?.[3] === 'n' && !offsets.has(first + n)) offsets.set(first + n, Number(entry[1]));
    }
    index += 1 + count;
  }
}

export function readPdf(pdf: Uint8Array): PdfReader {
  const text = latin1(pdf);
  const tail = text.slice(-2048);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!startxref || trailerAt < 0) throw new Error('PDF has no classic trailer (cross-reference streams are not supported)');
  const trailer = tail.slice(trailerAt);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(trailer);
  if (!size || !root) throw new Error('PDF trailer lacks /Size or /Root');
  const info = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer);
  const rootNumber = Number(root[1]);

  // Newest section first: the first offset seen for an object wins.
  const offsets = new Map<number, number>();
  let section: number | null = Number(startxref[1]);
  for (let guard = 0; section !== null && guard < 64; guard++) {
    readXref(text, section, offsets);
    const previous = /\/Prev\s+(\d+)/.exec(text.slice(section, text.indexOf('startxref', section)));
    section = previous ? Number(previous[1]) : null;
  }

  function dictionary(number: number): string {
    const at = offsets.get(number);
    if (at === undefined) throw new Error(`PDF object ${number} is not in the cross-reference table`);
    const header = new RegExp(`^${number}\\s+\\d+\\s+obj\\s*`).exec(text.slice(at, at + 32));
    if (!header) throw new Error(`PDF object ${number} is not where the cross-reference table says`);
    const start = at + header[0].length;
    const ends = ['endobj', 'stream'].map((word) => text.indexOf(word, start)).filter((i) => i >= 0);
    return text.slice(start, Math.min(...ends)).trim();
  }

  function pages(): number[] {
    const result: number[] = [];
    const visit = (number: number, depth: number) => {
      if (depth > 32) throw new Error('PDF page tree is too deep');
      const node = dictionary(number);
      if (/\/Type\s*\/Page\b(?!s)/.test(node)) {
        result.push(number);
        return;
      }
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
      for (const kid of kids?.[1]?.matchAll(/(\d+)\s+\d+\s+R/g) ?? []) visit(Number(kid[1]), depth + 1);
    };
    const pagesRoot = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(dictionary(rootNumber));
    if (!pagesRoot) throw new Error('PDF catalog has no page tree');
    visit(Number(pagesRoot[1]), 0);
    return result;
  }

  return { root: rootNumber, info: info ? Number(info[1]) : null, size: Number(size[1]), startxref: Number(startxref[1]), dictionary, pages };
}

export interface PdfUpdate {
  /** Object number → dictionary text (`<<…>>`), new or replacing an existing object. */
  objects: Map<number, string>;
  root: number;
  info: number | null;
}

/** Appends `update` to `pdf`: the objects, a cross-reference section for them, and a trailer. */
export function appendUpdate(pdf: Uint8Array, reader: PdfReader, update: PdfUpdate): Uint8Array {
  const separator = latin1(pdf.subarray(-1)) === '\n' ? '' : '\n';
  let body = separator;
  const offsets = new Map<number, number>();
  const numbers = [...update.objects.keys()].sort((a, b) => a - b);
  for (const number of numbers) {
    offsets.set(number, pdf.byteLength + body.length);
    body += `${number} 0 obj\n${update.objects.get(number)}\nendobj\n`;
  }
  const xrefAt = pdf.byteLength + body.length;
  body += 'xref\n';
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    body += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) body += `${String(offsets.get(numbers[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const size = Math.max(reader.size, numbers[numbers.length - 1]! + 1);
  const info = update.info === null ? '' : ` /Info ${update.info} 0 R`;
  body += `trailer\n<</Size ${size} /Root ${update.root} 0 R${info} /Prev ${reader.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.byteLength + body.length);
  out.set(pdf, 0);
  out.set(Buffer.from(body, 'latin1'), pdf.byteLength);
  return out;
}
