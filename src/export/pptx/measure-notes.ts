/**
 * Runs in the print view: the speaker notes of the asked-for print pages, as paragraphs and list
 * items (with their nesting) in plain text, for the slides' notes in PowerPoint. Self-contained: it
 * is serialised into the page and gets the shared names as its argument.
 */
import type { PageNames } from '../../page-contract.ts';
import type { NotesParagraph } from './slide-layout.ts';

export function measureNotes({ names, pages }: { names: PageNames; pages: { index: number }[] }): NotesParagraph[][] {
  const printPages = Array.from(document.querySelectorAll(names.printPage));
  return pages.map(({ index }) => notesOf(printPages[index]?.querySelector(`section ${names.notes}`) ?? null));

  function notesOf(aside: Element | null): NotesParagraph[] {
    if (!aside) return [];
    const paragraphs: NotesParagraph[] = [];
    const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
    const walk = (parent: Element, level: number) => {
      for (const child of Array.from(parent.children)) {
        if (child.tagName === 'UL' || child.tagName === 'OL') {
          for (const item of Array.from(child.children)) {
            const own = Array.from(item.childNodes)
              .filter((n) => !(n instanceof Element && (n.tagName === 'UL' || n.tagName === 'OL')))
              .map((n) => n.textContent ?? '')
              .join('');
            paragraphs.push({ text: collapse(own), level: level + 1 });
            walk(item, level + 1);
          }
        } else if (child.children.length && !/^(P|H[1-6]|PRE)$/.test(child.tagName)) walk(child, level);
        else if (collapse(child.textContent ?? '')) paragraphs.push({ text: child.tagName === 'PRE' ? (child.textContent ?? '').trimEnd() : collapse(child.textContent ?? ''), level });
      }
    };
    walk(aside, 0);
    if (!paragraphs.length && collapse(aside.textContent ?? '')) paragraphs.push({ text: collapse(aside.textContent ?? ''), level: 0 });
    return paragraphs;
  }
}
