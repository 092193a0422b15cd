/** Types of bin/compiled-cli.js (plain JavaScript: it runs before any TypeScript can). */
export function withModuleLocation(code: string, file: string): string;
export function compiledCli(): Promise<string>;
