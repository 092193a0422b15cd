/**
 * LibreOffice for the PowerPoint tests: converts exported files to PDF headless, several in one
 * `soffice` call (it starts once), with a profile of the test process's own so parallel test files
 * never share one. `.ci/run` installs LibreOffice Impress where `soffice` is missing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Converts each of `files` to `<outDir>/<name>.pdf`; resolves with their paths in the same order. */
export async function convertToPdf(files: readonly string[], outDir: string, timeoutMs = 240_000): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'deck-soffice-'));
  try {
    await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      timeout: timeoutMs,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new Error('soffice not found: install LibreOffice Impress (apt-get install -y libreoffice-impress; .ci/run does)');
      throw error;
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const written = new Set(readdirSync(outDir));
  return files.map((file) => {
    const pdf = `${basename(file).replace(/\.[^.]+$/, '')}.pdf`;
    if (!written.has(pdf)) throw new Error(`LibreOffice wrote no ${pdf} for ${file}`);
    return join(outDir, pdf);
  });
}

/** Renders every page of `pdf` to a PNG (poppler's pdftoppm) at `dpi`; resolves with their paths in page order. */
export async function renderPages(pdf: string, outDir: string, dpi: number): Promise<string[]> {
  const prefix = join(outDir, basename(pdf, '.pdf'));
  await run('pdftoppm', ['-r', String(dpi), '-png', pdf, prefix]);
  const name = basename(prefix);
  return readdirSync(outDir)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((file) => join(outDir, file));
}
