/**
 * Raw HTML in slides (`<img src>`, `<iframe>`, `<link>`, `<script src>`, CSS
 * `url()` …) may reference other hosts, which a deck that must work offline
 * cannot: each is an `external-host` error (a warning for `<a href>`, which
 * loads nothing by itself) unless the host is in the deck's `allowedHosts`.
 * reveal.js attributes that load media (`data-background-image` in a
 * `<!-- .slide: … -->` comment, `data-src`) count too. Local references join
 * the slide's assets, so missing files are reported like those of Markdown
 * images and links.
 */
import type { MarkdownIt } from 'markdown-it';
import { externalHost, htmlReferences } from '../html/html-references.ts';
import { forEachHtml, newlinesBefore } from '../inline-lines.ts';
import { isLocalUrl } from './deck-assets.ts';
import { ATTRIBUTE_COMMENT } from '../html/parse-attributes.ts';
import { deckEnv, type RenderEnv } from '../render-env.ts';

function collect(env: RenderEnv, html: string, firstLine: number): void {
  // An attribute comment is scanned as the tag it decorates: the comment's line for all of it.
  const directive = ATTRIBUTE_COMMENT.exec(html);
  const references = directive
    ? htmlReferences(`<directive ${directive[2]!.replace(/\n/g, ' ')}>`).map((reference) => ({
        ...reference,
        via: `${reference.via.slice('<directive '.length, -1)} in <!-- .${directive[1]}: -->`,
        index: 0,
      }))
    : htmlReferences(html);
  const linesBefore = newlinesBefore(html);
  for (const reference of references) {
    const line = firstLine + linesBefore(reference.index);
    const host = externalHost(reference.url);
    if (host !== null) {
      if (env.settings.allowedHosts.includes(host)) continue;
      const link = reference.kind === 'link';
      env.diagnostics.push({
        severity: link ? 'warning' : 'error',
        code: 'external-host',
        message: `${reference.via} "${reference.url}" ${link ? 'links to' : 'loads from'} another host (${host}): the deck would need the network; add it to allowedHosts in the deck settings to allow it`,
        file: env.file,
        line,
      });
    } else if (isLocalUrl(reference.url)) {
      env.assets.push({ url: reference.url, kind: reference.kind === 'link' ? 'link' : 'image', line });
    }
  }
}

export default function deckHtmlReferences(md: MarkdownIt): void {
  // Right after inline parsing: before the attribute plugins remove their comments.
  md.core.ruler.after('inline', 'deck_html_references', (state) => {
    const env = deckEnv(state.env);
    forEachHtml(env, state.tokens, (html, line) => collect(env, html, line));
  });
}
