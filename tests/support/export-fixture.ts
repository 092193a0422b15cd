/** The export fixture deck, compiled, so export tests compare against the source instead of copies of it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import type { CompiledDeck } from '../../src/types.ts';

export const EXPORT_DECK = join(import.meta.dirname, '../fixtures/export-deck');

export function compiledExportDeck(): CompiledDeck {
  return compileFolder(EXPORT_DECK);
}

export function exportTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'deck-export-'));
}

/** Text that only the chart's canvas draws (axis ticks), never the DOM: proof the chart itself is in the PDF. */
export const BAR_CHART_TICKS = ['4 Mrd. US-$', '8 Mrd. US-$', '12 Mrd. US-$'];
