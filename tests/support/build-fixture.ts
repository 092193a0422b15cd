/** Builds a slides folder into a fresh temporary folder (once per test file) for browser tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeck } from '../../src/builder/build-deck.ts';

export const SAMPLE_DECK = join(import.meta.dirname, '../fixtures/sample-deck');
export const SHIPPED_DECK = join(import.meta.dirname, '../../slides');

export async function buildFixture(slidesDir: string): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'deck-test-')), 'dist');
  await buildDeck({ slidesDir, outDir });
  return outDir;
}
