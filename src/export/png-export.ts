/**
 * `--png DIR`: one PNG per slide (or fragment step) from the open print view,
 * at the slide size (1280×720 for 16:9) times `--scale`. Files are named by
 * slide number, `slide-003.png`, with `-2`, `-3`… for fragment steps. Written
 * into a temporary folder and moved into DIR at the end; stale `slide-*.png`
 * files from an earlier export are replaced.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserPage, Clip } from '../browser/browser-page.ts';
import { PAGE_NAMES, type PageNames } from '../page-contract.ts';
import { discardTemporary, temporaryPath } from './atomic-file.ts';
import type { PrintPage, PrintView } from './open-print-view.ts';
import { pagesOfSlides } from './pdf-export.ts';

const SLIDE_PNG = /^slide-\d+(-\d+)?\.png$/;

export function pngName(page: PrintPage, digits: number): string {
  const number = String(page.slide).padStart(digits, '0');
  return page.step === 0 ? `slide-${number}.png` : `slide-${number}-${page.step + 1}.png`;
}

export interface PngOptions {
  slides: ReadonlySet<number> | null;
  onProgress?: (done: number, total: number) => void;
}

/** A still page: no transitions or animations under way, no blinking caret. */
const STILL_CSS = '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }';

/** Runs in the page: scrolls print page `index` into sight and tells where it is in the document. */
function placePrintPage({ index, names }: { index: number; names: PageNames }): Clip {
  const page = document.querySelectorAll(names.printPage)[index];
  if (!page) throw new Error(`print page ${index + 1} not found`);
  page.scrollIntoView({ block: 'start', inline: 'start' });
  const box = page.getBoundingClientRect();
  return { x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width, height: box.height };
}

export async function writeSlidePngs(page: BrowserPage, view: PrintView, dir: string, options: PngOptions): Promise<string[]> {
  const target = resolve(dir);
  const staging = temporaryPath(target);
  mkdirSync(staging, { recursive: true });
  const numbers = pagesOfSlides(view.pages, options.slides);
  const digits = Math.max(3, String(view.slideCount).length);
  const names: string[] = [];
  await page.addStyle(STILL_CSS);
  for (const [done, number] of numbers.entries()) {
    const printPage = view.pages[number - 1]!;
    const name = pngName(printPage, digits);
    const clip = await page.evaluate(placePrintPage, { index: number - 1, names: PAGE_NAMES });
    writeFileSync(join(staging, name), await page.screenshot(clip));
    names.push(name);
    options.onProgress?.(done + 1, numbers.length);
  }
  mkdirSync(target, { recursive: true });
  for (const stale of readdirSync(target).filter((file) => SLIDE_PNG.test(file))) rmSync(join(target, stale));
  for (const name of names) renameSync(join(staging, name), join(target, name));
  discardTemporary(staging);
  return names.map((name) => join(target, name));
}
