/**
 * Runs inside the page (self-contained, for `page.evaluate`): finds code blocks of the current slide
 * whose code, laid out in full, is taller than the slide itself — no scrolling within the block or
 * shrinking of the slide makes such a block readable at once. A warning at the slide's line (the
 * message names the block's own line); a block that is only taller than its box is `clipped`.
 */
import type { PageNames } from '../../page-contract.ts';
import type { PageFinding } from '../page-finding.ts';

export function probeCodeHeight(names: PageNames): PageFinding[] {
  const section = window.Reveal.getCurrentSlide() as HTMLElement;
  const slideHeight = Number(window.Reveal.getConfig().height) || section.offsetHeight;
  const findings: PageFinding[] = [];
  for (const pre of Array.from(section.querySelectorAll('pre'))) {
    // A stepped block holds one copy of its code per step: the first tells the height of all.
    const code = pre.querySelector('code') ?? pre;
    if (getComputedStyle(code).display === 'none') continue;
    const height = code.scrollHeight;
    if (height <= slideHeight) continue;
    const lines = (code.querySelector('table.hljs-ln')?.querySelectorAll('tr').length ?? code.textContent!.replace(/\n$/, '').split('\n').length);
    const at = pre.closest(`[${names.line}]`)?.getAttribute(names.line);
    findings.push({
      code: 'code-too-tall',
      severity: 'warning',
      message: `the code block${at ? ` at line ${at}` : ''} is ${Math.round(height)} px tall in full (${lines} lines), taller than the slide (${slideHeight} px): show fewer lines, or split it over slides`,
      line: null,
      key: `code-too-tall:${at ?? ''}`,
    });
  }
  return findings;
}
