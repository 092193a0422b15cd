import type { Diagnostic } from '../types.ts';

/** `slides/03-geld.md:14: error: values has 2 entries, labels has 3 [chart]` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message} [${d.code}]`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Findings a build reports but does not stop on: the reference is left as written, as Vite does
 * with URLs it cannot resolve; theme colours of too little contrast still make a deck to look at.
 * `deck check` keeps them errors, the gate for a deck fit to present.
 */
export const BUILD_WARNING_CODES: ReadonlySet<string> = new Set(['missing-file', 'external-host', 'theme-contrast']);

/**
 * The diagnostics as `deck build`, `deck dev` and `deck export` apply them: reference problems
 * are warnings; `strict` turns every warning into an error.
 */
export function buildSeverities(diagnostics: readonly Diagnostic[], strict = false): Diagnostic[] {
  return diagnostics.map((d) => {
    const severity = strict ? 'error' : BUILD_WARNING_CODES.has(d.code) ? 'warning' : d.severity;
    return severity === d.severity ? d : { ...d, severity };
  });
}

export function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A deck that does not build: its message is one `file:line: message` line per error. */
export class DeckErrors extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
    this.name = 'DeckErrors';
  }
}
