/**
 * The built runtime keeps the waterfall and reference-line code in chunks of their own that only a
 * dynamic import reaches: the script a chart slide loads (Chart.js and the draw module, with what they
 * import statically) holds none of it, so a deck without such charts never fetches it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { staticImports } from '../../bench/measure-bytes.ts';
import { buildFixture } from '../support/build-fixture.ts';

let assets: string;
let scripts: string[];

beforeAll(async () => {
  assets = join(await buildFixture(join(import.meta.dirname, '../fixtures/chart-types')), 'assets');
  scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
});

const chunk = (prefix: string) => {
  const found = scripts.filter((name) => name.startsWith(`${prefix}-`));
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
};

/** `name` and every chunk it imports statically, transitively. */
function staticClosure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const url of staticImports(readFileSync(join(assets, name), 'utf8'))) staticClosure(url.replace(/^\.\//, ''), seen);
  return seen;
}

it('keeps the waterfall and reference-line code out of what drawing a chart loads', () => {
  const extras = [chunk('waterfall'), chunk('reference-lines')];
  const drawing = staticClosure(chunk('draw-chart'));
  expect(drawing.has(chunk('chart-registry'))).toBe(true);
  for (const extra of extras) expect(drawing.has(extra), extra).toBe(false);
  for (const entry of scripts.filter((name) => name.startsWith('index-'))) {
    for (const extra of extras) expect(staticClosure(entry).has(extra), `${entry} → ${extra}`).toBe(false);
  }
});

it('reaches them by dynamic import from the chart registry', () => {
  const registry = readFileSync(join(assets, chunk('chart-registry')), 'utf8');
  for (const extra of [chunk('waterfall'), chunk('reference-lines')]) expect(registry).toMatch(new RegExp(`import\\(\\s*["'\`]\\./${extra.replace('.', '\\.')}["'\`]`));
});
