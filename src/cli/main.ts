/** The `deck` command line: one module per command, registered here. */
import { Command } from 'commander';
import { CliError } from '../errors.ts';
import { registerBuild } from './commands/build.ts';
import { registerCheck } from './commands/check.ts';
import { registerDev } from './commands/dev.ts';
import { registerPresent } from './commands/present.ts';
import { registerPreview } from './commands/preview.ts';

const program = new Command('deck')
  .description('Markdown slides → reveal.js deck with validated charts')
  .option('--debug', 'show stack traces');

registerDev(program);
registerBuild(program);
registerPreview(program);
registerCheck(program);
registerPresent(program);
(await import('./commands/export.ts')).registerExport(program);

try {
  await program.parseAsync();
} catch (error) {
  const debug = program.opts<{ debug?: boolean }>().debug;
  if (debug && error instanceof Error) console.error(error.stack);
  else console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
}
