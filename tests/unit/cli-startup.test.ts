/**
 * Every `deck` command starts by loading the compiled CLI's entry and the modules it loads at once
 * (its static imports, and each command's registration). The compiler's libraries (markdown-it,
 * highlight.js, yaml, zod) and Vite's configuration must load only when a command builds: loaded at
 * start they cost every command ~0.25 s and ~4,700 page faults (`deck --help` 0.18 → 0.41 s).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledCli } from '../../bin/compiled-cli.js';

const DECK_BIN = fileURLToPath(new URL('../../bin/deck.js', import.meta.url));

/** The files of the modules Node loads for `deck <args>`, recorded by a module hook. */
function modulesLoadedBy(args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'deck-cli-start-'));
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`);
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  execFileSync(process.execPath, ['--import', pathToFileURL(register).href, DECK_BIN, ...args], { stdio: 'ignore' });
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
}

/**
 * The packages whose code a bundled file holds: esbuild marks each module with its path relative to
 * the directory it bundled from (`// node_modules/<package>/…`, or `// ../../app/node_modules/…`).
 */
const bundledPackages = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\/\/ (?:\S*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]!);

describe('the CLI at start', () => {
  it('loads neither the compiler’s libraries nor Vite’s configuration for `deck --help`', async () => {
    await compiledCli(); // compiled beforehand, so that only the command itself is recorded
    const loaded = modulesLoadedBy(['--help']).filter((file) => file.includes('/node_modules/.cache/markdown-deck/cli/'));
    expect(loaded.length).toBeGreaterThan(1);
    const packages = new Set(loaded.flatMap(bundledPackages));
    expect(packages).toContain('commander');
    for (const heavy of ['markdown-it', 'highlight.js', 'yaml', 'zod']) expect(packages).not.toContain(heavy);
    expect(loaded.map((file) => readFileSync(file, 'utf8')).join('\n')).not.toContain('createRuntimeViteConfig');
  });
});
