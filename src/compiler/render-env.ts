/** Per-render state that the markdown-it plugins share through `env`. */
import type { AssetReference, ChartSpec, DeckSettings, Diagnostic, DiagramSource, SlideUsage } from '../types.ts';

export interface RenderEnv {
  [key: string | symbol]: unknown;
  file: string;
  /** 1-based file line of the rendered chunk's first line (token.map is relative to it). */
  line: number;
  settings: DeckSettings;
  diagnostics: Diagnostic[];
  /** Attributes collected from `<!-- .slide: … -->` comments. */
  slideAttributes: Record<string, string>;
  charts: ChartSpec[];
  /** Prefix for chart ids, unique per slide. */
  chartIdPrefix: string;
  assets: AssetReference[];
  /** Rendering the slide's speaker notes (`.slide` comments there still set the slide's attributes). */
  notes?: boolean;
  /** What the slide (body or notes) uses that the page must load: shared by the body's and the notes' render. */
  usage: SlideUsage;
  /** Diagrams asked for, in order (body and notes share the list): their placeholders name the index. */
  diagrams: DiagramSource[];
  /** Plain text of the first heading, if any. */
  title: string;
  /** Reads a data file that a chart names, by its path beside the Markdown file's path (see DeckSources.readDataFile). */
  readData?: (path: string) => string | null;
  /** Rewrites a local URL (relative to `file`) for the output, e.g. for the bundler. */
  resolveUrl?: (url: string, file: string) => string;
}

/** The file line of a token whose `map` is relative to the chunk. */
export function lineOf(env: RenderEnv, map: [number, number] | null | undefined): number {
  return env.line + (map ? map[0] : 0);
}

/** markdown-it types `env` loosely; every render of the deck passes a RenderEnv. */
export function deckEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}
