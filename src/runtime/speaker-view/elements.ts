/** The few DOM builders of the speaker view's layout and the phone remote's. */
import type { Strings } from '../../strings/strings.ts';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** A button named for screen readers by `label`, with `title` as its tooltip. */
export function labelledButton(className: string, text: string, label: string, title = label): HTMLButtonElement {
  const node = element('button', className, text);
  node.type = 'button';
  node.setAttribute('aria-label', label);
  node.title = title;
  return node;
}

export interface NotesPanel {
  panel: HTMLElement;
  notesTitle: HTMLElement;
  /** The notes, which scroll on their own. */
  notes: HTMLElement;
  smaller: HTMLButtonElement;
  larger: HTMLButtonElement;
}

/**
 * The notes panel of the speaker view and of the remote: a heading with A− / A+ over the notes.
 * Its classes are `prefix` followed by `-notes-panel`, `-notes-head`, `-notes-title`, `-notes`, `-smaller`, `-larger`.
 */
export function createNotesPanel(prefix: string, s: Strings, button: (className: string, text: string, label: string, shortcut?: string) => HTMLButtonElement): NotesPanel {
  const panel = element('section', `${prefix}-notes-panel`);
  const head = element('div', `${prefix}-notes-head`);
  const notesTitle = element('h2', `${prefix}-notes-title`, s.speakerNotes);
  const smaller = button(`${prefix}-smaller`, 'A−', s.speakerNotesSmaller, '−');
  const larger = button(`${prefix}-larger`, 'A+', s.speakerNotesLarger, '+');
  head.append(notesTitle, smaller, larger);
  const notes = element('div', `${prefix}-notes`);
  notes.tabIndex = 0;
  notes.setAttribute('aria-label', s.speakerNotes);
  panel.append(head, notes);
  return { panel, notesTitle, notes, smaller, larger };
}
