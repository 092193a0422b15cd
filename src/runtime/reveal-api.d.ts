// reveal.js 6 has these methods at run time, but its bundled types omit them.
import 'reveal.js';

declare module 'reveal.js' {
  interface RevealApi {
    isPrintView(): boolean;
    isScrollView(): boolean;
  }
}
