/** A deck in a temporary folder whose chart reads `../assets/data/capex.csv`, outside the slides folder (as the shipped deck's charts do). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeDataDeck(prefix: string, markdown: string, csv: string): { root: string; slidesDir: string; csvPath: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const slidesDir = join(root, 'slides');
  const csvPath = join(root, 'assets/data/capex.csv');
  mkdirSync(slidesDir);
  mkdirSync(join(root, 'assets/data'), { recursive: true });
  writeFileSync(join(slidesDir, '01.md'), markdown);
  writeFileSync(csvPath, csv);
  return { root, slidesDir, csvPath };
}
