/**
 * How alike two renderings of a slide are, tolerant of font differences: each page becomes a coarse
 * map of "ink" (pixels that differ from the page's own background) per grid cell, and the maps are
 * compared as a weighted Jaccard index: 1 for the same layout, 0 when nothing is where it should be.
 * A slide drawn with another font wraps and widens its text a little but keeps its blocks in place.
 */
import type { PngImage } from './png-image.ts';

const GRID = { columns: 32, rows: 18 };
/** How far (0–255, summed over the channels) a pixel is from the background to count as ink. */
const INK = 90;

function background(image: PngImage): [number, number, number] {
  const counts = new Map<string, number>();
  for (let y = 0; y < image.height; y += 3) {
    for (let x = 0; x < image.width; x += 3) {
      const key = image.pixel(x, y).map((c) => c >> 4).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [key] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return key.split(',').map((c) => Number(c) * 16 + 8) as [number, number, number];
}

/** Share of ink in each grid cell, row by row. */
export function inkMap(image: PngImage): number[] {
  const [br, bg, bb] = background(image);
  const cells = new Array<number>(GRID.columns * GRID.rows).fill(0);
  const cellWidth = image.width / GRID.columns;
  const cellHeight = image.height / GRID.rows;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const [r, g, b] = image.pixel(x, y);
      if (Math.abs(r - br) + Math.abs(g - bg) + Math.abs(b - bb) < INK) continue;
      cells[Math.min(GRID.rows - 1, Math.floor(y / cellHeight)) * GRID.columns + Math.min(GRID.columns - 1, Math.floor(x / cellWidth))]! += 1 / (cellWidth * cellHeight);
    }
  }
  return cells;
}

/** 0–1: the weighted Jaccard index of the two pages' ink maps (two empty pages are alike). */
export function pageSimilarity(a: PngImage, b: PngImage): number {
  const [inkA, inkB] = [inkMap(a), inkMap(b)];
  let shared = 0;
  let either = 0;
  inkA.forEach((value, i) => {
    shared += Math.min(value, inkB[i]!);
    either += Math.max(value, inkB[i]!);
  });
  return either === 0 ? 1 : shared / either;
}

/** Share of pixels in the box (pixels of the image) that carry colour: neither white, black nor grey. */
export function colouredShare(image: PngImage, box: { x: number; y: number; width: number; height: number }): number {
  let coloured = 0;
  let total = 0;
  for (let y = Math.max(0, Math.round(box.y)); y < Math.min(image.height, Math.round(box.y + box.height)); y++) {
    for (let x = Math.max(0, Math.round(box.x)); x < Math.min(image.width, Math.round(box.x + box.width)); x++) {
      const [r, g, b] = image.pixel(x, y);
      total++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
  }
  return total ? coloured / total : 0;
}
