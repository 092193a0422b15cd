/**
 * The `index.html` each area serves: the build's page with `<meta name="deck-present">` holding the
 * page's `PresentPageConfig`, which tells the runtime to load present mode and what it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../compiler/html/escape-html.ts';
import { PRESENT_META_NAME } from '../page-contract.ts';
import { RELAY_PATH, type PresentPageConfig } from './protocol.ts';
import type { PresentUrls } from './present-urls.ts';

export function pageConfigs(urls: PresentUrls): { presenter: PresentPageConfig; audience: PresentPageConfig } {
  return {
    presenter: { role: 'presenter', relay: RELAY_PATH, remoteUrl: urls.remote, audienceUrl: urls.audience },
    // The audience learns nothing of the other areas.
    audience: { role: 'audience', relay: RELAY_PATH },
  };
}

/** The build's index.html with the configuration injected into its head. */
export function presentIndexHtml(buildDir: string, config: PresentPageConfig): string {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const meta = `<meta name="${PRESENT_META_NAME}" content="${escapeHtml(JSON.stringify(config))}">\n`;
  const headEnd = html.indexOf('</head>');
  if (headEnd < 0) throw new Error(`${join(buildDir, 'index.html')} has no </head>`);
  return html.slice(0, headEnd) + meta + html.slice(headEnd);
}
