/**
 * The help overlay (`?`, F1 or the ? button): every shortcut of the deck in
 * German. Loaded on first use; Esc, `?` or a click outside closes it.
 */
import './help-overlay.css';

type Shortcut = readonly [keys: string[][], action: string];

const SECTIONS: readonly (readonly [title: string, shortcuts: readonly Shortcut[]])[] = [
  ['Navigation', [
    [[['→'], ['Leertaste'], ['Bild ↓'], ['N']], 'weiter'],
    [[['←'], ['⇧', 'Leertaste'], ['Bild ↑'], ['P']], 'zurück'],
    [[['↓'], ['↑']], 'im Folienstapel auf und ab'],
    [[['Pos1'], ['Ende']], 'erste / letzte Folie'],
    [[['G']], 'zu Folie springen (Nummer oder Titel, dann ↵)'],
    [[['O'], ['Esc']], 'Übersicht aller Folien'],
    [[['Strg', '⇧', 'F']], 'suchen (↵ springt zum nächsten Treffer)'],
  ]],
  ['Präsentieren', [
    [[['F']], 'Vollbild ein/aus'],
    [[['S']], 'Sprecheransicht (Notizen, nächste Folie, Zeit)'],
    [[['B'], ['.']], 'Schwarzbild ein/aus'],
    [[['Alt', 'Klick']], 'hineinzoomen'],
    [[['?'], ['F1']], 'diese Hilfe'],
  ]],
  ['In der Sprecheransicht', [
    [[['→'], ['←']], 'steuert die Präsentation'],
    [[['+'], ['−']], 'Notizen größer / kleiner'],
    [[['B']], 'Schwarzbild im Saal'],
  ]],
];

let overlay: HTMLElement | null = null;
let returnFocus: HTMLElement | null = null;

function keys(alternatives: string[][]): string {
  return alternatives.map((combo) => combo.map((k) => `<kbd>${k}</kbd>`).join(' + ')).join(' / ');
}

function render(): HTMLElement {
  const root = document.createElement('div');
  root.className = 'deck-help';
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  root.setAttribute('aria-labelledby', 'deck-help-title');
  const sections = SECTIONS.map(([title, shortcuts]) => `<section><h3>${title}</h3><dl>${shortcuts.map(([k, action]) => `<dt>${keys(k)}</dt><dd>${action}</dd>`).join('')}</dl></section>`).join('');
  root.innerHTML = `<div class="deck-help-panel"><button type="button" class="deck-help-close" aria-label="Hilfe schließen">×</button><h2 id="deck-help-title">Tastenkürzel</h2><div class="deck-help-columns">${sections}</div></div>`;
  root.addEventListener('click', (event) => {
    if (event.target === root || (event.target as Element).closest('.deck-help-close')) closeHelpOverlay();
  });
  return root;
}

/** While open, keys stay with the dialog: Esc and `?` close it, nothing moves the deck behind it. */
function onKey(event: KeyboardEvent): void {
  if (event.key === 'Escape' || event.key === '?' || event.key === 'F1') {
    event.preventDefault();
    closeHelpOverlay();
  }
  if (event.key !== 'Tab') event.stopImmediatePropagation();
}

export function isHelpOpen(): boolean {
  return overlay !== null;
}

export function openHelpOverlay(): void {
  if (overlay) return;
  returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  overlay = render();
  document.body.append(overlay);
  overlay.querySelector<HTMLButtonElement>('.deck-help-close')?.focus();
  window.addEventListener('keydown', onKey, true);
}

export function closeHelpOverlay(): void {
  if (!overlay) return;
  overlay.remove();
  overlay = null;
  window.removeEventListener('keydown', onKey, true);
  returnFocus?.focus();
}

export function toggleHelpOverlay(): void {
  if (isHelpOpen()) closeHelpOverlay();
  else openHelpOverlay();
}
