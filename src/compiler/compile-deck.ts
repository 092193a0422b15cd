/**
 * The compiler: Markdown sources in, slides and diagnostics out. Pure: it reads
 * no file and logs nothing; adapters hand it the text and report its findings.
 */
import type { CompiledDeck, Diagnostic, Slide, SourceFile } from '../types.ts';
import { createMarkdown } from './create-markdown.ts';
import { parseDeckSettings } from './settings/deck-settings.ts';
import { detectLanguage } from './settings/detect-language.ts';
import type { RenderEnv } from './render-env.ts';
import { splitFrontMatter, splitSlides, type SplitSlide } from './split-slides.ts';
import { slugify, uniqueId } from './slug.ts';
import { isLocalUrl } from './plugins/deck-assets.ts';
import { stringsFor } from '../strings/strings.ts';
import { finishedSlide, reusableFile, type CompileCache, type CompiledFile } from './compile-cache.ts';
import { resolveThemeFiles } from './settings/theme-settings.ts';
import { themeChrome } from './theme/theme-chrome.ts';

export interface DeckSources {
  /** Markdown files; compiled in path order. */
  slides: SourceFile[];
  /** `deck.yaml`, if the deck has one. */
  settings?: SourceFile | null;
  /** Reads a data file a chart names (`data:`, joined to its Markdown file's path as given here); `null` when it does not exist. */
  readDataFile?: (path: string) => string | null;
}

export interface CompileOptions {
  /** Rewrites local image and link URLs (relative to their file), e.g. for the bundler. */
  resolveUrl?: (url: string, file: string) => string;
  /** Kept by the caller between compiles of the same deck: unchanged files are not compiled again (`deck dev`). */
  cache?: CompileCache;
}

const markdown = createMarkdown();

