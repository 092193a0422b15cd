/**
 * Sets a PDF's document information (title, author, subject, creator) by
 * appending an incremental update, the standard way to amend a PDF without
 * rewriting it: a new Info object, a one-entry cross-reference section and a
 * trailer pointing back to the previous one. Chromium writes the title but no
 * author; the language (`/Lang`) and the outline it already writes itself.
 * Pure: bytes in, bytes out; costs nothing even for hundreds of pages.
 */
export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  creator: string;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** A PDF text string in UTF-16BE with byte-order mark: any language, no escaping. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

interface Trailer {
  size: number;
  root: string;
  info: string | null;
  startxref: number;
}

function readTrailer(text: string): Trailer {
  const tail = text.slice(-4096);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!startxref || trailerAt < 0) throw new Error('PDF has no classic trailer (cross-reference streams are not supported)');
  const dictionary = tail.slice(trailerAt);
  const size = /\/Size\s+(\d+)/.exec(dictionary);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dictionary);
  if (!size || !root) throw new Error('PDF trailer lacks /Size or /Root');
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(dictionary);
  return { size: Number(size[1]), root: root[1]!, info: info?.[1] ?? null, startxref: Number(startxref[1]) };
}

/** Raw `/Key (…)` entries of the old Info object worth keeping (producer, creation date). */
function keptEntries(text: string, info: string | null): string[] {
  if (!info) return [];
  const [number, generation] = info.split(/\s+/);
  const object = new RegExp(`(?:^|[\\r\\n])${number} ${generation} obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text);
  if (!object) return [];
  const entries: string[] = [];
  for (const key of ['Producer', 'CreationDate']) {
    const entry = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(object[1]!);
    if (entry) entries.push(`/${key} ${entry[1]}`);
  }
  return entries;
}

function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z)`;
}

export function withPdfInfo(pdf: Uint8Array, info: PdfInfo, now = new Date()): Uint8Array {
  const text = latin1(pdf);
  const trailer = readTrailer(text);
  const number = trailer.size;
  const entries = [
    `/Title ${pdfTextString(info.title)}`,
    info.author && `/Author ${pdfTextString(info.author)}`,
    info.subject && `/Subject ${pdfTextString(info.subject)}`,
    `/Creator ${pdfTextString(info.creator)}`,
    ...keptEntries(text, trailer.info),
    `/ModDate ${pdfDate(now)}`,
  ].filter(Boolean);
  const separator = text.endsWith('\n') ? '' : '\n';
  const objectAt = pdf.byteLength + separator.length;
  const object = `${number} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const update =
    separator +
    object +
    `xref\n${number} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${number + 1} /Root ${trailer.root} /Info ${number} 0 R /Prev ${trailer.startxref}>>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.byteLength + update.length);
  out.set(pdf, 0);
  out.set(Buffer.from(update, 'latin1'), pdf.byteLength);
  return out;
}
