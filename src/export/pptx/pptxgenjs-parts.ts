/**
 * The parts pptxgenjs writes (slide XML, chart XML, workbooks, media…), as it hands them to JSZip,
 * without the archive JSZip would then build of them: the finishing pass (pptx-package.ts) rewrites
 * some parts and zips them all once, compressed. Building that archive first (JSZip's stream workers,
 * its CRC-32 and UTF-8 in JavaScript) and unzipping it again cost ~0.2 s of CPU for 200 slides (write
 * and finishing pass 810 -> 585 ms, cold).
 *
 * pptxgenjs has no API for its parts, only for the archive (`write`). So while it writes, two methods
 * of the JSZip it imports (resolved from its folder) are wrapped: `file(name, data, options)`, which
 * for the package's archive notes the part instead of adding it; and `generateAsync` for the one
 * output type asked for here, which returns nothing instead of building that archive. pptxgenjs's
 * other archives, each chart's workbook, are noted the same way and built here when pptxgenjs asks for
 * one as base64: stored, as JSZip builds it (the package's deflate then compresses it as a whole), by
 * fflate's `zipSync`, and encoded by Node: JSZip's stream workers and its base64 in JavaScript took
 * ~50 ms of the write's CPU for 20 charts.
 */
import { createRequire } from 'node:module';
import { zipSync } from 'fflate';
import type JSZip from 'jszip';
import type PptxGenJS from 'pptxgenjs';

/** A part's content: XML as text, anything else (workbooks, pictures) as bytes. */
export type PartData = string | Uint8Array;

/** The output type whose archive is not built. */
const CAPTURED_TYPE = 'uint8array';
/** The output type pptxgenjs builds its charts' workbooks as. */
const WORKBOOK_TYPE = 'base64';

/** A workbook's parts as a stored archive, in base64. */
function workbookArchive(parts: ReadonlyMap<string, PartData>): string {
  const files = Object.fromEntries([...parts].map(([name, data]) => [name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data]));
  return Buffer.from(zipSync(files, { level: 0 })).toString('base64');
}

let jszipClass: typeof JSZip | null = null;

function jszipOfPptxGenJs(): typeof JSZip {
  const require = createRequire(import.meta.url);
  jszipClass ??= createRequire(require.resolve('pptxgenjs'))('jszip') as typeof JSZip;
  return jszipClass;
}

/** A part's data as `file(name, data, options)` was given it. */
function partData(name: string, data: unknown, options: JSZip.JSZipFileOptions | undefined): PartData {
  if (typeof data === 'string') return options?.base64 ? Buffer.from(data, 'base64') : data;
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new Error(`pptxgenjs gave part ${name} as ${Object.prototype.toString.call(data)} (pptxgenjs-parts.ts reads text and bytes)`);
}

/** The write under way, if any. */
let writing: Promise<void> = Promise.resolve();

/**
 * pptxgenjs's package for `pptx`: its parts by name, in the order pptxgenjs added them. The package's
 * archive is the first JSZip that pptxgenjs adds a file to (each chart's workbook gets its archive
 * later), and must be the one it asks to build; its parts are only noted, not added to it as well.
 * So are each workbook's, which `workbookArchive` builds when pptxgenjs asks for it.
 */
export function pptxGenJsParts(pptx: PptxGenJS): Promise<Map<string, PartData>> {
  // One write at a time: a second, wrapping the first's wrappers, would leave them in place when done.
  const parts = writing.then(() => takeParts(pptx));
  writing = parts.then(
    () => undefined,
    () => undefined,
  );
  return parts;
}

async function takeParts(pptx: PptxGenJS): Promise<Map<string, PartData>> {
  const prototype = jszipOfPptxGenJs().prototype;
  const { file, generateAsync } = prototype;
  const parts = new Map<string, PartData>();
  /** The parts of every archive pptxgenjs fills while it writes: the package's, then each workbook's. */
  const archives = new Map<JSZip, Map<string, PartData>>();
  let archive: JSZip | null = null;
  let built: JSZip | null = null;
  prototype.file = function (this: JSZip, ...args: unknown[]) {
    const [name, data, options] = args as [unknown, unknown, JSZip.JSZipFileOptions | undefined];
    if (args.length >= 2 && typeof name === 'string' && !options?.dir) {
      archive ??= this;
      const noted = archives.get(this) ?? (this === archive ? parts : new Map<string, PartData>());
      archives.set(this, noted);
      noted.set(name, partData(name, data, options));
      return this;
    }
    return (file as (...a: unknown[]) => unknown).apply(this, args);
  } as JSZip['file'];
  prototype.generateAsync = function (this: JSZip, ...args: Parameters<JSZip['generateAsync']>) {
    const type = args[0]?.type;
    const noted = archives.get(this);
    if (type === CAPTURED_TYPE) {
      built = this;
      return Promise.resolve(new Uint8Array(0));
    }
    if (type === WORKBOOK_TYPE && noted && this !== archive) return Promise.resolve(workbookArchive(noted));
    return generateAsync.apply(this, args);
  } as JSZip['generateAsync'];
  try {
    await pptx.write({ outputType: CAPTURED_TYPE });
  } finally {
    prototype.file = file;
    prototype.generateAsync = generateAsync;
  }
  if (!built || built !== archive) throw new Error('pptxgenjs built another archive than the one it first added parts to (pptxgenjs-parts.ts no longer fits its version)');
  return parts;
}
