/**
 * Runs inside the page (self-contained, for `page.evaluate`), after axe-core
 * has been added to it: accessibility problems of the current slide (contrast,
 * missing names, invalid languages, …), one finding per rule and source line.
 * With `scope: 'document'`, the rules about the page as a whole instead
 * (`html-has-lang`, `html-lang-valid`, `document-title`), not tied to a slide.
 */
import type axe from 'axe-core';
import type { PageNames } from '../../page-contract.ts';
import type { PageFinding } from '../page-finding.ts';

declare global {
  interface Window {
    axe: typeof axe;
  }
}

export interface AccessibilityProbeOptions {
  scope: 'slide' | 'document';
  /** axe-core tags to run on a slide, e.g. `wcag2aa`. */
  tags: string[];
  /** Rules run once on the whole document. */
  documentRules: string[];
  names: PageNames;
}

export async function probeAccessibility(options: AccessibilityProbeOptions): Promise<PageFinding[]> {
  const section = window.Reveal.getCurrentSlide();
  const slide = options.scope === 'slide';
  const results = await window.axe.run(slide ? section : document, {
    runOnly: slide ? { type: 'tag', values: options.tags } : { type: 'rule', values: options.documentRules },
    ...(slide && { rules: Object.fromEntries(options.documentRules.map((rule) => [rule, { enabled: false }])) }),
    resultTypes: ['violations'],
    elementRef: true,
    preload: false,
  });
  const grouped = new Map<string, PageFinding & { count: number }>();
  for (const violation of results.violations) {
    for (const node of violation.nodes) {
      const element = node.element ?? null;
      const marked = element?.closest(`[${options.names.line}]`);
      const line = slide && marked && section.contains(marked) ? Number(marked.getAttribute(options.names.line)) : null;
      const key = `${violation.id}:${line}`;
      const existing = grouped.get(key);
      if (existing) {
        existing.count++;
        continue;
      }
      const detail = [...node.any, ...node.all, ...node.none].map((check) => check.message).find(Boolean);
      grouped.set(key, {
        code: `a11y-${violation.id}`,
        severity: violation.impact === 'critical' || violation.impact === 'serious' ? 'error' : 'warning',
        message: `${violation.help}${detail ? `: ${detail}` : ''}`,
        line,
        count: 1,
      });
    }
  }
  return [...grouped.values()].map(({ count, ...finding }) => ({
    ...finding,
    message: count > 1 ? `${finding.message} (${count} elements)` : finding.message,
  }));
}
