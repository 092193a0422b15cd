/**
 * `deck check [slides-dir]`: the gate that a deck is fit to present. Prints
 * one line per finding (`file:line: error|warning: message [rule]`) and a
 * summary, or JSON with `--json`; exits 1 on any error.
 */
import type { Command } from 'commander';
import { CHROME_MISSING } from '../../browser/find-chrome.ts';
import { ChromeNotFoundError } from '../../errors.ts';
import { DEFAULT_CHECK_OPTIONS } from '../../check/check-options.ts';
import type { CheckReport } from '../../check/run-check.ts';
import { CliError } from '../../errors.ts';

interface CheckFlags {
  json?: boolean;
  render: boolean;
  minFontSize: number;
  strict?: boolean;
}

function summary(report: CheckReport): string {
  const how = report.rendered ? `checked in Chromium (every slide and fragment state)` : `compiled only: ${report.skipped}`;
  return `${report.slides} slides: ${report.errors} error(s), ${report.warnings} warning(s); ${how}; ${report.seconds.toFixed(1)} s`;
}

/** On a terminal, one self-overwriting status line on stderr; nothing in CI or a pipe. */
function progress(): ((step: string) => void) | undefined {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  return (step) => process.stderr.write(`\r\x1b[2K${step ? `deck check: ${step}` : ''}`);
}

function pixels(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new CliError(`--min-font-size needs a positive number of pixels, not "${value}"`);
  return number;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check a deck before presenting: compiler diagnostics, references, then layout, text size, charts and accessibility of every slide in Chromium')
    .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
    .option('--json', 'print the findings as JSON')
    .option('--no-render', 'skip the checks in Chromium (compile-time checks only)')
    .option('--min-font-size <px>', 'smallest acceptable text size in slide pixels', pixels, DEFAULT_CHECK_OPTIONS.minFontSize)
    .option('--strict', 'fail on warnings too')
    .action(async (slidesDir: string, flags: CheckFlags) => {
      const { runCheck } = await import('../../check/run-check.ts');
      const { formatDiagnostic } = await import('../../compiler/index.ts');
      const status = progress();
      let report: CheckReport;
      try {
        report = await runCheck({ slidesDir, render: flags.render, minFontSize: flags.minFontSize }, { ...(status && { onProgress: status }) });
      } catch (error) {
        status?.('');
        if (error instanceof ChromeNotFoundError) throw new CliError(`deck check: ${CHROME_MISSING}; or pass --no-render to check without a browser`);
        throw error;
      }
      status?.('');
      if (flags.json) {
        console.log(JSON.stringify(report, null, 2));
      } else {
        for (const d of report.diagnostics) console.log(formatDiagnostic(d));
        console.log(summary(report));
      }
      if (report.errors > 0 || (flags.strict && report.warnings > 0)) process.exitCode = 1;
    });
}
