/**
 * `deck present [slides-dir]`: the deck for the presenter, a phone remote and an audience that follows,
 * from one server (src/present/present-server.ts). Prints the three URLs with terminal QR codes; the
 * server, ws and qrcode load only when the command runs.
 */
import { spawn } from 'node:child_process';
import { Option, type Command } from 'commander';
import { DECK_BIN } from '../../app-paths.ts';
import { CliError } from '../../errors.ts';
import { PRESENT_DEFAULTS } from '../../present/present-defaults.ts';

interface PresentFlags {
  host: string;
  port: string;
  maxConnections: string;
  resume?: boolean;
  buildOnly?: boolean;
}

/**
 * Builds both decks in a child process (this command with --build-only), so the server that then
 * runs for the whole talk finds them fresh and never loads the compiler (its memory stays the relay's).
 */
function buildInChild(slidesDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DECK_BIN, 'present', slidesDir, '--build-only'], { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new CliError(stderr.trim() ? 'the build failed (above)' : `the build ended with exit code ${code}`))));
  });
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
    .option('--host <host>', 'address to listen on (0.0.0.0: every network, for phones and other machines)', PRESENT_DEFAULTS.host)
    .option('--port <port>', 'port (0: any free one)', String(PRESENT_DEFAULTS.port))
    .option('--max-connections <n>', 'most pages connected at once', String(PRESENT_DEFAULTS.maxConnections))
    .option('--resume', "reuse the last run's URLs and slide for this folder")
    .addOption(new Option('--build-only', 'only build the two decks (run by the command itself)').hideHelp())
    .action(async (slidesDir: string, flags: PresentFlags) => {
      if (flags.buildOnly) {
        const { presentBuilds } = await import('../../present/present-builds.ts');
        const { presentCacheDir } = await import('../../present/present-session.ts');
        for (const warning of (await presentBuilds(slidesDir, presentCacheDir(slidesDir))).warnings) console.error(`warning: ${warning}`);
        return;
      }
      const port = wholeNumber(flags.port, '--port', 0, 65535);
      const maxConnections = wholeNumber(flags.maxConnections, '--max-connections', 1, 1_000_000);
      const { startPresentServer } = await import('../../present/present-server.ts');
      const { printPresentUrls } = await import('../../present/print-urls.ts');
      const log = (line: string) => console.error(line);
      await buildInChild(slidesDir);
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
