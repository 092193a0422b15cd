/** Which Chromium is used: CHROME_PATH, else the headless shell before a full browser; a full browser when one is required. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChrome, FULL_BROWSER_CANDIDATES, HEADLESS_SHELL_CANDIDATES, isHeadlessShell } from '../../src/browser/find-chrome.ts';

function fakeExecutable(name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'deck-chrome-')), name);
  writeFileSync(path, '');
  return path;
}

describe('findChrome', () => {
  it('takes CHROME_PATH as given when it exists, and nothing when it does not', () => {
    const path = fakeExecutable('my-chrome');
    expect(findChrome(path)).toBe(path);
    expect(findChrome(`${path}-missing`)).toBeNull();
  });

  it('passes over a headless shell in CHROME_PATH when a full browser is required', () => {
    const shell = fakeExecutable('chromium-headless-shell');
    expect(findChrome(shell)).toBe(shell);
    const full = findChrome(shell, { fullBrowser: true });
    expect(full === null || FULL_BROWSER_CANDIDATES.includes(full)).toBe(true);
  });

  it('tries the headless shell first, and only full browsers when one is required', () => {
    expect(HEADLESS_SHELL_CANDIDATES.every(isHeadlessShell)).toBe(true);
    expect(FULL_BROWSER_CANDIDATES.some(isHeadlessShell)).toBe(false);
    const found = findChrome('');
    const installedShell = HEADLESS_SHELL_CANDIDATES.find((path) => findChrome(path) === path);
    if (installedShell) expect(found).toBe(installedShell);
    const full = findChrome('', { fullBrowser: true });
    if (full) expect(isHeadlessShell(full)).toBe(false);
  });
});
