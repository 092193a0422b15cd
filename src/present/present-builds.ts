/**
 * The two builds `deck present` serves, each reused while fresh (the build stamp of fresh-build.ts):
 * the full deck for the presenter (notes included: speaker view, remote) and the audience's copy
 * without any notes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_STAMP, buildStamp, isFresh, sourceHash, startFreshBuild } from '../builder/fresh-build.ts';

export interface PresentBuilds {
  presenterDir: string;
  audienceDir: string;
  /** Whether both were reused as they were. */
  reused: boolean;
  /** The build's warnings, one `file:line: message` line each. */
  warnings: string[];
}

export async function presentBuilds(slidesDir: string, cacheDir: string): Promise<PresentBuilds> {
  const presenter = await startFreshBuild(slidesDir, join(cacheDir, 'presenter')).done;
  const audienceDir = join(cacheDir, 'audience');
  const hash = sourceHash(slidesDir);
  if (isFresh(audienceDir, slidesDir, hash)) return { presenterDir: presenter.outDir, audienceDir, reused: presenter.reused, warnings: presenter.warnings };
  // The presenter's build has bundled the runtime if it had to, so this one is the compiler alone, in this process.
  const { buildDeck } = await import('../builder/build-deck.ts');
  const built = await buildDeck({ slidesDir, outDir: audienceDir, withoutNotes: true });
  writeFileSync(join(audienceDir, BUILD_STAMP), `${JSON.stringify(buildStamp(slidesDir, hash, built.copiedFiles), null, 2)}\n`);
  // Both builds report the same warnings; a reused presenter's build reported none.
  const { formatDiagnostic } = await import('../compiler/diagnostics.ts');
  const warnings = presenter.reused ? built.warnings.map(formatDiagnostic).map((line) => line.replace(/^(.*?:\d+): warning: /, '$1: ')) : presenter.warnings;
  return { presenterDir: presenter.outDir, audienceDir, reused: false, warnings };
}
