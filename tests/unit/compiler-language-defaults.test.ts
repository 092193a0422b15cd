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

  it('tells short decks of headings and bullets apart, without a single function word', () => {
    const shortEnglish = [
      '# Quarterly Review\n\n- Revenue grew 12 %\n- Margin improved\n\n---\n\n## Next steps\n\n- Hire two engineers\n- Launch in March\n',
      '# Hello\n\nWelcome to my talk\n',
      '# Team update\n\n- Two new hires\n- Office move next month\n',
      '# Security review\n\n- Rotate keys quarterly\n- Enforce MFA everywhere\n',
      '# Thank you!\n\nQuestions?\n',
      '# Migration\n\n- Freeze writes\n- Copy data\n- Switch traffic\n',
      '# Customer feedback\n\n- Onboarding too long\n- Pricing unclear\n',
    ];
    const shortGerman = [
      '# Quartalsbericht\n\n- Umsatz gestiegen\n- Marge verbessert\n\n---\n\n## Nächste Schritte\n\n- Zwei Ingenieure einstellen\n- Start im März\n',
      '# Hallo\n\nWillkommen zu meinem Vortrag\n',
      '# Fahrplan 2027\n\n- Schnellere Exporte\n- Bessere Diagramme\n',
      '# Startplan\n\n- Beta im Juni\n- Allgemein verfügbar im September\n',
      '# Team\n\n- Zwei Neueinstellungen\n- Umzug nächsten Monat\n',
      '# Ergebnisse\n\nUmsatz hoch, Kosten runter\n',
      '# Tagesordnung\n\n1. Begrüßung\n2. Marktüberblick\n3. Fragen\n',
      '# Danke!\n\nFragen?\n',
      '# Migration\n\n- Schreibzugriffe sperren\n- Daten kopieren\n- Verkehr umschalten\n',
      '# Kundenfeedback\n\n- Einstieg zu lang\n- Preise unklar\n',
    ];
    for (const text of shortEnglish) expect(only(text).lang, text).toBe('en');
    for (const text of shortGerman) expect(only(text).lang, text).toBe('de');
  });

  it('keeps a deck of a heading and a chart German: too few letters to tell by, or German words in the chart', () => {
    const chart = (source: string) => `## Umsatz je Quartal\n\n\`\`\`chart\ntype: bar\ntitle: Umsatz je Quartal\nlabels: [Q1, Q2]\nseries:\n  - name: Umsatz\n    values: [1012.4, 1088.9]\nsource: ${source}\n\`\`\`\n`;
    expect(only(chart('Geschäftsbericht')).lang).toBe('de');
    expect(only(chart('Jahresbericht')).lang).toBe('de');
    expect(only('## Umsatz je Region\n').lang).toBe('de');
  });

  it('reads only the prose: not front matter keys, code, charts, HTML, link targets or reveal-md’s Note:', () => {
    const germanForRevealMd = [
      '---\ntitle: Die Zahlen\ntheme: white\nseparator: <!--s-->\nverticalSeparator: <!--v-->\n---\n',
      '# Die Zahlen\n\nUmsatz und Gewinn im Überblick <!-- .element: class="fragment" -->\n\n',
      '```js\n// fetch the numbers from the server and render them for the chart\nconst response = await fetch(url);\n```\n\n',
      '```chart\ntype: bar\ntitle: Umsatz\nlabels: ["2024", "2025"]\nseries:\n  - name: Revenue\n    values: [1, 2]\nsource: Annual report of the company\n```\n\n',
      '[Quelle](https://example.com/the-annual-report-for-the-year) <span class="source">Geschäftsbericht</span>\n\n',
      'Note: Erst die Zahlen zeigen, dann erklären.\n',
    ].join('');
    expect(only(germanForRevealMd).lang).toBe('de');
    const englishWithGermanCode = '# The numbers\n\nRevenue and profit at a glance\n\n```python\n# Umsatz und Gewinn für die Folie berechnen\nsumme = umsatz - kosten\n```\n';
    expect(only(englishWithGermanCode).lang).toBe('en');
  });

  it('never overrides a language the deck names', () => {
    expect(only(english, 'lang: de\n').lang).toBe('de');
    expect(only(german, 'lang: en\n').lang).toBe('en');
  });
});
