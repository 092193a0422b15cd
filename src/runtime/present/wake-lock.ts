/**
 * Keeps the phone's screen on while the remote is open, where the browser allows it (the Screen
 * Wake Lock API, in secure contexts only: https or localhost). The browser drops the lock when the
 * page is hidden, so it is taken again whenever the page comes back. Elsewhere it does nothing.
 */
export function keepScreenAwake(): () => void {
  if (!('wakeLock' in navigator) || !window.isSecureContext) return () => {};
  let lock: WakeLockSentinel | null = null;
  let stopped = false;
  const request = () => {
    if (stopped || document.visibilityState !== 'visible' || (lock && !lock.released)) return;
    navigator.wakeLock.request('screen').then(
      (taken) => {
        lock = taken;
        if (stopped) void taken.release();
      },
      // Refused (battery saver, no user gesture yet): asked again on the next tap or return to the page.
      () => {},
    );
  };
  request();
  document.addEventListener('visibilitychange', request);
  document.addEventListener('pointerdown', request);
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', request);
    document.removeEventListener('pointerdown', request);
    void lock?.release();
  };
}
