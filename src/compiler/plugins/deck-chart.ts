/**
 * A fenced block with info string `chart` becomes a validated chart figure;
 * errors point at the offending YAML key's line in the Markdown file.
 */
import type { MarkdownIt } from 'markdown-it';
import { renderChart } from '../chart/chart-html.ts';
import { validateChart } from '../chart/chart-validate.ts';
import { deckEnv, lineOf } from '../render-env.ts';
import { escapeHtml } from '../html/escape-html.ts';

export default function deckChart(md: MarkdownIt): void {
  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, rawEnv, self) => {
    const env = deckEnv(rawEnv);
    const token = tokens[index]!;
    if (token.info.trim().split(/\s+/)[0] !== 'chart') return fallback(tokens, index, options, rawEnv, self);

    const fenceLine = lineOf(env, token.map);
    const { spec, diagnostics } = validateChart(
      { yaml: token.content, file: env.file, line: fenceLine + 1, fenceLine, id: `${env.chartIdPrefix}${env.charts.length + 1}`, readData: env.readData },
      env.settings,
    );
    env.diagnostics.push(...diagnostics);
    if (!spec) {
      const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
      return `<figure class="deck-chart deck-chart-invalid"><figcaption>${escapeHtml(first ? `${first.file}:${first.line}: ${first.message}` : 'invalid chart')}</figcaption></figure>\n`;
    }
    env.charts.push(spec);
    return renderChart(spec);
  };
}
