/**
 * Deck settings from `deck.yaml` or the first file's front matter: validated,
 * defaults filled in, unknown keys reported as warnings at their line.
 */
import { z } from 'zod';
import type { DeckSettings, Diagnostic } from '../../types.ts';
import { parseYamlSource } from './yaml-source.ts';

const ASPECTS: Record<string, { width: number; height: number }> = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 1024, height: 768 },
  '16:10': { width: 1280, height: 800 },
};

/** Colours for charts when a deck defines no palette. */
export const DEFAULT_PALETTE: Record<string, string> = {
  primary: '#1f5fae',
  secondary: '#0f7b5f',
  accent: '#c0392b',
  neutral: '#7a8594',
};

/** Defaults for every deck setting. */
export const DEFAULT_SETTINGS: DeckSettings = {
  title: 'Präsentation',
  author: '',
  date: '',
  /** @defaultValue `de`: the deck is German first. */
  lang: 'de',
  theme: 'default',
  transition: 'slide',
  aspect: '16:9',
  width: 1280,
  height: 720,
  palette: DEFAULT_PALETTE,
  revealOptions: {},
  allowedHosts: [],
};

const settingsSchema = z.object({
  title: z.string().optional(),
  author: z.string().optional(),
  date: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as de or en-US').optional(),
  theme: z.string().optional(),
  transition: z.enum(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']).optional(),
  aspect: z.enum(Object.keys(ASPECTS) as [string, ...string[]]).optional(),
  palette: z.record(z.string(), z.string().regex(/^#[0-9a-fA-F]{3,8}$/, 'must be a hex colour such as #0078d4')).optional(),
  revealOptions: z.record(z.string(), z.unknown()).optional(),
  allowedHosts: z.array(z.string()).optional(),
});

const KNOWN_KEYS = new Set(Object.keys(settingsSchema.shape));

export interface SettingsResult {
  settings: DeckSettings;
  diagnostics: Diagnostic[];
}

/** `yaml` is the settings text, starting at line `firstLine` of `file`. */
export function parseDeckSettings(yaml: string | null, file: string, firstLine: number): SettingsResult {
  const diagnostics: Diagnostic[] = [];
  if (yaml === null || yaml.trim() === '') return { settings: { ...DEFAULT_SETTINGS }, diagnostics };

  const source = parseYamlSource(yaml, firstLine);
  const at = (line: number, code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ severity, code, message, file, line });

  for (const error of source.errors) at(error.line, 'settings-yaml', `invalid YAML: ${error.message}`);
  if (source.errors.length) return { settings: { ...DEFAULT_SETTINGS }, diagnostics };

  const raw = source.value ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    at(firstLine, 'settings-yaml', 'deck settings must be a mapping of keys to values');
    return { settings: { ...DEFAULT_SETTINGS }, diagnostics };
  }

  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (KNOWN_KEYS.has(key)) known[key] = value;
    else at(source.lineOf([key]), 'unknown-setting', `unknown deck setting "${key}" (ignored)`, 'warning');
  }

  const parsed = settingsSchema.safeParse(known);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      at(source.lineOf(issue.path), 'settings-schema', `${issue.path.join('.')}: ${issue.message}`);
    }
    return { settings: { ...DEFAULT_SETTINGS }, diagnostics };
  }

  const value = parsed.data;
  const aspect = value.aspect ?? DEFAULT_SETTINGS.aspect;
  const settings: DeckSettings = {
    ...DEFAULT_SETTINGS,
    ...stripUndefined(value),
    aspect,
    ...ASPECTS[aspect]!,
    palette: { ...DEFAULT_PALETTE, ...value.palette },
    revealOptions: value.revealOptions ?? {},
    allowedHosts: value.allowedHosts ?? [],
  };
  return { settings, diagnostics };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
