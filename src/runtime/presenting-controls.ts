/**
 * A small, quiet row of buttons in the top right corner for mouse and touch:
 * fullscreen, speaker view, shortcuts. It fades out while the pointer rests
 * and comes back on any movement or touch. `F` toggles fullscreen (reveal.js
 * alone only enters it) and `?` (any keyboard layout) or F1 opens the help.
 */
import './presenting.css';
import type { RevealApi } from 'reveal.js';
import type { Strings } from '../strings/strings.ts';
import { fullscreenSupported, isFullscreen, toggleFullscreen } from './fullscreen.ts';
import { pageRole } from './page-role.ts';
import { openSpeakerView } from './speaker-notes.ts';

const IDLE_MS = 3000;
const F_KEY = 70;

const ICONS = {
  enter: '<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/>',
  exit: '<path d="M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5"/>',
  speaker: '<rect x="3" y="4" width="18" height="12" rx="1"/><path d="M8 20h8M12 16v4"/>',
  help: '<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17.5v.01"/>',
};

function iconButton(className: string, label: string, icon: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `deck-control ${className}`;
  button.setAttribute('aria-label', label);
  button.title = label;
  button.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${icon}</svg>`;
  return button;
}

const toggleHelp = (strings: Strings) => void import('./help-overlay.ts').then(({ toggleHelpOverlay }) => toggleHelpOverlay(strings));

/** reveal.js's jump and search fields come with their own placeholders; they appear on `G` and Ctrl+Shift+F. */
function localizeInputs(strings: Strings): void {
  const jump = document.querySelector<HTMLInputElement>('.jump-to-slide-input');
  if (jump) jump.placeholder = strings.jumpPlaceholder;
  const search = document.querySelector<HTMLInputElement>('.searchinput');
  if (search) search.placeholder = strings.searchPlaceholder;
}

/** reveal.js labels its arrows in English; with `rtl` left is next. */
function localizeArrows(reveal: RevealApi, strings: Strings): void {
  const rtl = Boolean(reveal.getConfig().rtl);
  const labels: Record<string, string> = {
    'navigate-left': rtl ? strings.arrowNext : strings.arrowPrevious,
    'navigate-right': rtl ? strings.arrowPrevious : strings.arrowNext,
    'navigate-up': strings.arrowUp,
    'navigate-down': strings.arrowDown,
  };
  for (const [className, label] of Object.entries(labels)) {
    reveal.getRevealElement()?.querySelector(`.controls .${className}`)?.setAttribute('aria-label', label);
  }
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
}

export function presentingControls(reveal: RevealApi, strings: Strings): () => void {
  if (pageRole() !== 'audience' || reveal.isPrintView()) return () => {};
  localizeArrows(reveal, strings);

  const bar = document.createElement('div');
  bar.className = 'deck-controls-bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', strings.controlsLabel);

  const cleanups: (() => void)[] = [];
  if (fullscreenSupported()) {
    const fullscreen = iconButton('deck-fullscreen', strings.fullscreenButton, ICONS.enter);
    const sync = () => {
      const on = isFullscreen();
      fullscreen.setAttribute('aria-pressed', String(on));
      fullscreen.setAttribute('aria-label', on ? strings.fullscreenExitButton : strings.fullscreenButton);
      fullscreen.title = fullscreen.getAttribute('aria-label')!;
      fullscreen.querySelector('svg')!.innerHTML = on ? ICONS.exit : ICONS.enter;
    };
    sync();
    fullscreen.addEventListener('click', () => void toggleFullscreen());
    document.addEventListener('fullscreenchange', sync);
    cleanups.push(() => document.removeEventListener('fullscreenchange', sync));
    reveal.addKeyBinding({ keyCode: F_KEY, key: 'F', description: strings.fullscreenKey }, () => void toggleFullscreen());
    bar.append(fullscreen);
  }
  const speaker = iconButton('deck-speaker-button', strings.speakerViewButton, ICONS.speaker);
  speaker.addEventListener('click', () => void openSpeakerView());
  const help = iconButton('deck-help-button', strings.helpButton, ICONS.help);
  help.addEventListener('click', () => toggleHelp(strings));
  bar.append(speaker, help);
  document.body.append(bar);

  // Fade out while the pointer rests; keyboard focus keeps the bar visible (see CSS).
  let idle = 0;
  const wake = () => {
    bar.classList.remove('is-idle');
    window.clearTimeout(idle);
    idle = window.setTimeout(() => bar.classList.add('is-idle'), IDLE_MS);
  };
  wake();
  const wakeEvents = ['pointermove', 'pointerdown', 'touchstart'] as const;
  for (const name of wakeEvents) document.addEventListener(name, wake, { passive: true });

  // After reveal.js and its plugins have handled the key (their search box may just have appeared).
  const onKeyHandled = () => localizeInputs(strings);
  document.addEventListener('keydown', onKeyHandled);
  const onKey = (event: KeyboardEvent) => {
    if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '?' || event.key === 'F1') {
      // Ahead of reveal.js, which reads the `/` key code of `?` as "pause" when Shift is not reported.
      event.preventDefault();
      event.stopImmediatePropagation();
      toggleHelp(strings);
    }
  };
  window.addEventListener('keydown', onKey, true);

  return () => {
    window.clearTimeout(idle);
    for (const name of wakeEvents) document.removeEventListener(name, wake);
    window.removeEventListener('keydown', onKey, true);
    document.removeEventListener('keydown', onKeyHandled);
    cleanups.forEach((cleanup) => cleanup());
    bar.remove();
  };
}
