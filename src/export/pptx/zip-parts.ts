/**
 * Zips a package's parts, each deflated by Node's zlib: fflate's `Zip` writes the archive from
 * `ZipInputFile`s whose data arrives compressed (fflate's documented way to bring another
 * compressor), since its own deflate in JavaScript took several times as long as zlib's.
 * Every part is deflated, already compressed ones included: fflate's streaming archive writes
 * sizes after the data (a data descriptor), which readers of Office files accept for deflated
 * entries. Synchronously: zlib's asynchronous deflate, on libuv's thread pool, cost ten times
 * the CPU for these ~900 mostly small parts.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

/** zlib's default level: smaller files than level 1 at little more time for this XML. */
const LEVEL = 6;
/** The ZIP method number of deflate (APPNOTE 4.4.5). */
const DEFLATE = 8;

/** Text parts are written as UTF-8. */
export function zipParts(parts: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [filename, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const part: ZipInputFile = { filename, size: data.byteLength, crc: crc32(data), compression: DEFLATE };
    zip.add(part);
    part.ondata!(null, deflateRawSync(data, { level: LEVEL }), true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
