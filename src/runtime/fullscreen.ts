/** Fullscreen for the whole page (the deck, its controls and notices). */

/** False where pages cannot go fullscreen (iPhone Safari): then no control is offered. */
export function fullscreenSupported(): boolean {
  return document.fullscreenEnabled === true && typeof document.documentElement.requestFullscreen === 'function';
}

export function isFullscreen(): boolean {
  return document.fullscreenElement !== null;
}

export async function toggleFullscreen(): Promise<void> {
  try {
    if (isFullscreen()) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
  } catch {
    // Refused (no user gesture, or a browser policy): the page simply stays as it is.
  }
}
