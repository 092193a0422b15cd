/**
 * `deck present [slides-dir]`: the deck for the presenter, a phone remote and an audience that follows,
 * from one server (src/present/present-server.ts). Prints the three URLs with terminal QR codes; the
 * server, ws and qrcode load only when the command runs.
 */
import type { Command } from 'commander';
import { CliError } from '../../errors.ts';

interface PresentFlags {
  host: string;
  port: string;
  maxConnections: string;
  resume?: boolean;
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new CliError(`${flag} takes a whole number from ${min} to ${max}, not "${value}"`);
  return number;
}

export function registerPresent(program: Command): void {
  program
    .command('present')
    .description('present with a phone as remote and an audience following on their own screens')
    .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
    .option('--host <host>', 'address to listen on (0.0.0.0: every network, for phones and other machines)', '127.0.0.1')
    .option('--port <port>', 'port (0: any free one)', '4000')
    .option('--max-connections <n>', 'most pages connected at once', '2000')
    .option('--resume', "reuse the last run's URLs and slide for this folder")
    .action(async (slidesDir: string, flags: PresentFlags) => {
      const port = wholeNumber(flags.port, '--port', 0, 65535);
      const maxConnections = wholeNumber(flags.maxConnections, '--max-connections', 1, 1_000_000);
      const { startPresentServer } = await import('../../present/present-server.ts');
      const { printPresentUrls } = await import('../../present/print-urls.ts');
      const log = (line: string) => console.error(line);
      let server;
      try {
        server = await startPresentServer({ slidesDir, host: flags.host, port, maxConnections, resume: flags.resume ?? false, log });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new CliError(`port ${port} on ${flags.host} is in use: choose another with --port`);
        if (code === 'EADDRNOTAVAIL') throw new CliError(`${flags.host} is no address of this machine (--host)`);
        throw error;
      }
      for (const warning of server.warnings) console.error(`warning: ${warning}`);
      await printPresentUrls(server, flags.host);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
