/** Keys of the speaker window (clicker keys included) and the notes' font size. */

export interface SpeakerActions {
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  blackout(): void;
  larger(): void;
  smaller(): void;
}

const KEYS: Record<string, keyof SpeakerActions> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  n: 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  PageUp: 'prev',
  p: 'prev',
  Home: 'first',
  End: 'last',
  b: 'blackout',
  '.': 'blackout',
  '+': 'larger',
  '=': 'larger',
  '-': 'smaller',
};

export function speakerKeys(actions: SpeakerActions): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const action = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action) return;
    // Shift+Space goes back, as in the deck.
    const resolved = event.key === ' ' && event.shiftKey ? 'prev' : action;
    event.preventDefault();
    actions[resolved]();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

const SIZE_KEY = 'deck-speaker-notes-size';
const SIZES = [18, 20, 22, 24, 28, 32, 36, 42, 48, 56];
const DEFAULT_SIZE = 28;

/** The notes' font size, one step at a time, remembered for the next talk. */
export function notesSize(root: HTMLElement): { change(direction: 1 | -1): void } {
  const saved = Number(window.localStorage.getItem(SIZE_KEY));
  let index = SIZES.indexOf(SIZES.includes(saved) ? saved : DEFAULT_SIZE);
  const apply = () => root.style.setProperty('--speaker-notes-size', `${SIZES[index]}px`);
  apply();
  return {
    change(direction) {
      index = Math.min(Math.max(index + direction, 0), SIZES.length - 1);
      window.localStorage.setItem(SIZE_KEY, String(SIZES[index]));
      apply();
    },
  };
}
