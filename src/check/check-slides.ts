/**
 * Visits every slide of an open deck and every fragment state of it, and
 * collects what the page probes find: layout (overflow, clipping) and text
 * size in each state, charts and images once the slide is shown, accessibility and the text
 * drawn on charts with all fragments shown, and uncaught script errors. Findings point at the Markdown
 * line of the block they concern, else at the slide's first line.
 */
import type { Diagnostic } from '../types.ts';
import type { CheckOptions } from './check-options.ts';
import { DOCUMENT_RULES } from './check-options.ts';
import type { BrowserPage } from '../browser/browser-page.ts';
import type { Progress } from '../export/progress.ts';
import { PAGE_NAMES, SOURCE_ATTRIBUTE } from '../page-contract.ts';
import type { PageFinding } from './page-finding.ts';
import { probeAccessibility } from './page/probe-accessibility.ts';
import { probeChartText } from './page/probe-chart-text.ts';
import { probeCodeHeight } from './page/probe-code-height.ts';
import { chartsSettled, probeCharts } from './page/probe-charts.ts';
import { imagesSettled, probeImages } from './page/probe-images.ts';
import { probeLayout } from './page/probe-layout.ts';
import { probeTextSize } from './page/probe-text-size.ts';
import { parseSource, type SourceLocation } from './source-location.ts';

const MAX_FRAGMENT_STEPS = 500;

interface SlidePosition {
  h: number;
  v: number;
  source: string | null;
}

export async function checkSlides(page: BrowserPage, options: CheckOptions, fallback: SourceLocation, progress?: Progress): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const slides = await page.evaluate(
    (sourceAttribute): SlidePosition[] =>
      window.Reveal.getSlides().map((section) => {
        const { h, v } = window.Reveal.getIndices(section);
        return { h, v: v ?? 0, source: section.getAttribute(sourceAttribute) };
      }),
    SOURCE_ATTRIBUTE,
  );
  progress?.step('checking slides');
  for (const error of page.takeUncaughtErrors()) {
    diagnostics.push({ ...fallback, severity: 'error', code: 'runtime-error', message: `the deck's scripts failed while loading: ${error}` });
  }

  for (const [index, slide] of slides.entries()) {
    progress?.advance(index + 1, slides.length);
    const at = parseSource(slide.source, fallback, options.slidesDir);
    // One finding per rule and line; later fragment states (more content shown) update the message.
    const found = new Map<string, { finding: PageFinding; step: number }>();
    const add = (findings: PageFinding[], step = 0) => {
      for (const finding of findings) {
        const key = finding.key ?? `${finding.code}:${finding.line}`;
        const seen = found.get(key);
        found.set(key, { finding, step: seen ? seen.step : step });
      }
    };

    await page.evaluate(({ h, v }) => {
      window.Reveal.slide(h, v);
      window.Reveal.navigateFragment(-1);
    }, slide);
    await page.waitFor(chartsSettled, PAGE_NAMES, options.chartTimeoutMs);
    add(await page.evaluate(probeCharts, { waitedMs: options.chartTimeoutMs, names: PAGE_NAMES }));
    await page.waitFor(imagesSettled, undefined, options.chartTimeoutMs);
    add(await page.evaluate(probeImages, PAGE_NAMES));

    // Every fragment state, from none shown to all shown (bounded, should a fragment never report the end).
    for (let step = 0; step <= MAX_FRAGMENT_STEPS; step++) {
      add(await page.evaluate(probeLayout, { tolerance: options.overflowTolerance, names: PAGE_NAMES }), step);
      add(await page.evaluate(probeTextSize, { minFontSize: options.minFontSize, names: PAGE_NAMES }), step);
      if (!(await page.evaluate(() => window.Reveal.nextFragment(), undefined))) break;
    }
    // Charts' text with every fragment shown: a chart that builds up has then drawn all its labels.
    await page.waitFor(chartsSettled, PAGE_NAMES, options.chartTimeoutMs);
    add(await page.evaluate(probeChartText, { minFontSize: options.minFontSize, names: PAGE_NAMES }));
    add(await page.evaluate(probeCodeHeight, PAGE_NAMES));
    add(await page.evaluate(probeAccessibility, { scope: 'slide' as const, tags: options.accessibilityTags, documentRules: DOCUMENT_RULES, names: PAGE_NAMES }));
    for (const error of page.takeUncaughtErrors()) add([{ code: 'runtime-error', severity: 'error', message: `the deck's scripts failed on this slide: ${error}`, line: null }]);

    for (const { finding, step } of found.values()) {
      diagnostics.push({
        severity: finding.severity,
        code: finding.code,
        message: step > 0 ? `${finding.message} (once fragment ${step} is shown)` : finding.message,
        file: at.file,
        line: finding.line ?? at.line,
      });
    }
  }
  return diagnostics;
}

/** Page-wide accessibility rules (the document's language and title), reported at the deck settings. */
export async function checkDocument(page: BrowserPage, options: CheckOptions, settingsAt: SourceLocation): Promise<Diagnostic[]> {
  const findings = await page.evaluate(probeAccessibility, { scope: 'document' as const, tags: options.accessibilityTags, documentRules: DOCUMENT_RULES, names: PAGE_NAMES });
  return findings.map((finding) => ({ ...settingsAt, severity: finding.severity, code: finding.code, message: finding.message }));
}
