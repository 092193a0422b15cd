/**
 * The `theme` deck setting: a name (`default`, a reveal.js theme, a .css file) as before, or a mapping
 * that makes a base theme the company's own: colours, fonts from local files, a logo and a footer on
 * every slide. What it gives: `theme` (the base, as the runtime bundle is chosen by it) and
 * `themeVariables` (what the page sets on top of it, src/compiler/theme/).
 */
import { colord, extend } from 'colord';
import namesPlugin from 'colord/plugins/names';
import { z } from 'zod';
import { DEFAULT_THEME } from '../../themes.ts';

extend([namesPlugin]);

/** A CSS colour colord reads (hex, rgb(), hsl(), a name), fully opaque: contrast is computed on it. */
const themeColour = z
  .string()
  .refine((value) => colord(value).isValid() && colord(value).alpha() === 1)
  .describe('an opaque CSS colour such as #0078d4, rgb(0, 120, 212) or navy');

const fontFile = z
  .string()
  .regex(/\.(woff2|woff|ttf|otf)$/i)
  .describe('a font file (.woff2, .woff, .ttf or .otf) relative to the slides folder');

const imageFile = z
  .string()
  .regex(/\.(svg|png|jpe?g|webp|gif|avif)$/i)
  .describe('an image file (.svg, .png, .jpg, .webp, .gif or .avif) relative to the slides folder');

/** A string is the short form of the mapping `key: string`: errors then point at the mapping's key. */
const shortForm = <T extends z.ZodType>(key: string, mapping: T, description: string) =>
  z.preprocess((value) => (typeof value === 'string' ? { [key]: value } : value), mapping).describe(description);

/** One font file for every weight, or a file per face. */
const themeFont = shortForm(
  'regular',
  z.object({
    /** The family's name as installed (PowerPoint writes it): @defaultValue the regular file's name without its weight. */
    family: z.string().min(1).optional(),
    regular: fontFile,
    bold: fontFile.optional(),
    italic: fontFile.optional(),
    boldItalic: fontFile.optional(),
  }),
  'a font file (.woff2, .woff, .ttf or .otf) or a mapping of regular, bold, italic, boldItalic and family',
);

export const LOGO_CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

const themeLogo = shortForm(
  'src',
  z.object({
    src: imageFile,
    /** @defaultValue `top-right` (reveal.js's arrows sit bottom right while presenting) */
    corner: z.enum(LOGO_CORNERS).default('top-right'),
    /** Left off slides of the class `title`. @defaultValue false */
    hideOnTitle: z.boolean().default(false),
  }),
  'an image file (.svg, .png, .jpg, .webp, .gif or .avif) or a mapping of src, corner and hideOnTitle',
);

const themeFooter = shortForm(
  'text',
  z.object({
    text: z.string().min(1),
    /** Left off slides of the class `title`. @defaultValue false */
    hideOnTitle: z.boolean().default(false),
  }),
  'a text or a mapping of text and hideOnTitle',
);

export const THEME_COLOUR_NAMES = ['text', 'background', 'accent', 'heading'] as const;
export const THEME_FONT_ROLES = ['body', 'heading', 'code'] as const;

/** The mapping form; `theme: night` is `theme: { base: night }`. */
export const themeSchema = shortForm(
  'base',
  z.object({
    /** Built-in theme name or a path to a CSS file relative to the slides folder. */
    base: z.string().default(DEFAULT_THEME),
    colors: z.object(Object.fromEntries(THEME_COLOUR_NAMES.map((name) => [name, themeColour.optional()])) as Record<ThemeColourName, z.ZodOptional<typeof themeColour>>).default({}),
    fonts: z.object(Object.fromEntries(THEME_FONT_ROLES.map((role) => [role, themeFont.optional()])) as Record<ThemeFontRole, z.ZodOptional<typeof themeFont>>).default({}),
    logo: themeLogo.optional(),
    footer: themeFooter.optional(),
  }),
  'a theme name (default, a reveal.js theme), a .css file or a mapping of base, colors, fonts, logo and footer',
).default({ base: DEFAULT_THEME, colors: {}, fonts: {} });

