import type { Diagnostic } from '../types.ts';

/** `slides/03-geld.md:14: error: values has 2 entries, labels has 3 [chart]` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message} [${d.code}]`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** A deck that does not build: its message is one `file:line: message` line per error. */
export class DeckErrors extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
    this.name = 'DeckErrors';
  }
}
