/**
 * Deck settings from `deck.yaml` or the first file's front matter: validated,
 * defaults filled in, unknown keys reported as warnings at their line.
 */
import { z } from 'zod';
import type { Diagnostic } from '../../types.ts';
import { DEFAULT_THEME, isKnownTheme, REVEAL_THEMES } from '../../themes.ts';
import { schemaMessages, similarKey } from './schema-messages.ts';
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
    /** Built-in theme name or a path to a CSS file relative to the slides folder. */
    theme: z.string().default('default'),
    transition: z.enum(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']).default('slide'),
    aspect: z.enum(Object.keys(ASPECTS) as (keyof typeof ASPECTS)[]).default('16:9'),
    /** Named colours usable in charts: the deck's own first (charts take colours in this order), then the default ones it does not redefine. */
    palette: z
      .record(z.string(), hexColour)
      .optional()
      .transform((own) => ({ ...own, ...DEFAULT_PALETTE, ...own })),
    /** Passed to reveal.js as is. */
    revealOptions: z.record(z.string(), z.unknown()).default({}),
    /** Hosts the deck may reference (otherwise it must work offline). */
    allowedHosts: z.array(z.string()).default([]),
  })
  .transform((settings) => ({ ...settings, ...ASPECTS[settings.aspect] }));

export type DeckSettings = z.output<typeof settingsSchema>;

/** Defaults for every deck setting. */
export const DEFAULT_SETTINGS: DeckSettings = settingsSchema.parse({});

const settingsMessages = schemaMessages(settingsSchema, 'the deck settings');

const KNOWN_KEYS = Object.keys(settingsSchema.in.shape);

export interface SettingsResult {
  settings: DeckSettings;
  diagnostics: Diagnostic[];
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
  if (yaml === null || yaml.trim() === '') return { settings: defaultsIn(defaultLang), diagnostics };

  const source = parseYamlSource(yaml, firstLine);
  const at = (line: number, code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ severity, code, message, file, line });

  for (const error of source.errors) at(error.line, 'settings-yaml', `invalid YAML: ${error.message}`);
  if (source.errors.length) return { settings: defaultsIn(defaultLang), diagnostics };

  const raw = source.value ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    at(firstLine, 'settings-yaml', 'deck settings must be a mapping of keys to values');
    return { settings: defaultsIn(defaultLang), diagnostics };
  }

  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (KNOWN_KEYS.includes(key)) known[key] = value;
    else {
      const like = similarKey(key, KNOWN_KEYS);
      at(source.lineOf([key]), 'unknown-setting', `unknown deck setting "${key}" (ignored${like ? `; did you mean "${like}"?` : ''})`, 'warning');
    }
  }

  const parsed = settingsSchema.safeParse(known, { error: settingsMessages });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) at(source.lineOf(issue.path), 'settings-schema', issue.message);
    return { settings: defaultsIn(defaultLang), diagnostics };
  }
  const settings = parsed.data;
  if (known.lang === undefined) settings.lang = defaultLang;
  // A deck that names no title gets one in its language (`Präsentation`, `Presentation`).
  if (known.title === undefined) settings.title = stringsFor(settings.lang).defaultTitle;
  if (!isKnownTheme(settings.theme)) {
    at(source.lineOf(['theme']), 'unknown-theme', `unknown theme "${settings.theme}" (the default theme is used): use default, a reveal.js theme (${REVEAL_THEMES.join(', ')}) or a .css file`, 'warning');
    settings.theme = DEFAULT_THEME;
  }
  return { settings, diagnostics };
}
