/**
 * A build puts the compiled deck into the runtime bundle: the page template
 * gets the slides and the manifest; the runtime's files are the same for every
 * deck (bundled once, then reused); the deck's images are copied with hashed names.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withModuleLocation } from '../../bin/compiled-cli.js';
import { load } from 'cheerio';
import { PageTemplateError, renderDeckPage, SLIDES_MARKER } from '../../src/compiler/render-deck-page.ts';
import { EAGER_SLIDES, renderLaterSections, splitEagerSlides } from '../../src/compiler/render-sections.ts';
import { DEFERRED_BODY_CLASS } from '../../src/page-contract.ts';
import { compileDeck } from '../../src/compiler/index.ts';
import { RuntimeNotCachedError } from '../../src/errors.ts';
import { buildDeck } from '../../src/builder/build-deck.ts';
import { startFreshBuild } from '../../src/builder/fresh-build.ts';
import { MANIFEST_ELEMENT_ID, SLIDE_INDEX_ELEMENT_ID } from '../../src/types.ts';
import { deckPlugin } from '../../src/vite/deck-plugin.ts';
import { SAMPLE_DECK } from '../support/build-fixture.ts';

const TEMPLATE = `<!doctype html>\n<html lang="de" class="no-js">\n<head>\n<title>Deck</title>\n</head>\n<body>\n<div class="reveal"><div class="slides">\n${SLIDES_MARKER}\n</div></div>\n<script type="module" src="./assets/index.js"></script>\n</body>\n</html>\n`;

const compile = (markdown: string, settings?: string) =>
  compileDeck({ slides: [{ path: 'slides/01.md', text: markdown }], settings: settings ? { path: 'slides/deck.yaml', text: settings } : null });

function jsonOf(html: string, id: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(html);
  return match ? JSON.parse(match[1]!) : null;
}
const manifestOf = (html: string) => jsonOf(html, MANIFEST_ELEMENT_ID);

describe('renderDeckPage', () => {
  it('puts the slides, language, title, author and manifest into the template', () => {
    const deck = compile('## Eins\n\n---\n\n## Zwei', 'title: Zahlen & Fakten\nauthor: Team\nlang: en\n');
    const html = renderDeckPage(TEMPLATE, deck);
    expect(html).toContain('<html lang="en" class="no-js">');
    expect(html).toContain('<title>Zahlen &amp; Fakten</title>');
    expect(html).toContain('<meta name="author" content="Team">');
    expect(html).toMatch(/<div class="slides">\n<section[^>]*id="eins"[\s\S]*<section[^>]*id="zwei"[\s\S]*<\/div><\/div>/);
    expect(html).not.toContain(SLIDES_MARKER);
    // The settings apart from the slides' entries, which grow with the deck and are read after ready.
    expect(manifestOf(html)).toEqual({ settings: deck.settings });
    expect(jsonOf(html, SLIDE_INDEX_ELEMENT_ID)).toEqual(deck.slides.map(({ id, h, v, title, file, line }) => ({ id, h, v, title, file, line })));
  });

  it('keeps the manifest inside its script element whatever the deck says', () => {
    const deck = compile('## A', 'title: "</script><script>alert(1)</script> <!-- $& $1"\n');
    const html = renderDeckPage(TEMPLATE, deck);
    expect(html.match(/<script/g)).toHaveLength(3);
    expect((manifestOf(html) as { settings: { title: string } }).settings.title).toBe('</script><script>alert(1)</script> <!-- $& $1');
  });

  it('carries the bodies of the slides after the first EAGER_SLIDES as JSON strings inside their sections', () => {
    const markdown = Array.from({ length: EAGER_SLIDES + 2 }, (_, i) => `## Folie ${i + 1}\n\n<script>alert(${i})</script> Text`).join('\n\n---\n\n');
    const deck = compile(markdown);
    const $ = load(renderDeckPage(TEMPLATE, deck));
    const sections = $('.slides > section');
    expect(sections).toHaveLength(EAGER_SLIDES + 2);
    expect(sections.eq(EAGER_SLIDES - 1).find('h2').text()).toBe(`Folie ${EAGER_SLIDES}`);
    const deferred = sections.eq(EAGER_SLIDES);
    expect(deferred.attr('id')).toBe(`folie-${EAGER_SLIDES + 1}`);
    expect(deferred.children()).toHaveLength(1);
    expect(JSON.parse(deferred.children(`script.${DEFERRED_BODY_CLASS}`).text())).toBe(`\n${deck.slides[EAGER_SLIDES]!.html}`);
  });

  it('leaves a build\'s slides after the first EAGER_SLIDES to a file, cutting no vertical stack, with the whole deck\'s count', () => {
    // The vertical stack of three holds slides EAGER_SLIDES - 1 … EAGER_SLIDES + 1 (0-based): the page keeps it whole.
    const horizontal = Array.from({ length: EAGER_SLIDES }, (_, i) => `## Folie ${i + 1}`);
    const stack = ['## Stapel oben', '## Stapel Mitte', '<!-- .slide: data-visibility="uncounted" -->\n\n## Stapel unten'].join('\n\n--\n\n');
    const tail = ['## Danach', '<!-- .slide: data-visibility="hidden" -->\n\n## Versteckt', '## Ende'];
    const deck = compileDeck({
      slides: [{ path: 'slides/01.md', text: [...horizontal.slice(0, -1), stack, ...tail].join('\n\n---\n\n') }],
      settings: null,
    });
    expect(deck.diagnostics).toEqual([]);
    const { eager, later } = splitEagerSlides(deck.slides);
    expect(eager.map((slide) => slide.title).slice(-3)).toEqual(['Stapel oben', 'Stapel Mitte', 'Stapel unten']);
    expect(later.map((slide) => slide.title)).toEqual(['Danach', 'Versteckt', 'Ende']);

    const html = renderDeckPage(TEMPLATE, deck, { laterSlidesHref: 'assets/later-slides-x.html' });
    const $ = load(html);
    expect($('.slides section:not(.stack)').map((_, e) => $(e).attr('id')).get()).toEqual(eager.map((slide) => slide.id));
    // reveal.js counts neither the uncounted nor the hidden slide.
    expect((manifestOf(html) as { laterSlides: unknown }).laterSlides).toEqual({ href: 'assets/later-slides-x.html', total: EAGER_SLIDES + 2 - 1 + 2 });
    // The index still lists every slide.
    expect((jsonOf(html, SLIDE_INDEX_ELEMENT_ID) as unknown[]).length).toBe(deck.slides.length);

    const file = load(renderLaterSections(later), null, false);
    expect(file('section').map((_, e) => file(e).attr('id')).get()).toEqual(later.map((slide) => slide.id));
    expect(JSON.parse(file(`#${later[2]!.id} > script.${DEFERRED_BODY_CLASS}`).text())).toContain('Ende');

    // Without a file (the dev server, the single-file HTML) the page carries every slide.
    const whole = load(renderDeckPage(TEMPLATE, deck));
    expect(whole('.slides section:not(.stack)')).toHaveLength(deck.slides.length);
    expect(manifestOf(renderDeckPage(TEMPLATE, deck))).toEqual({ settings: deck.settings });
  });

  it('leaves no file for a deck of EAGER_SLIDES slides', () => {
    const deck = compile(Array.from({ length: EAGER_SLIDES }, (_, i) => `## Folie ${i + 1}`).join('\n\n---\n\n'));
    expect(splitEagerSlides(deck.slides).later).toEqual([]);
    expect(manifestOf(renderDeckPage(TEMPLATE, deck, { laterSlidesHref: 'assets/later.html' }))).toEqual({ settings: deck.settings });
  });

  it('names what the template lacks', () => {
    expect(() => renderDeckPage(TEMPLATE.replace(SLIDES_MARKER, ''), compile('## A'))).toThrow(PageTemplateError);
    expect(() => renderDeckPage(TEMPLATE.replace('</body>', ''), compile('## A'))).toThrow(/<\/body>/);
  });
});

describe('deck build on the runtime bundle', () => {
  it('ships the same runtime files for every deck, from the cache, and the deck’s images with hashed names', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deck-assembly-'));
    const other = join(root, 'other');
    cpSync(SAMPLE_DECK, other, { recursive: true });
    writeFileSync(join(other, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    writeFileSync(join(other, '09-bild.md'), '## Bild\n\n![Logo der Firma](logo.svg)\n');

    const first = await buildDeck({ slidesDir: SAMPLE_DECK, outDir: join(root, 'a') });
    const second = await buildDeck({ slidesDir: other, outDir: join(root, 'b') });
    expect(second.runtimeCached).toBe(true);

    const runtimeFiles = (dir: string) => readdirSync(join(dir, 'assets')).filter((name) => !name.startsWith('logo-')).sort();
    expect(runtimeFiles(second.outDir)).toEqual(runtimeFiles(first.outDir));
    const html = readFileSync(join(second.outDir, 'index.html'), 'utf8');
    const image = /<img src="\.\/(assets\/logo-[\w-]{8}\.svg)" alt="Logo der Firma"/.exec(html);
    expect(image).not.toBeNull();
    expect(readFileSync(join(second.outDir, image![1]!), 'utf8')).toContain('<svg');
    expect(html).toContain('id="bild"');
    expect(readFileSync(join(first.outDir, 'index.html'), 'utf8')).not.toContain('id="bild"');
  });

  it('copies slide backgrounds set by .slide comments with the deck and points the slide at them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deck-assembly-'));
    const slidesDir = join(root, 'slides');
    cpSync(SAMPLE_DECK, slidesDir, { recursive: true });
    writeFileSync(join(slidesDir, 'hintergrund.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>');
    writeFileSync(join(slidesDir, '09-hintergrund.md'), '<!-- .slide: data-background-image="hintergrund.svg" data-background-video="fehlt.mp4,https://example.com/v.webm" -->\n## Hintergrund\n');
    const built = await buildDeck({ slidesDir, outDir: join(root, 'out') });
    const html = readFileSync(join(built.outDir, 'index.html'), 'utf8');
    const background = /data-background-image="\.\/(assets\/hintergrund-[\w-]{8}\.svg)"/.exec(html);
    expect(background).not.toBeNull();
    expect(readFileSync(join(built.outDir, background![1]!), 'utf8')).toContain('<svg');
    // A missing file and another host stay as written (and are warnings).
    expect(html).toContain('data-background-video="fehlt.mp4,https://example.com/v.webm"');
    expect(built.warnings.map((w) => w.code).sort()).toEqual(['external-host', 'missing-file']);
  });

  it('copies the local files of raw HTML (img, video, source, style url()) with the deck and points the tags at them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deck-assembly-'));
    const slidesDir = join(root, 'slides');
    cpSync(SAMPLE_DECK, slidesDir, { recursive: true });
    mkdirSync(join(slidesDir, 'img'));
    writeFileSync(join(slidesDir, 'img', 'foto.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>');
    writeFileSync(join(slidesDir, 'img', 'film.webm'), 'webm');
    writeFileSync(join(slidesDir, 'img', 'grund.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>');
    writeFileSync(
      join(slidesDir, '09-html.md'),
      '## HTML\n\n<img src="img/foto.svg" width="400" alt="Foto">\n\n<video poster="img/foto.svg" controls><source src="img/film.webm" type="video/webm"></video>\n\n<div style="background-image: url(img/grund.svg)">Text</div>\n\n<img src="img/fehlt.png" alt="">\n',
    );
    const built = await buildDeck({ slidesDir, outDir: join(root, 'out') });
    const html = readFileSync(join(built.outDir, 'index.html'), 'utf8');
    const copied = (pattern: RegExp) => {
      const match = pattern.exec(html);
      expect(match, String(pattern)).not.toBeNull();
      return readFileSync(join(built.outDir, match![1]!), 'utf8');
    };
    expect(copied(/<img[^>]* src="\.\/(assets\/foto-[\w-]{8}\.svg)" width="400" alt="Foto">/)).toContain('width="4"');
    expect(copied(/<video poster="\.\/(assets\/foto-[\w-]{8}\.svg)" controls>/)).toContain('width="4"');
    expect(copied(/<source src="\.\/(assets\/film-[\w-]{8}\.webm)" type="video\/webm">/)).toBe('webm');
    expect(copied(/style="background-image: url\(\.\/(assets\/grund-[\w-]{8}\.svg)\)"/)).toContain('width="16"');
    // One copy of a file named twice; a missing one stays as written and is a warning.
    expect(readdirSync(join(built.outDir, 'assets')).filter((name) => name.startsWith('foto-'))).toHaveLength(1);
    expect(html).toContain('src="img/fehlt.png" alt="">');
    expect(built.warnings.map((w) => `${w.line}: ${w.message} [${w.code}]`)).toEqual(['9: image "img/fehlt.png" not found [missing-file]']);
  });
});

describe('a build that may not bundle the runtime (the exporter’s, in its own process)', () => {
  /** A deck with a theme of its own: its runtime is bundled by Vite for every build, never cached. */
  function themedDeck(root: string): string {
    const slidesDir = join(root, 'themed');
    cpSync(SAMPLE_DECK, slidesDir, { recursive: true });
    writeFileSync(join(slidesDir, 'mein-thema.css'), ':root { --deck-accent: #b00020; }\n');
    const settings = readFileSync(join(slidesDir, 'deck.yaml'), 'utf8');
    writeFileSync(join(slidesDir, 'deck.yaml'), `${settings.replace(/^theme:.*$/m, '')}\ntheme: ./mein-thema.css\n`);
    return slidesDir;
  }

  it('builds from the cached runtime bundle', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deck-assembly-'));
    await buildDeck({ slidesDir: SAMPLE_DECK, outDir: join(root, 'warm') });
    const built = await buildDeck({ slidesDir: SAMPLE_DECK, outDir: join(root, 'cached-only'), cachedRuntimeOnly: true });
    expect(built.runtimeCached).toBe(true);
    expect(existsSync(join(built.outDir, 'index.html'))).toBe(true);
  });

  it('stops with RuntimeNotCachedError, writing nothing, when the runtime would need Vite', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deck-assembly-'));
    const slidesDir = themedDeck(root);
    await expect(buildDeck({ slidesDir, outDir: join(root, 'out'), cachedRuntimeOnly: true })).rejects.toBeInstanceOf(RuntimeNotCachedError);
    expect(readdirSync(root)).toEqual(['themed']);
  });

  it('is done by a child process for the exporter then, with the deck’s theme', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deck-assembly-'));
    const slidesDir = themedDeck(root);
    const build = await startFreshBuild(slidesDir, join(root, 'out')).done;
    expect(build.reused).toBe(false);
    const css = readdirSync(join(build.outDir, 'assets'))
      .filter((name) => name.endsWith('.css'))
      .map((name) => readFileSync(join(build.outDir, 'assets', name), 'utf8'))
      .join('');
    expect(css).toMatch(/--deck-accent:\s*#b00020/);
    // Its stamp is as good as one from a build in the exporter's own process.
    expect(startFreshBuild(slidesDir, join(root, 'out')).reused).toBe(true);
  }, 60_000);

  it('is built again when an image outside the slides folder changes (the slides folder alone is unchanged)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deck-assembly-'));
    const slidesDir = join(root, 'talk');
    cpSync(SAMPLE_DECK, slidesDir, { recursive: true });
    mkdirSync(join(root, 'img'));
    const image = join(root, 'img', 'punkt.svg');
    writeFileSync(image, '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#000"/></svg>');
    writeFileSync(join(slidesDir, '09-bild.md'), '## Bild\n\n![Punkt](../img/punkt.svg)\n');
    const out = join(root, 'out');
    expect((await startFreshBuild(slidesDir, out).done).reused).toBe(false);
    expect(startFreshBuild(slidesDir, out).reused).toBe(true);
    writeFileSync(image, '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#fff"/></svg>');
    const again = startFreshBuild(slidesDir, out);
    expect(again.reused).toBe(false);
    await again.done;
    expect(startFreshBuild(slidesDir, out).reused).toBe(true);
  }, 60_000);

  it('hands the exporter the build’s warnings, from its own process and from the child', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deck-assembly-'));
    const plain = join(root, 'plain');
    cpSync(SAMPLE_DECK, plain, { recursive: true });
    const themed = themedDeck(root);
    for (const dir of [plain, themed]) writeFileSync(join(dir, '09-bild.md'), '## Bild\n\n![Fehlt](fehlt.png)\n');
    const inProcess = await startFreshBuild(plain, join(root, 'out-plain')).done;
    const inChild = await startFreshBuild(themed, join(root, 'out-themed')).done;
    for (const build of [inProcess, inChild]) {
      expect(build.warnings).toEqual([expect.stringMatching(/09-bild\.md:3: image "fehlt\.png" not found \[missing-file\]$/)]);
    }
  }, 60_000);
});

