/** Defaults of `deck export`'s options: used by their schema, and by the CLI's help without loading zod. */
export const EXPORT_DEFAULTS = {
  slidesDir: 'slides',
  out: 'dist',
  /** PNG pixels per CSS pixel. */
  scale: 1,
  /** Seconds. */
  timeout: 60,
} as const;
