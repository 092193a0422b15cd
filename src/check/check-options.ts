/** What `deck check` checks and how strictly; defaults resolved once here. */

export interface CheckOptions {
  /** Folder of Markdown slides. */
  slidesDir: string;
  /**
   * Render the deck in Chromium and check every slide and fragment state.
   * @defaultValue `true`
   */
  render: boolean;
  /**
   * Smallest acceptable text size, in slide pixels (1280×720 for 16:9).
   * @defaultValue `18`
   */
  minFontSize: number;
  /**
   * How long a chart may take to be drawn after its slide is shown, in ms.
   * The runtime promises one second; the rest is slack for a loaded machine.
   * @defaultValue `3000`
   */
  chartTimeoutMs: number;
  /**
   * Slide pixels of overflow tolerated (sub-pixel rounding of the layout).
   * @defaultValue `1`
   */
  overflowTolerance: number;
  /**
   * axe-core tags run on every slide.
   * @defaultValue WCAG 2.0, 2.1 and 2.2, levels A and AA
   */
  accessibilityTags: string[];
}

export const DEFAULT_CHECK_OPTIONS: Omit<CheckOptions, 'slidesDir'> = {
  render: true,
  minFontSize: 18,
  chartTimeoutMs: 3000,
  overflowTolerance: 1,
  accessibilityTags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
};

/** Rules about the page as a whole, run once and reported at the deck settings. */
export const DOCUMENT_RULES = ['html-has-lang', 'html-lang-valid', 'html-xml-lang-mismatch', 'document-title'];

export function resolveCheckOptions(user: Partial<CheckOptions> & { slidesDir: string }): CheckOptions {
  const options = { ...DEFAULT_CHECK_OPTIONS, ...stripUndefined(user) } as CheckOptions;
  if (!Number.isFinite(options.minFontSize) || options.minFontSize <= 0) throw new RangeError(`minimum font size must be a positive number of pixels, not ${user.minFontSize}`);
  return options;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
