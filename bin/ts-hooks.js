/**
 * Module hooks of the `deck` command: this project's TypeScript files are
 * compiled with esbuild as they load; every other file loads as Node loads it.
 *
 * (tsx did the same, but also rewrote the dynamic imports of every JavaScript
 * file it loaded, with source maps — Vite's 1.4 MB chunk included: about 0.5 s
 * of CPU on every command, a third of `deck build`.)
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const TYPESCRIPT = /\.m?ts$/;

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !TYPESCRIPT.test(new URL(url).pathname)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const { code } = await transform(await readFile(path, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: path,
    sourcemap: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
