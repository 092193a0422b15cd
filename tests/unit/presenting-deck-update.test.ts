/** What the dev server sends when slides change: content, notes only, structure, or a reload. */
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/compiler/index.ts';
import { diffDecks } from '../../src/vite/deck-update.ts';

const deck = (text: string, settings = '') =>
  compileDeck({ slides: [{ path: 'slides/01.md', text }], ...(settings && { settings: { path: 'slides/deck.yaml', text: settings } }) });

const BASE = '# Eins\n\nText\n\nNote: Notiz eins\n\n---\n\n## Zwei\n\nMehr\n\nNote: Notiz zwei\n';

describe('diffDecks', () => {
  it('sends nothing when nothing visible changed', () => {
    expect(diffDecks(deck(BASE), deck(BASE))).toBeNull();
  });

  it('marks an edit of the notes alone as notes-only, with the slide’s new markup', () => {
    const update = diffDecks(deck(BASE), deck(BASE.replace('Notiz zwei', 'Notiz **zwei**')));
    expect(update).toMatchObject({ kind: 'content', changed: [{ index: 1, notesOnly: true }] });
    expect(update !== 'reload' && update?.kind === 'content' && update.changed[0]!.html).toContain('<strong>zwei</strong>');
  });

  it('sends the slide when its text changed', () => {
    const update = diffDecks(deck(BASE), deck(BASE.replace('Mehr', 'Noch mehr')));
    expect(update).toMatchObject({ kind: 'content', changed: [{ index: 1 }] });
    expect(update !== 'reload' && update?.kind === 'content' && update.changed[0]!.notesOnly).toBeUndefined();
  });

  it('sends only the changed slide: its manifest entry and the id it had, not the deck’s manifest', () => {
    const update = diffDecks(deck(BASE), deck(BASE.replace('## Zwei', '## Zwei neu')));
    expect(update).toEqual({ kind: 'content', changed: [expect.objectContaining({ index: 1, id: 'zwei', slide: { id: 'zwei-neu', h: 1, v: 0, title: 'Zwei neu', file: 'slides/01.md', line: 8 } })] });
  });

  it('sends the whole deck when slides are added, and a reload when the settings change', () => {
    expect(diffDecks(deck(BASE), deck(`${BASE}\n---\n\n## Drei\n`))).toMatchObject({ kind: 'structure' });
    expect(diffDecks(deck(BASE), deck(BASE.replace('Mehr', 'Mehr\n\n--\n\n## Unten')))).toMatchObject({ kind: 'structure' });
    expect(diffDecks(deck(BASE, 'title: A'), deck(BASE, 'title: B'))).toBe('reload');
  });
});
