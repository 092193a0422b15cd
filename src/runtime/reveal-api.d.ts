// reveal.js 6 has these methods at run time, but its bundled types omit them.
import 'reveal.js';

declare module 'reveal.js' {
  interface RevealApi {
    isPrintView(): boolean;
    isScrollView(): boolean;
    /** The scroll view's current slide (reading-page.ts tracks it by the reflowed sections' places). */
    setCurrentScrollPage(slide: HTMLElement, h: number, v: number): void;
  }
}
