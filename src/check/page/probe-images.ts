/**
 * Runs inside the page (self-contained, for `page.evaluate`): images of the
 * current slide that did not load in the built deck, such as a file the
 * browser cannot read as an image (local files are copied with the build).
 */
import type { PageNames } from '../../page-contract.ts';
import type { PageFinding } from '../page-finding.ts';

/** True once every image of the current slide has loaded or failed. */
export function imagesSettled(): boolean {
  return Array.from(window.Reveal.getCurrentSlide().querySelectorAll('img')).every((image) => image.complete);
}

export function probeImages(names: PageNames): PageFinding[] {
  const section = window.Reveal.getCurrentSlide();
  return Array.from(section.querySelectorAll('img'))
    .filter((image) => image.complete && image.naturalWidth === 0 && image.getAttribute('src') && !image.closest(names.notes))
    .map((image) => {
      const src = image.getAttribute('src')!;
      const local = !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src);
      const marked = image.closest(`[${names.line}]`);
      return {
        code: 'broken-image',
        severity: 'error' as const,
        message: `image "${src}" does not load in the built deck${local ? ': the file is missing or not an image the browser can read' : ''}`,
        line: marked && section.contains(marked) ? Number(marked.getAttribute(names.line)) : null,
      };
    });
}
