/** An error meant for the person at the terminal: printed once, no stack trace unless --debug. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}
