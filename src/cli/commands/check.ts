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
      const { createProgress } = await import('../../export/progress.ts');
      // Steps only (a bar on a terminal): the findings themselves go to stdout.
      const progress = createProgress();
      let report: CheckReport;
      try {
        report = await runCheck({ slidesDir, render: flags.render, minFontSize: flags.minFontSize }, { progress });
      } catch (error) {
        if (error instanceof ChromeNotFoundError) throw new CliError(`deck check: ${CHROME_MISSING}; or pass --no-render to check without a browser`);
        throw error;
      } finally {
        progress.done();
      }
      if (flags.json) {
        console.log(JSON.stringify(report, null, 2));
      } else {
        for (const d of report.diagnostics) console.log(formatDiagnostic(d));
        console.log(summary(report));
      }
      if (report.errors > 0 || (flags.strict && report.warnings > 0)) process.exitCode = 1;
    });
}
