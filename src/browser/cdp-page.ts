/**
 * One Chromium page driven over the DevTools protocol (cdp-pipe.ts): what an
 * export does with its page — evaluate functions in it, wait for a condition,
 * print it to PDF, take screenshots — and the errors it reported, kept from
 * the moment it was attached (Chromium also replays what the page logged
 * before).
 */
import { CdpError, type CdpEvent, type CdpPipe } from './cdp-pipe.ts';

/** `Page.printToPDF` parameters (inches; CSS pixels ÷ 96). */
export interface PrintToPdfParams {
  paperWidth?: number;
  paperHeight?: number;
  preferCSSPageSize?: boolean;
  printBackground?: boolean;
  pageRanges?: string;
  generateTaggedPDF?: boolean;
  generateDocumentOutline?: boolean;
  displayHeaderFooter?: boolean;
  headerTemplate?: string;
  footerTemplate?: string;
}

/** A rectangle in CSS pixels of the document. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

type RemoteObject = { value?: unknown; description?: string; unserializableValue?: string };
type ExceptionDetails = { text: string; exception?: RemoteObject };
type EvaluateResult = { result: RemoteObject; exceptionDetails?: ExceptionDetails };

/** Errors the page reported that are kept, as Playwright keeps the last 200. */
const KEPT_ERRORS = 200;

const NAVIGATED = /Execution context was destroyed|Cannot find (default )?execution context|Inspected target navigated/;

const exceptionMessage = (details: ExceptionDetails) => details.exception?.description?.split('\n')[0] ?? details.text;

const consoleText = (args: RemoteObject[]) =>
  args.map((arg) => (typeof arg.value === 'string' ? arg.value : (arg.description ?? JSON.stringify(arg.value)))).join(' ');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class CdpPage {
  private readonly errors: string[] = [];

  private constructor(
    private readonly pipe: CdpPipe,
    private readonly sessionId: string,
  ) {
    pipe.on((event) => this.record(event));
  }

  /** Attaches to the browser's first page (waiting for Chromium to open it) and starts collecting its errors. */
  static async attach(pipe: CdpPipe): Promise<CdpPage> {
    const targetId = await new Promise<string>((resolve, reject) => {
      const stop = pipe.on((event) => {
        const info = event.params['targetInfo'] as { type: string; targetId: string } | undefined;
        if (event.method === 'Target.targetCreated' && info?.type === 'page') {
          stop();
          resolve(info.targetId);
        }
      });
      // Reports the targets there already, then each new one.
      pipe.send('Target.setDiscoverTargets', { discover: true }).catch((error: Error) => {
        stop();
        reject(error);
      });
    });
    const { sessionId } = await pipe.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const page = new CdpPage(pipe, sessionId);
    await page.send('Runtime.enable');
    return page;
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    return this.pipe.send<T>(method, params, this.sessionId);
  }

  /** Uncaught errors and console errors of the page since it was opened, oldest first. */
  reportedErrors(): string[] {
    return [...this.errors];
  }

  /** Runs `fn(arg)` in the page and resolves with its (awaited) value, which must be JSON-serializable. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.evaluateExpression<R>(`(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`);
  }

  async evaluateExpression<R>(expression: string): Promise<R> {
    // Functions compiled with esbuild's keepNames call `__name`, which the page does not have.
    const wrapped = `(() => { const __name = (f) => f; return (${expression}); })()`;
    const { result, exceptionDetails } = await this.send<EvaluateResult>('Runtime.evaluate', { expression: wrapped, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionMessage(exceptionDetails)}`);
    return result.value as R;
  }

  /** Adds a style sheet to the page. */
  async addStyle(css: string): Promise<void> {
    await this.evaluate((text: string) => {
      const style = document.createElement('style');
      style.textContent = text;
      document.head.append(style);
    }, css);
  }

  /**
   * Resolves once `expression` is true in the page, checked every animation frame; false when it was
   * not within `timeoutMs`. A page still navigating to its URL (its first document replaced) is waited for.
   */
  async waitFor(expression: string, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const left = Math.max(0, Math.round(deadline - performance.now()));
      const poll = `new Promise((resolve) => {
        const deadline = performance.now() + ${left};
        const check = () => (${expression}) ? resolve(true) : performance.now() > deadline ? resolve(false) : requestAnimationFrame(check);
        check();
      })`;
      try {
        return await this.evaluateExpression<boolean>(poll);
      } catch (error) {
        if (!(error instanceof CdpError && NAVIGATED.test(error.message)) || performance.now() > deadline) throw error;
        await sleep(10);
      }
    }
  }

  async pdf(params: PrintToPdfParams): Promise<Uint8Array> {
    // Playwright's defaults: Letter, margins from the page's CSS (Chromium's own default adds 1 cm), and
    // untagged unless asked (Chromium now tags by default: a 200-slide PDF then prints ~40 % slower).
    // The PDF comes whole, as base64 in one message (no stream to read in chunks): a Node string holds
    // ~512 MB, so PDFs up to ~380 MB.
    const defaults = { paperWidth: 8.5, paperHeight: 11, marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0, generateTaggedPDF: false };
    const { data } = await this.send<{ data: string }>('Page.printToPDF', { ...defaults, ...params, transferMode: 'ReturnAsBase64' });
    return new Uint8Array(Buffer.from(data, 'base64'));
  }

  /** A PNG of `clip` at the page's pixel density; `beyondViewport` when the clip is not all in sight. */
  async screenshot(clip: Clip, beyondViewport: boolean): Promise<Buffer> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png', clip: { ...clip, scale: 1 }, captureBeyondViewport: beyondViewport });
    return Buffer.from(data, 'base64');
  }

  private record(event: CdpEvent): void {
    if (event.sessionId !== this.sessionId) return;
    if (event.method === 'Runtime.exceptionThrown') {
      this.keep(exceptionMessage(event.params['exceptionDetails'] as ExceptionDetails));
    } else if (event.method === 'Runtime.consoleAPICalled' && event.params['type'] === 'error') {
      this.keep(consoleText(event.params['args'] as RemoteObject[]));
    }
  }

  private keep(message: string): void {
    this.errors.push(message);
    if (this.errors.length > KEPT_ERRORS) this.errors.shift();
  }
}
