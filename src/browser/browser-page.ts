/**
 * The one seam between the app and the browser library: a page of a served deck that can be
 * evaluated in, waited on, printed to PDF and pictured, with the errors it reported. Exporters,
 * `deck check`, the tests and the bench open their pages here (over playwright-core).
 */
import type { Browser, Page } from 'playwright-core';
import { READY_WITH_EVERY_SLIDE_SELECTOR } from '../page-contract.ts';
import { launchChrome, loadPlaywright } from './launch-chrome.ts';

export interface OpenPageOptions {
  /** The page's size in CSS pixels. @defaultValue 1280×720 */
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel. @defaultValue 1 */
  deviceScaleFactor?: number;
  /** Fail every request to another origin than the deck's (data: and blob: URLs stay allowed). @defaultValue false */
  blockOtherHosts?: boolean;
  /** A phone's browser: touch, and the page laid out as a phone lays it out (its viewport meta tag honoured). @defaultValue false */
  phone?: boolean;
}

export interface OpenBrowserPageOptions extends OpenPageOptions {
  /** Chromium executable. @defaultValue `CHROME_PATH`, then the usual paths */
  executablePath?: string | undefined;
  /** Runs Chromium as one process (launch-chrome.ts). @defaultValue false */
  oneProcess?: boolean;
}

/** What `pdf()` prints; sizes in CSS pixels. */
export interface PrintOptions {
  width?: number;
  height?: number;
  preferCSSPageSize?: boolean;
  printBackground?: boolean;
  /** e.g. `1-3,5`. */
  pageRanges?: string;
  /** A tagged PDF with an outline from its headings. @defaultValue false */
  tagged?: boolean;
  footerTemplate?: string;
}

/** A rectangle in CSS pixels of the document. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Errors the page reported that are kept, oldest dropped first. */
const KEPT_ERRORS = 200;

/**
 * Functions compiled with esbuild's `keepNames` (tsx, vitest) call a `__name` helper that pages do
 * not have; every page gets a harmless one before its own scripts run.
 */
const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((target) => target);';

export class BrowserPage {
  /** Errors the page reported (uncaught, or logged as errors) since it was opened, oldest first; kept up to date. */
  readonly errors: string[] = [];
  /** Requests to anything but the page's own origin (or data:/blob: URLs), blocked or not; kept up to date. */
  readonly otherHostRequests: string[] = [];
  private uncaught: string[] = [];

  private constructor(
    /** The library's page, for what only tests do (keyboard, popups, frames). */
    readonly page: Page,
    private readonly ownBrowser: Browser | null,
  ) {
    page.on('pageerror', (error) => {
      this.keep(error.message);
      this.uncaught.push(error.message);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.keep(message.text());
    });
  }

  /** Opens `url` in a new page of `browser`; the page loads on, wait for what it needs (`waitForDeck`, `waitFor`). */
  static async open(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<BrowserPage> {
    return BrowserPage.openIn(browser, null, url, options);
  }

  /** Starts Chromium for this one page; `close()` ends it. */
  static async launch(url: string, options: OpenBrowserPageOptions = {}): Promise<BrowserPage> {
    const browser = await launchChrome(options.executablePath, { oneProcess: options.oneProcess ?? false });
    try {
      return await BrowserPage.openIn(browser, browser, url, options);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  private static async openIn(browser: Browser, own: Browser | null, url: string, options: OpenPageOptions): Promise<BrowserPage> {
    const page = await browser.newPage({
      viewport: options.viewport ?? { width: 1280, height: 720 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      ...(options.phone && { isMobile: true, hasTouch: true }),
    });
    const opened = new BrowserPage(page, own);
    await page.addInitScript({ content: NAME_HELPER });
    const origin = new URL(url).origin;
    const ownOrigin = (target: string) => target.startsWith(origin) || /^(data|blob):/.test(target);
    page.on('request', (request) => {
      if (!ownOrigin(request.url())) opened.otherHostRequests.push(request.url());
    });
    if (options.blockOtherHosts) {
      await page.route('**/*', (route) => (ownOrigin(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    }
    // Only the response is awaited: what the deck still loads is waited for by condition.
    await page.goto(url, { waitUntil: 'commit' });
    return opened;
  }

  /** Runs `fn(arg)` in the page and resolves with its (awaited, serialisable) value. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    // Playwright types the argument as it arrives unboxed; ours are plain data, the same on both sides.
    return this.page.evaluate<R, A>(fn as never, arg);
  }

  /** Resolves true once `fn(arg)` is truthy in the page, checked every animation frame; false after `timeoutMs`. */
  async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs: number): Promise<boolean> {
    try {
      await this.page.waitForFunction<unknown, A>(fn as never, arg, { polling: 'raf', timeout: timeoutMs });
      return true;
    } catch (error) {
      if (error instanceof loadPlaywright().errors.TimeoutError) return false;
      throw error;
    }
  }

  /**
   * Waits for the deck's readiness signal and for every slide in the page (a large deck appends its later
   * slides just after ready); on a timeout, the error names the first error the page reported.
   */
  async waitForDeck(timeoutMs: number): Promise<void> {
    try {
      await this.page.waitForSelector(READY_WITH_EVERY_SLIDE_SELECTOR, { state: 'attached', timeout: timeoutMs });
    } catch {
      const reported = this.errors.length ? `: ${this.errors[0]}` : '';
      throw new Error(`the deck did not become ready within ${Math.round(timeoutMs / 100) / 10} s${reported}`);
    }
  }

  async addStyle(css: string): Promise<void> {
    await this.page.addStyleTag({ content: css });
  }

  async addScript(source: string): Promise<void> {
    await this.page.addScriptTag({ content: source });
  }

  async pdf(options: PrintOptions): Promise<Uint8Array> {
    const { width, height, tagged = false, footerTemplate, ...rest } = options;
    const buffer = await this.page.pdf({
      ...rest,
      ...(width && { width: `${width}px` }),
      ...(height && { height: `${height}px` }),
      tagged,
      outline: tagged,
      ...(footerTemplate && { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate }),
    });
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  /** A PNG of `clip` (document coordinates) at the page's pixel density. */
  screenshot(clip: Clip): Promise<Buffer> {
    return this.page.screenshot({ type: 'png', clip, fullPage: true });
  }

  /** Uncaught errors of the page's scripts since the last call, which forgets them. */
  takeUncaughtErrors(): string[] {
    const taken = this.uncaught;
    this.uncaught = [];
    return taken;
  }

  /** Closes the page, and Chromium when it was started for it. */
  async close(): Promise<void> {
    if (this.ownBrowser) await this.ownBrowser.close();
    else await this.page.close();
  }

  private keep(message: string): void {
    this.errors.push(message);
    if (this.errors.length > KEPT_ERRORS) this.errors.shift();
  }
}
