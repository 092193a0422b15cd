/**
 * Shown when the browser blocks the speaker view's window: says so in the
 * deck (no `alert`, which would stop the talk) and offers a link, which
 * opens the speaker view in a new tab; it finds the deck by itself.
 */
import './popup-blocked.css';
import type { Strings } from '../strings/strings.ts';

let notice: HTMLElement | null = null;

export function showPopupBlocked(speakerUrl: string, strings: Strings): void {
  notice?.remove();
  const box = document.createElement('div');
  box.className = 'deck-popup-blocked';
  box.setAttribute('role', 'alert');

  const text = document.createElement('p');
  text.textContent = strings.popupBlocked;
  const link = document.createElement('a');
  link.href = speakerUrl;
  link.target = '_blank';
  // Keeps window.opener, the only way back to the deck from a page opened from file://.
  link.rel = 'opener';
  link.textContent = strings.popupOpenInTab;
  const hint = document.createElement('span');
  hint.className = 'deck-popup-blocked-hint';
  hint.textContent = strings.popupHint;
  text.append(link, hint);

  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'deck-popup-blocked-close';
  close.setAttribute('aria-label', strings.popupDismiss);
  close.textContent = '×';

  const dismiss = () => {
    box.remove();
    if (notice === box) notice = null;
  };
  close.addEventListener('click', dismiss);
  link.addEventListener('click', () => window.setTimeout(dismiss, 0));

  box.append(text, close);
  document.body.append(box);
  notice = box;
  link.focus();
}
