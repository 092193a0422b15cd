/**
 * Title and section slides get the theme's dark background as a reveal.js
 * slide background, so it fills the whole screen (not just the scaled slide)
 * and reveal.js switches its controls to their light variant.
 */
const DARK_SLIDES = 'section.title, section.section';

export function applyDarkSlideBackgrounds(root: HTMLElement): void {
  const colour = getComputedStyle(document.documentElement).getPropertyValue('--deck-dark-background').trim();
  if (!colour) return;
  for (const section of root.querySelectorAll<HTMLElement>(DARK_SLIDES)) {
    const hasBackground = Array.from(section.attributes).some((a) => a.name.startsWith('data-background'));
    if (!hasBackground) section.setAttribute('data-background-color', colour);
  }
}
