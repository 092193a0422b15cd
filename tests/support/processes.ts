/** Running processes, from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';

/** Command lines (arguments joined by spaces) of the processes whose command line mentions `text`. */
export function processesMentioning(text: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return command.includes(text) ? [command] : [];
      } catch {
        return []; // ended meanwhile
      }
    });
}