describe('the Vite plugin (deck dev)', () => {
  function pluginFor(slidesDir: string, command: 'serve' | 'build') {
    const plugin = deckPlugin({ slidesDir });
    (plugin.configResolved as (config: unknown) => void)({ command, root: slidesDir });
    return plugin;
  }

  it('serves a deck with a missing image or another host, the references as written, and warns', async () => {
    const slidesDir = join(mkdtempSync(join(tmpdir(), 'deck-plugin-')), 'slides');
    cpSync(SAMPLE_DECK, slidesDir, { recursive: true });
    writeFileSync(join(slidesDir, '09-bild.md'), '## Bild\n\n![Fehlt](fehlt.png)\n\n<img alt="Fremd" src="https://cdn.example.com/a.png">\n');
    const served = (pluginFor(slidesDir, 'serve').transformIndexHtml as { handler: (html: string) => string }).handler(TEMPLATE);
    expect(served).toContain('<img src="fehlt.png" alt="Fehlt"');
    expect(served).toContain('src="https://cdn.example.com/a.png"');

    const warnings: string[] = [];
    const build = pluginFor(slidesDir, 'build');
    (build.buildStart as (this: unknown) => void).call({ warn: (message: string) => warnings.push(message) });
    expect(warnings).toEqual([
      expect.stringMatching(/09-bild\.md:3: warning: image "fehlt\.png" not found \[missing-file\]$/),
      expect.stringMatching(/09-bild\.md:5: warning: <img src> "https:\/\/cdn\.example\.com\/a\.png" loads from another host .* \[external-host\]$/),
    ]);
  });

  it('serves the local files of raw HTML from where they are, as it does Markdown images', () => {
    const slidesDir = join(mkdtempSync(join(tmpdir(), 'deck-plugin-')), 'slides');
    cpSync(SAMPLE_DECK, slidesDir, { recursive: true });
    writeFileSync(join(slidesDir, 'foto.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>');
    writeFileSync(join(slidesDir, '09-bild.md'), '## Bild\n\n![Foto](foto.svg)\n\n<img src="foto.svg" alt="Foto" width="400">\n');
    const served = (pluginFor(slidesDir, 'serve').transformIndexHtml as { handler: (html: string) => string }).handler(TEMPLATE);
    const url = `/@fs${join(slidesDir, 'foto.svg')}`;
    expect(served).toContain(`<img src="${url}" alt="Foto"`);
    expect(served).toContain(`src="${url}" alt="Foto" width="400">`);
  });
});

describe('the compiled CLI', () => {
  it('keeps each bundled module’s own location (import.meta.url, .dirname, .filename)', () => {
    const code = 'const root = new URL("../..", import.meta.url);\nconst here = [import.meta.dirname, import.meta.filename];';
    expect(withModuleLocation(code, '/app/src/cli/main.ts')).toBe(
      'const root = new URL("../..", "file:///app/src/cli/main.ts");\nconst here = ["/app/src/cli", "/app/src/cli/main.ts"];',
    );
  });

  it('is one bundle entry in the cache, and the `deck` command runs from it', async () => {
    const { compiledCli } = await import('../../bin/compiled-cli.js');
    const entry = await compiledCli();
    expect(entry).toMatch(/\/node_modules\/\.cache\/markdown-deck\/cli\/[0-9a-f]{16}\/main\.js$/);
    const { stdout } = await promisify(execFile)(process.execPath, [join(import.meta.dirname, '../../bin/deck.js'), 'build', '--help']);
    expect(stdout).toContain('Usage: deck build');
  });
});
