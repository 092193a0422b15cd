/**
 * The two builds `deck present` serves, each reused while fresh (fresh-build.ts, as `deck export`
 * does): the full deck for the presenter (notes included: speaker view, remote) and the audience's
 * copy without any notes (its build stamp says so, so neither is ever taken for the other).
 */
import { join } from 'node:path';
import { startFreshBuild } from '../builder/fresh-build.ts';

export interface PresentBuilds {
  presenterDir: string;
  audienceDir: string;
  /** Whether both were reused as they were. */
  reused: boolean;
  /** The build's warnings, one `file:line: message` line each. */
  warnings: string[];
}

export async function presentBuilds(slidesDir: string, cacheDir: string): Promise<PresentBuilds> {
  // One after the other: the first bundles the runtime if it has to, and the second reuses it.
  const presenter = await startFreshBuild(slidesDir, join(cacheDir, 'presenter'), false, { present: true }).done;
  const audience = await startFreshBuild(slidesDir, join(cacheDir, 'audience'), false, { withoutNotes: true, present: true }).done;
  return {
    presenterDir: presenter.outDir,
    audienceDir: audience.outDir,
    reused: presenter.reused && audience.reused,
    // Both builds report the same warnings.
    warnings: presenter.reused ? audience.warnings : presenter.warnings,
  };
}
