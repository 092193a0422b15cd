/**
 * `--png DIR`: one PNG per slide (or fragment step) from the open print view,
 * at the slide size (1280×720 for 16:9) times `--scale`. Files are named by
 * slide number, `slide-003.png`, with `-2`, `-3`… for fragment steps. Written
 * into a temporary folder and moved into DIR at the end; stale `slide-*.png`
 * files from an earlier export are replaced.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
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

export async function writeSlidePngs(page: Page, view: PrintView, dir: string, options: PngOptions): Promise<string[]> {
  const target = resolve(dir);
  const staging = temporaryPath(target);
  mkdirSync(staging, { recursive: true });
  const numbers = pagesOfSlides(view.pages, options.slides);
  const digits = Math.max(3, String(view.slideCount).length);
  const printPages = page.locator('.reveal .slides > .pdf-page');
  const names: string[] = [];
  for (const [done, number] of numbers.entries()) {
    const printPage = view.pages[number - 1]!;
    const name = pngName(printPage, digits);
    await printPages.nth(number - 1).screenshot({ path: join(staging, name), animations: 'disabled', caret: 'hide' });
    names.push(name);
    options.onProgress?.(done + 1, numbers.length);
  }
  mkdirSync(target, { recursive: true });
  for (const stale of readdirSync(target).filter((file) => SLIDE_PNG.test(file))) rmSync(join(target, stale));
  for (const name of names) renameSync(join(staging, name), join(target, name));
  discardTemporary(staging);
  return names.map((name) => join(target, name));
}