export function compileDeck(sources: DeckSources, options: CompileOptions = {}): CompiledDeck {
  const diagnostics: Diagnostic[] = [];
  // A lone CR ends a line too (as in markdown-it and editors): one kind of line end keeps every line number right.
  const files = sources.slides.map((f) => ({ ...f, text: normalizeNewlines(f.text) })).sort((a, b) => a.path.localeCompare(b.path, 'en'));

  const front = files[0] ? splitFrontMatter(files[0].text) : null;
  // A deck that names no language is told German or English by its text (reveal-md decks never name one).
  const textLang = detectLanguage(files.map((file) => file.text));
  let settingsResult;
  if (sources.settings) {
    settingsResult = parseDeckSettings(normalizeNewlines(sources.settings.text), sources.settings.path, 1, textLang);
    if (front?.yaml) {
      diagnostics.push({ severity: 'warning', code: 'front-matter-ignored', message: `front matter ignored: ${sources.settings.path} holds the deck settings`, file: files[0]!.path, line: 1 });
    }
  } else {
    settingsResult = parseDeckSettings(front?.yaml?.text ?? null, files[0]?.path ?? 'deck.yaml', front?.yaml?.line ?? 1, textLang);
  }
  // The theme's fonts and logo are named relative to the settings' file, as images are to their Markdown file.
  const settingsFile = sources.settings?.path ?? files[0]?.path ?? 'deck.yaml';
  const settings = options.resolveUrl
    ? { ...settingsResult.settings, themeVariables: resolveThemeFiles(settingsResult.settings.themeVariables, (url) => options.resolveUrl!(url, settingsFile)) }
    : settingsResult.settings;
  // Each data file is read once however many charts use it; every path asked for is reported (for watching).
  const dataFiles = new Map<string, string | null>();
  const readData = (path: string) => {
    if (!dataFiles.has(path)) dataFiles.set(path, sources.readDataFile?.(path) ?? null);
    return dataFiles.get(path)!;
  };
  diagnostics.push(...settingsResult.diagnostics);
  // Slides without a heading are named in the deck's language: `folie-3`, `slide-3`.
  const idPrefix = stringsFor(settings.lang).slideIdPrefix;

  const slides: Slide[] = [];
  const usedIds = new Map<string, number>();
  const context = JSON.stringify(settings);
  let h = -1;
  const liveFiles = new Set<string>();
  files.forEach((file, fileIndex) => {
    const stripFront = fileIndex === 0 && front !== null;
    const fileContext = stripFront ? `front:${context}` : context;
    liveFiles.add(file.path);
    const compiled =
      reusableFile(options.cache, file.path, file.text, h + 1, fileContext, readData) ??
      compileFile(file, stripFront && front ? front.body : { text: file.text, line: 1 }, h + 1, fileContext, settings, { ...options, readData });
    options.cache?.files.set(file.path, compiled);
    diagnostics.push(...compiled.diagnostics);
    compiled.slides.forEach((slide, index) => {
      h = slide.h;
      const explicit = slide.attributes.id;
      const id = uniqueId(explicit ?? (slugify(slide.title) || `${idPrefix}-${slide.h + 1}${slide.v ? `-${slide.v + 1}` : ''}`), usedIds);
      if (explicit && id !== explicit) {
        diagnostics.push({ severity: 'error', code: 'duplicate-id', message: `slide id "${explicit}" is used more than once`, file: file.path, line: slide.line });
      }
      slides.push(finishedSlide(compiled, index, id));
    });
  });
  // Files deleted since the last compile.
  for (const path of options.cache?.files.keys() ?? []) if (!liveFiles.has(path)) options.cache!.files.delete(path);

  if (files.length > 0 && slides.length === 0) {
    diagnostics.push({ severity: 'error', code: 'no-slides', message: 'the deck has no slides', file: files[0]!.path, line: 1 });
  }
  diagnostics.sort((a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line);
  const themeFiles = settingsResult.themeFiles.map((reference) => ({ ...reference, file: settingsFile }));
  return { settings, slides, diagnostics, dataFiles: [...dataFiles.keys()], ...(themeFiles.length > 0 && { themeFiles }) };
}

/** One Markdown file's slides (without ids) and findings; its first slide is the deck's `firstH`-th. */
function compileFile(
  file: SourceFile,
  body: { text: string; line: number },
  firstH: number,
  context: string,
  settings: CompiledDeck['settings'],
  options: CompileOptions & { readData: (path: string) => string | null },
): CompiledFile {
  const diagnostics: Diagnostic[] = [];
  const dataReads = new Map<string, string | null>();
  const readData = (path: string) => {
    const text = options.readData(path);
    dataReads.set(path, text);
    return text;
  };
  const slides: Slide[] = [];
  const compiled: CompiledFile = { text: file.text, firstH, context, dataReads, slides, diagnostics, finished: [] };
  const { slides: pieces, unclosedFences } = splitSlides(body.text, body.line);
  for (const line of unclosedFences) {
    diagnostics.push({ severity: 'warning', code: 'unclosed-fence', message: 'this code fence is never closed: it ends where its slide ends (close it with a line of the same backticks or tildes)', file: file.path, line });
  }
  // A file without any slide content (only settings or comments) adds no slide.
  if (pieces.length === 1 && isBlank(pieces[0]!)) return compiled;
  const lastLine = file.text.split('\n').length;
  let h = firstH - 1;
  for (const stack of groupStacks(pieces)) {
    h++;
    stack.forEach((split, v) => {
      // An empty slide after a separator on the last line starts past the end: it points at that separator.
      const piece = { ...split, line: Math.min(split.line, lastLine) };
      if (isBlank(piece)) {
        diagnostics.push({ severity: 'warning', code: 'empty-slide', message: 'empty slide (two separators in a row?): kept as an empty section, as reveal.js does', file: file.path, line: piece.line });
      }
      slides.push(compileSlide(piece, file.path, h, v, settings, { ...options, readData }, diagnostics));
    });
  }
  return compiled;
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function groupStacks(pieces: SplitSlide[]): SplitSlide[][] {
  const stacks: SplitSlide[][] = [];
  for (const piece of pieces) {
    if (piece.v === 0) stacks.push([piece]);
    else stacks[stacks.length - 1]!.push(piece);
  }
  return stacks;
}

function isBlank(piece: SplitSlide): boolean {
  // `|$`: an unclosed comment runs to the end (and the scan stays linear).
  const withoutComments = piece.body.text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  return withoutComments.trim() === '' && (piece.notes?.text.trim() ?? '') === '';
}

function compileSlide(
  piece: SplitSlide,
  file: string,
  h: number,
  v: number,
  settings: CompiledDeck['settings'],
  options: CompileOptions & { readData: (path: string) => string | null },
  diagnostics: Diagnostic[],
): Slide {
  const env: RenderEnv = {
    file,
    line: piece.body.line,
    settings,
    diagnostics,
    slideAttributes: {},
    charts: [],
    chartIdPrefix: `chart-${h + 1}${v ? `-${v + 1}` : ''}-`,
    assets: [],
    usage: {},
    diagrams: [],
    title: '',
    readData: options.readData,
    ...(options.resolveUrl && { resolveUrl: options.resolveUrl }),
  };
  const html = markdown.render(piece.body.text, env);
  let notesHtml = '';
  if (piece.notes) {
    // As in reveal.js, a `.slide` comment in the notes sets the slide's attributes.
    notesHtml = markdown.render(piece.notes.text, { ...env, line: piece.notes.line, notes: true, title: 'notes' });
  }
  if (options.resolveUrl) resolveBackgrounds(env.slideAttributes, file, options.resolveUrl);
  return {
    id: '',
    h,
    v,
    file,
    line: piece.line,
    title: env.title || plainText(html).slice(0, 60),
    attributes: env.slideAttributes,
    html: html + themeChrome(settings.themeVariables, env.slideAttributes),
    notesHtml,
    notesText: plainText(notesHtml),
    charts: env.charts,
    assets: env.assets,
    ...(Object.keys(env.usage).length > 0 && { usage: env.usage }),
    ...(env.diagrams.length > 0 && { diagrams: env.diagrams }),
  };
}

/** Slide backgrounds reveal.js loads from a local file go where the build puts them (a video may list several sources). */
function resolveBackgrounds(attributes: Record<string, string>, file: string, resolveUrl: (url: string, file: string) => string): void {
  const resolve = (url: string) => (isLocalUrl(url.trim()) ? resolveUrl(url.trim(), file) : url);
  const image = attributes['data-background-image'];
  if (image !== undefined) attributes['data-background-image'] = resolve(image);
  const video = attributes['data-background-video'];
  if (video !== undefined) attributes['data-background-video'] = video.split(',').map(resolve).join(',');
}

/** Text content of rendered HTML, for titles, handouts and search. */
export function plainText(html: string): string {
  return html
    // Unclosed elements and stray `<` must not make these scans quadratic on odd raw HTML.
    .replace(/<(script|style)[\s\S]*?(?:<\/\1>|$)/g, '')
    .replace(/<\/?(p|li|ul|ol|h[1-6]|div|br|tr|td|th|table|pre|blockquote|figure|figcaption|section|aside)\b[^<>]*>/gi, ' ')
    .replace(/<[^<>]+>/g, '')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\n]+/g, ' ')
    .trim();
}
