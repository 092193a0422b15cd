import type { Diagnostic } from '../types.ts';

/** `slides/03-geld.md:14: error: values has 2 entries, labels has 3 [chart]` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message} [${d.code}]`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
