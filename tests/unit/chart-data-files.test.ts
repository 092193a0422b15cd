/**
 * Charts' data files beyond the fixtures: how cells read in each language and separator, the loader
 * that reads them for the compiler, and the export stamp that must notice a data file outside the
 * slides folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceHash } from '../../src/builder/fresh-build.ts';
import { dataFilePath } from '../../src/compiler/chart/chart-data.ts';
import { decimalSeparator, numberColumn, readDataTable } from '../../src/compiler/chart/data-table.ts';
import { formatDiagnostic } from '../../src/compiler/index.ts';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import { dataFilesNamedIn } from '../../src/loader/load-data-files.ts';

const chart = (data: string) =>
  `## Capex\n\n\`\`\`chart\ntype: bar\ntitle: T\ndata: ${data}\nx: Jahr\nseries:\n  - name: Cash\n    column: Cash\nsource: Test\n\`\`\`\n`;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project folder with `slides/01.md` and `assets/data/capex.csv` beside it. */
function project(markdown: string, csv = 'Jahr,Cash\n2020,15.4\n'): { root: string; slides: string; csv: string } {
  const root = mkdtempSync(join(tmpdir(), 'deck-data-'));
  folders.push(root);
  mkdirSync(join(root, 'slides'));
  mkdirSync(join(root, 'assets/data'), { recursive: true });
  writeFileSync(join(root, 'slides/01.md'), markdown);
  writeFileSync(join(root, 'assets/data/capex.csv'), csv);
  return { root, slides: join(root, 'slides'), csv: join(root, 'assets/data/capex.csv') };
}

describe('reading a data table', () => {
  it('takes the separator from the header row, with quoted fields holding the other one', () => {
    expect(readDataTable('Jahr;"Cash, netto"\n2020;15,4\n', 'a.csv').columns).toEqual(['Jahr', 'Cash, netto']);
    expect(readDataTable('"Jahr; GJ",Cash\n2020,15.4\n', 'a.csv').columns).toEqual(['Jahr; GJ', 'Cash']);
    expect(readDataTable('\uFEFFJahr,Cash\r\n2020,1\r\n', 'a.csv').columns).toEqual(['Jahr', 'Cash']);
  });

  it('reads decimal commas only in a language that writes them, and empty cells as gaps', () => {
    const table = readDataTable('Jahr;Cash\n2020;15,4\n2021;\n2022;-3.5\n2023;1e3\n', 'a.csv');
    expect(decimalSeparator('de')).toBe(',');
    expect(decimalSeparator('en-US')).toBe('.');
    expect(numberColumn(table, 'Cash', 'a.csv', 'de')).toEqual([15.4, null, -3.5, 1000]);
    expect(numberColumn(table, 'Cash', 'a.csv', 'fr')).toEqual([15.4, null, -3.5, 1000]);
    expect(() => numberColumn(table, 'Cash', 'a.csv', 'en')).toThrow('cell "15,4" in a.csv row 2, column "Cash" is not a number');
  });

  it('names a quote that does not close, with its row, and a column named twice', () => {
    expect(() => readDataTable('Jahr,Cash\n2020,"15\n', 'a.csv')).toThrow(/^a\.csv is not valid CSV: .*quote.* \(row \d\)$/i);
    expect(() => readDataTable('Jahr;Cash;Cash \n2020;1;2\n', 'a.csv')).toThrow('the header row of a.csv names column "Cash" twice');
  });

  it('resolves data: from the Markdown file, as the loader names it', () => {
    expect(dataFilePath('../assets/data/capex.csv', 'slides/04.md')).toBe('assets/data/capex.csv');
    expect(dataFilePath('./capex.csv', '/work/deck/slides/04.md')).toBe('/work/deck/slides/capex.csv');
    expect(dataFilePath('/srv/capex.csv', 'slides/04.md')).toBe('/srv/capex.csv');
  });
});

describe('the loader', () => {
  it('hands the compiler the data file outside the slides folder, once, and lists it', () => {
    const { slides } = project(`${chart('../assets/data/capex.csv')}\n---\n\n${chart('../assets/data/capex.csv').replace('## Capex', '## Wieder')}`);
    const deck = compileFolder(slides);
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.map((s) => s.charts[0]!.series[0]!.values)).toEqual([[15.4], [15.4]]);
    expect(deck.dataFiles).toHaveLength(1);
    expect(deck.dataFiles![0]).toMatch(/assets\/data\/capex\.csv$/);
  });

  it('reports a missing file at the data: line, in the CLI format', () => {
    const { slides } = project(chart('../assets/data/fehlt.csv'));
    const [error] = compileFolder(slides).diagnostics;
    expect(formatDiagnostic(error!)).toMatch(/slides\/01\.md:6: error: data file \.\.\/assets\/data\/fehlt\.csv not found \(.*assets\/data\/fehlt\.csv\) \[chart-data\]$/);
  });
});

describe('the export stamp', () => {
  it('changes when a data file outside the slides folder changes', () => {
    const { slides, csv } = project(chart('"../assets/data/capex.csv"'));
    expect(dataFilesNamedIn(slides)).toEqual([csv]);
    const before = sourceHash(slides);
    expect(sourceHash(slides)).toBe(before);
    writeFileSync(csv, 'Jahr,Cash\n2020,15.5\n');
    expect(sourceHash(slides)).not.toBe(before);
  });

  it('finds data: in flow style too, and ignores names of files that do not exist', () => {
    const { slides, csv } = project('```chart\n{ type: bar, data: ../assets/data/capex.csv, x: Jahr }\n```\n\nmetadata: nichts.csv\n');
    expect(dataFilesNamedIn(slides)).toEqual([csv]);
  });
});
