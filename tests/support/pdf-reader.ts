/** Reads an exported PDF for tests: page count, size, text per page, metadata, outline, links. */
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

export interface PdfSummary {
  pages: number;
  /** Page size in PDF points of the first page. */
  width: number;
  height: number;
  /** Text of each page, whitespace collapsed. */
  text: string[];
  info: Record<string, unknown>;
  /** Bookmark titles, depth first. */
  outline: string[];
  /** 1-based page of each bookmark (0 when it has no page destination). */
  outlinePages: number[];
  /** Link targets per page. */
  links: string[][];
}

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function readPdf(path: string): Promise<PdfSummary> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const first = await pdf.getPage(1);
  const [, , width, height] = first.view as [number, number, number, number];
  const { text } = await extractText(pdf, { mergePages: false });
  const { info } = await getMeta(pdf);
  type Item = { title: string; dest: unknown; items: Item[] };
  const items: Item[] = [];
  const walk = (level: Item[] | null) => level?.forEach((item) => (items.push(item), walk(item.items)));
  walk((await pdf.getOutline()) as Item[] | null);
  const outline = items.map((item) => item.title);
  const outlinePages = await Promise.all(
    items.map(async ({ dest }) => {
      const target = Array.isArray(dest) ? (dest[0] as { num: number; gen: number }) : null;
      return target ? (await pdf.getPageIndex(target)) + 1 : 0;
    }),
  );
  const links: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const annotations = (await (await pdf.getPage(n)).getAnnotations()) as { url?: string }[];
    links.push(annotations.flatMap((annotation) => (annotation.url ? [annotation.url] : [])));
  }
  return { pages: pdf.numPages, width, height, text: (text as string[]).map(collapse), info: info as Record<string, unknown>, outline, outlinePages, links };
}
