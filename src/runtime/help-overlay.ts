/**
 * The help overlay (`?`, F1 or the ? button): every shortcut of the deck in
 * the deck's language. Loaded on first use; Esc, `?` or a click outside closes it.
 */
import './help-overlay.css';
import type { Strings } from '../strings/strings.ts';

type Shortcut = readonly [keys: string[][], action: string];

type Section = readonly [title: string, shortcuts: readonly Shortcut[]];

function sections(s: Strings): readonly Section[] {
  return [
    [s.helpNavigation, [
      [[['→'], [s.keySpace], [s.keyPageDown], ['N']], s.helpNext],
      [[['←'], ['⇧', s.keySpace], [s.keyPageUp], ['P']], s.helpPrevious],
      [[['↓'], ['↑']], s.helpStack],
      [[[s.keyHome], [s.keyEnd]], s.helpFirstLast],
      [[['G']], s.helpJump],
      [[['O'], ['Esc']], s.helpOverview],
      [[[s.keyCtrl, '⇧', 'F']], s.helpSearch],
    ]],
    [s.helpPresenting, [
      [[['F']], s.helpFullscreen],
      [[['S']], s.helpSpeakerView],
      [[['B'], ['.']], s.helpBlackout],
      [[['Alt', s.keyClick]], s.helpZoom],
      [[['?'], ['F1']], s.helpHelp],
    ]],
    [s.helpInSpeakerView, [
      [[['→'], ['←']], s.helpSpeakerSteers],
      [[['+'], ['−']], s.helpNotesSize],
      [[['B']], s.helpBlackoutRoom],
    ]],
  ];
}

let overlay: HTMLElement | null = null;
let returnFocus: HTMLElement | null = null;

function keys(alternatives: string[][]): string {
  return alternatives.map((combo) => combo.map((k) => `<kbd>${k}</kbd>`).join(' + ')).join(' / ');
}

function render(strings: Strings): HTMLElement {
  const root = document.createElement('div');
  root.className = 'deck-help';
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  root.setAttribute('aria-labelledby', 'deck-help-title');
  const html = sections(strings).map(([title, shortcuts]) => `<section><h3>${title}</h3><dl>${shortcuts.map(([k, action]) => `<dt>${keys(k)}</dt><dd>${action}</dd>`).join('')}</dl></section>`).join('');
  root.innerHTML = `<div class="deck-help-panel"><button type="button" class="deck-help-close" aria-label="${strings.helpClose}">×</button><h2 id="deck-help-title">${strings.helpTitle}</h2><div class="deck-help-columns">${html}</div></div>`;
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

export function openHelpOverlay(strings: Strings): void {
  if (overlay) return;
  returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  overlay = render(strings);
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

export function toggleHelpOverlay(strings: Strings): void {
  if (isHelpOpen()) closeHelpOverlay();
  else openHelpOverlay(strings);
}
