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

describe('a deck that names no language', () => {
  const english = '---\ntitle: Kubernetes in Production\n---\n\n# Kubernetes in Production\n\nLessons from three years of running it\n\n---\n\nWhat we learned is that the cluster is not the product, and you should plan for it.\n';
  const german = '# Die Partnerschaft\n\nMicrosoft und OpenAI verhandeln neu, und das ist nicht das Ende.\n\n---\n\nEin Satz mit the und and.\n';
  const only = (text: string, settings: string | null = null) =>
    compileDeck({ slides: [{ path: 'talk.md', text }], settings: settings === null ? null : { path: 'deck.yaml', text: settings } }).settings;

  it('is English when its text is clearly English (front matter or none)', () => {
    expect(only(english).lang).toBe('en');
    expect(only(english.replace(/^---\ntitle: .*\n---\n/, '')).lang).toBe('en');
    expect(only(english.replace(/^---\ntitle: .*\n---\n/, '')).title).toBe('Presentation');
    expect(only(english, 'author: Jane\n').lang).toBe('en');
  });

  it('is German otherwise: German text, too little text, or mixed', () => {
    expect(only(german).lang).toBe('de');
    expect(only('# Hello\n').lang).toBe('de');
    expect(only(german).title).toBe('Präsentation');
  });

  it('never overrides a language the deck names', () => {
    expect(only(english, 'lang: de\n').lang).toBe('de');
    expect(only(german, 'lang: en\n').lang).toBe('en');
  });
});