export type ThemeColourName = (typeof THEME_COLOUR_NAMES)[number];
export type ThemeFontRole = (typeof THEME_FONT_ROLES)[number];
export type LogoCorner = (typeof LOGO_CORNERS)[number];
export type ThemeSetting = z.output<typeof themeSchema>;

/** A font face the page declares: a file (its URL in the page) with the weights and style it draws. */
export interface ThemeFontFace {
  url: string;
  /** A weight (`400`) or a range (`100 900`: the file as drawn, for every weight). */
  weight: string;
  style: 'normal' | 'italic';
}

export interface ThemeFont {
  family: string;
  faces: ThemeFontFace[];
}

/** What the page sets on top of the base theme (src/compiler/theme/theme-style.ts, theme-chrome.ts). */
export interface ThemeVariables {
  /** Colours as written, normalised to hex. */
  colors: Partial<Record<ThemeColourName, string>>;
  fonts: Partial<Record<ThemeFontRole, ThemeFont>>;
  logo: { src: string; corner: LogoCorner; hideOnTitle: boolean } | null;
  footer: { text: string; hideOnTitle: boolean } | null;
}

/** A file the theme names, where the settings name it: to resolve (bundling) and to check that it exists. */
export interface ThemeFileReference {
  url: string;
  path: readonly (string | number)[];
}

/** `Brand-Sans_Bold.woff2` → `Brand-Sans`: the file's name without its extension and a trailing weight or style. */
export function familyFromFile(file: string): string {
  const name = file.split(/[\\/]/).pop()!.replace(/\.[a-z0-9]+$/i, '');
  const stripped = name.replace(/[-_ ](?:(?:extra|semi|ultra|demi)?(?:thin|light|regular|book|medium|bold|black|heavy)|italic|oblique|normal|variable\w*|\d{3})(?:[-_ ]?(?:italic|oblique))?$/i, '');
  return stripped || name;
}

const FACES = [
  ['regular', '400', 'normal'],
  ['bold', '700', 'normal'],
  ['italic', '400', 'italic'],
  ['boldItalic', '700', 'italic'],
] as const;

/**
 * The theme's variables (null when the setting names only a base) and the files it names. A single font
 * file for headings is drawn as it is at any weight (a brand's heading face is often one bold file);
 * a single body or code file is the regular face, bold and italic made from it by the browser.
 */
export function themeVariables(theme: ThemeSetting): { variables: ThemeVariables | null; files: ThemeFileReference[] } {
  const files: ThemeFileReference[] = [];
  const colors = Object.fromEntries(Object.entries(theme.colors).flatMap(([name, value]) => (value ? [[name, colord(value).toHex()]] : [])));
  const fonts: ThemeVariables['fonts'] = {};
  for (const role of THEME_FONT_ROLES) {
    const font = theme.fonts[role];
    if (!font) continue;
    const single = !font.bold && !font.italic && !font.boldItalic;
    const faces = FACES.flatMap(([key, weight, style]) => {
      const url = font[key];
      if (!url) return [];
      files.push({ url, path: ['theme', 'fonts', role, key] });
      return [{ url, weight: single && role === 'heading' ? '100 900' : weight, style }];
    });
    fonts[role] = { family: font.family ?? familyFromFile(font.regular), faces };
  }
  if (theme.logo) files.push({ url: theme.logo.src, path: ['theme', 'logo', 'src'] });
  const variables: ThemeVariables = { colors, fonts, logo: theme.logo ?? null, footer: theme.footer ?? null };
  const empty = Object.keys(colors).length === 0 && Object.keys(fonts).length === 0 && !variables.logo && !variables.footer;
  return { variables: empty ? null : variables, files };
}

/** The variables with each file's URL as the page loads it (`resolve`: the compiler's `resolveUrl` for the settings file). */
export function resolveThemeFiles(variables: ThemeVariables | null, resolve: (url: string) => string): ThemeVariables | null {
  if (!variables) return null;
  const fonts = Object.fromEntries(Object.entries(variables.fonts).map(([role, font]) => [role, { ...font, faces: font.faces.map((face) => ({ ...face, url: resolve(face.url) })) }]));
  return { ...variables, fonts, logo: variables.logo && { ...variables.logo, src: resolve(variables.logo.src) } };
}
