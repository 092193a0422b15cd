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
  outline: string[];
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
  const outline: string[] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null) =>
    items?.forEach((item) => {
      outline.push(item.title);
      walk(item.items as { title: string; items: unknown[] }[]);
    });
  walk(await pdf.getOutline());
  const links: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const annotations = (await (await pdf.getPage(n)).getAnnotations()) as { url?: string }[];
    links.push(annotations.flatMap((annotation) => (annotation.url ? [annotation.url] : [])));
  }
  return { pages: pdf.numPages, width, height, text: (text as string[]).map(collapse), info: info as Record<string, unknown>, outline, links };
}
