/** Runs a command to its end, timing it and sampling its process tree's memory. */
import { spawn } from 'node:child_process';
import { sampleTreeMemory, type SamplingOptions, type TreeMemory } from './process-tree.ts';

export interface CommandRun {
  seconds: number;
  peak: TreeMemory & { samples: number };
  stdout: string;
  stderr: string;
}

export interface RunCommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command after this many seconds. @defaultValue 600 */
  timeoutSeconds?: number;
  /** Memory sampling of the command's process tree (RSS only unless `pss`). */
  memory?: SamplingOptions;
}

export class CommandFailedError extends Error {
  constructor(command: string, readonly code: number | null, readonly stderr: string) {
    super(`${command} exited with ${code}: ${stderr.trim().split('\n').slice(-5).join('\n')}`);
    this.name = 'CommandFailedError';
  }
}

export function runCommand(command: string, args: string[], options: RunCommandOptions = {}): Promise<CommandRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = sampleTreeMemory(child.pid!, options.memory);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), (options.timeoutSeconds ?? 600) * 1000);
    child.on('error', (error) => {
      clearTimeout(timer);
      sampler.stop();
      reject(error);
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      const peak = sampler.stop();
      const name = [command, ...args].join(' ');
      if (code !== 0) reject(new CommandFailedError(name, code, stderr));
      else resolvePromise({ seconds, peak, stdout, stderr });
    });
  });
}
