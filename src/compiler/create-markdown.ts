/** The markdown-it pipeline of the deck, in one ordered chain. */
import MarkdownIt from 'markdown-it';
import deckAssets from './plugins/deck-assets.ts';
import deckChart from './plugins/deck-chart.ts';
import deckColumns from './plugins/deck-columns.ts';
import deckCodeSteps from './plugins/deck-code-steps.ts';
import deckDiagram from './plugins/deck-diagram.ts';
import deckElementAttributes from './plugins/deck-element-attributes.ts';
import deckLayouts from './plugins/deck-layouts.ts';
import deckSlideAttributes from './plugins/deck-slide-attributes.ts';
import deckTitle from './plugins/deck-title.ts';
import deckHtmlReferences from './plugins/deck-html-references.ts';
import deckImageAlt from './plugins/deck-image-alt.ts';
import deckMath from './plugins/deck-math.ts';
import deckResolveUrls from './plugins/deck-resolve-urls.ts';
import deckSourceLines from './plugins/deck-source-lines.ts';
import deckUnknownDirective from './plugins/deck-unknown-directive.ts';
import { escapeHtml } from './html/escape-html.ts';
import { highlightCode } from './highlighter.ts';

/** Code is highlighted at build time, so the browser needs no highlighter. */
function highlight(code: string, language: string): string {
  const lang = language.trim().split(/\s+/)[0] ?? '';
  const body = highlightCode(code, lang);
  return `<pre><code class="hljs${lang ? ` language-${escapeHtml(lang)}` : ''}">${body}</code></pre>`;
}

export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  return new MarkdownIt({ html: true, linkify: false, typographer: false, highlight })
    .use(deckColumns)
    .use(deckSlideAttributes)
    .use(deckElementAttributes)
    // After the attribute comments: the slide's classes name its layout.
    .use(deckLayouts)
    .use(deckTitle)
    .use(deckAssets)
    // Before the chart plugin, which wraps the fence renderer: a chart fence never reaches it.
    .use(deckCodeSteps)
    .use(deckDiagram)
    .use(deckChart)
    .use(deckMath)
    .use(deckUnknownDirective)
    .use(deckImageAlt)
    .use(deckHtmlReferences)
    // After the checks above, which name URLs as written.
    .use(deckResolveUrls)
    // Last: marks what the plugins above produced, and wraps the chart plugin's fence renderer.
    .use(deckSourceLines);
}
