/** Defaults the compiler takes from the deck's language: ids of slides without a heading, and the title. */
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/compiler/index.ts';

const compile = (settings: string | null) =>
  compileDeck({ slides: [{ path: 'slides/01.md', text: 'Nur Text.\n\n---\n\n## Mit Titel\n\n---\n\n---\n\nEnde\n' }], settings: settings === null ? null : { path: 'slides/deck.yaml', text: settings } });

describe('language defaults', () => {
  it('names slides without a heading folie-N in a German deck', () => {
    expect(compile(null).slides.map((slide) => slide.id)).toEqual(['nur-text', 'mit-titel', 'folie-3', 'ende']);
    expect(compile('lang: de-AT\n').slides.map((slide) => slide.id)).toEqual(['nur-text', 'mit-titel', 'folie-3', 'ende']);
  });

  it('names them slide-N in an English (or any other) deck', () => {
    expect(compile('lang: en\n').slides.map((slide) => slide.id)).toEqual(['nur-text', 'mit-titel', 'slide-3', 'ende']);
    expect(compile('lang: fr\n').slides.map((slide) => slide.id)).toEqual(['nur-text', 'mit-titel', 'slide-3', 'ende']);
  });
});

describe('the default title', () => {
  it('is Präsentation in a German deck and Presentation in an English one, unless the deck names one', () => {
    expect(compile(null).settings.title).toBe('Präsentation');
    expect(compile('lang: de\n').settings.title).toBe('Präsentation');
    expect(compile('lang: en\n').settings.title).toBe('Presentation');
    expect(compile('lang: en-GB\ntitle: Quarterly report\n').settings.title).toBe('Quarterly report');
  });
});
