/**
 * Deck settings from `deck.yaml` or the first file's front matter: validated,
 * defaults filled in, unknown keys reported as warnings at their line.
 */
import { z } from 'zod';
import type { Diagnostic } from '../../types.ts';
import { DEFAULT_THEME, DEFAULT_THEME_COLOURS, isKnownTheme, REVEAL_THEMES } from '../../themes.ts';
import { contrastFailures, contrastMessage } from '../theme/theme-contrast.ts';
import { schemaMessages, similarKey, unknownNestedKeys, writtenPathIn } from './schema-messages.ts';
import { themeSchema, themeVariables } from './theme-settings.ts';
import { parseYamlSource } from './yaml-source.ts';
import { stringsFor } from '../../strings/strings.ts';

const ASPECTS = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 1024, height: 768 },
  '16:10': { width: 1280, height: 800 },
} as const;

/** Colours for charts when a deck defines no palette. */
export const DEFAULT_PALETTE: Record<string, string> = {
  primary: '#1f5fae',
  secondary: '#0f7b5f',
  accent: '#c0392b',
  neutral: '#7a8594',
};

const hexColour = z.string().regex(/^#[0-9a-fA-F]{3,8}$/).describe('a hex colour such as #0078d4');

/** Every deck setting with its default; `DeckSettings` is what it gives. */
const settingsSchema = z
  .object({
    title: z.string().default('Präsentation'),
    author: z.string().default(''),
    date: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]).default(''),
    /** @defaultValue `de`: the deck is German first. */
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).describe('a language tag such as de or en-US').default('de'),
    /** Built-in theme name, a path to a CSS file relative to the slides folder, or a mapping of a base theme and the deck's own colours, fonts, logo and footer. */
    theme: themeSchema,
    transition: z.enum(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']).default('slide'),
    aspect: z.enum(Object.keys(ASPECTS) as (keyof typeof ASPECTS)[]).default('16:9'),
    /** Named colours usable in charts: the deck's own first (charts take colours in this order), then the default ones it does not redefine. */
    palette: z.record(z.string(), hexColour).optional(),
    /** Passed to reveal.js as is. */
    revealOptions: z.record(z.string(), z.unknown()).default({}),
    /** Hosts the deck may reference (otherwise it must work offline). */
    allowedHosts: z.array(z.string()).default([]),
  })
  .transform(({ theme, palette, ...settings }) => {
    const { variables } = themeVariables(theme);
    return { ...settings, theme: theme.base, themeVariables: variables, palette: deckPalette(palette, variables?.colors.accent), ...ASPECTS[settings.aspect] };
  });

/**
 * The deck's palette, then the default colours it does not redefine. The theme's accent colour is the
 * default `primary` and `accent`: charts take it first after the deck's own colours.
 */
function deckPalette(own: Record<string, string> | undefined, themeAccent: string | undefined): Record<string, string> {
  const defaults = themeAccent ? { ...DEFAULT_PALETTE, primary: themeAccent, accent: themeAccent } : DEFAULT_PALETTE;
  return { ...own, ...defaults, ...own };
}

export type DeckSettings = z.output<typeof settingsSchema>;

/** Defaults for every deck setting. */
export const DEFAULT_SETTINGS: DeckSettings = settingsSchema.parse({});


const KNOWN_KEYS = Object.keys(settingsSchema.in.shape);

export interface SettingsResult {
  settings: DeckSettings;
  diagnostics: Diagnostic[];
  /** Files the theme names (fonts, logo) as written, with their line: resolved and checked by the compiler's callers. */
  themeFiles: { url: string; line: number }[];
}

/** The defaults in a language: `lang` and the title (`Präsentation`, `Presentation`). */
function defaultsIn(lang: string): DeckSettings {
  return { ...DEFAULT_SETTINGS, lang, title: stringsFor(lang).defaultTitle };
}

/**
 * `yaml` is the settings text, starting at line `firstLine` of `file`; `defaultLang` is the language of
 * a deck whose settings name none (detected from its text by the caller).
 */
export function parseDeckSettings(yaml: string | null, file: string, firstLine: number, defaultLang = DEFAULT_SETTINGS.lang): SettingsResult {
  const diagnostics: Diagnostic[] = [];
  const themeFiles: SettingsResult['themeFiles'] = [];
  const result = (settings: DeckSettings) => ({ settings, diagnostics, themeFiles });
  if (yaml === null || yaml.trim() === '') return result(defaultsIn(defaultLang));

  const source = parseYamlSource(yaml, firstLine);
  const at = (line: number, code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ severity, code, message, file, line });

  for (const error of source.errors) at(error.line, 'settings-yaml', `invalid YAML: ${error.message}`);
  if (source.errors.length) return result(defaultsIn(defaultLang));

  const raw = source.value ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    at(firstLine, 'settings-yaml', 'deck settings must be a mapping of keys to values');
    return result(defaultsIn(defaultLang));
  }

  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (KNOWN_KEYS.includes(key)) known[key] = value;
    else {
      const like = similarKey(key, KNOWN_KEYS);
      at(source.lineOf([key]), 'unknown-setting', `unknown deck setting "${key}" (ignored${like ? `; did you mean "${like}"?` : ''})`, 'warning');
    }
  }

  // Keys inside a setting (`theme.colours`) are warned about the same way, with the key they probably are.
  for (const { path, key, like } of unknownNestedKeys(settingsSchema, known)) {
    const where = path.slice(0, -1).join('.');
    at(source.lineOf(path), 'unknown-setting', `unknown key "${key}" in "${where}" (ignored${like ? `; did you mean "${like}"?` : ''})`, 'warning');
  }

  const parsed = settingsSchema.safeParse(known, { error: schemaMessages(settingsSchema, 'the deck settings', { writtenPath: (path) => writtenPathIn(known, path) }) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) at(source.lineOf(issue.path), 'settings-schema', issue.message);
    return result(defaultsIn(defaultLang));
  }
  const settings = parsed.data;
  if (known.lang === undefined) settings.lang = defaultLang;
  // A deck that names no title gets one in its language (`Präsentation`, `Presentation`).
  if (known.title === undefined) settings.title = stringsFor(settings.lang).defaultTitle;
  if (!isKnownTheme(settings.theme)) {
    at(source.lineOf(['theme', 'base']), 'unknown-theme', `unknown theme "${settings.theme}" (the default theme is used): use default, a reveal.js theme (${REVEAL_THEMES.join(', ')}) or a .css file`, 'warning');
    settings.theme = DEFAULT_THEME;
  }
  const theme = themeSchema.parse(known.theme);
  for (const { url, path } of themeVariables(theme).files) themeFiles.push({ url, line: source.lineOf(path) });
  // Contrast against the base theme's own colours where they are known (ours); a reveal.js theme's are checked when rendered.
  const baseColours = settings.theme === DEFAULT_THEME ? DEFAULT_THEME_COLOURS : {};
  for (const failure of contrastFailures(settings.themeVariables?.colors ?? {}, baseColours)) {
    at(source.lineOf(['theme', 'colors', failure.setting]), 'theme-contrast', contrastMessage(failure));
  }
  return result(settings);
}
