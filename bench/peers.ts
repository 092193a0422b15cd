/**
 * The peer tools, measured in the same run on the same machine: Marp CLI
 * (Markdown → HTML and → PDF, `CHROME_PATH`) and decktape (PDF of our built
 * deck, `--chrome-path`). They are installed once into `bench/.peers/`, not as
 * project dependencies, with every browser download switched off.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_ARGS } from '../src/browser/launch-chrome.ts';
import { APP_ROOT } from '../src/app-paths.ts';
import { runCommand, type CommandRun } from './run-command.ts';

export const PEERS_DIR = join(APP_ROOT, 'bench/.peers');

/** Pinned, so a later run measures the same tools. */
export const PEER_VERSIONS = {
  decktape: '3.16.1',
  '@marp-team/marp-cli': '4.5.1',
} as const;

export interface PeerTools {
  marp: string | null;
  decktape: string | null;
  notes: string[];
}

const NO_BROWSER_DOWNLOAD = {
  PUPPETEER_SKIP_DOWNLOAD: '1',
  PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
};

const bin = (name: string) => join(PEERS_DIR, 'node_modules/.bin', name);

function installedVersion(name: string): string | null {
  const path = join(PEERS_DIR, 'node_modules', name, 'package.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version : null;
}

export async function ensurePeers(): Promise<PeerTools> {
  const notes: string[] = [];
  const missing = Object.entries(PEER_VERSIONS).filter(([name, version]) => installedVersion(name) !== version);
  if (missing.length) {
    mkdirSync(PEERS_DIR, { recursive: true });
    writeFileSync(join(PEERS_DIR, 'package.json'), `${JSON.stringify({ name: 'deck-bench-peers', private: true, dependencies: PEER_VERSIONS }, null, 2)}\n`);
    try {
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      await runCommand(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: PEERS_DIR,
        env: { ...process.env, ...NO_BROWSER_DOWNLOAD },
        timeoutSeconds: 300,
      });
    } catch (error) {
      notes.push(`peers not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }
  const marp = installedVersion('@marp-team/marp-cli') && existsSync(bin('marp')) ? bin('marp') : null;
  const decktape = installedVersion('decktape') && existsSync(bin('decktape')) ? bin('decktape') : null;
  if (!marp) notes.push('Marp CLI unavailable: skipped');
  if (!decktape) notes.push('decktape unavailable: skipped');
  return { marp, decktape, notes };
}

/** One Marp Markdown file from a slides folder: the files in name order, one `---` between them. */
export function marpMarkdown(slidesDir: string): string {
  const files = readdirSync(slidesDir).filter((name) => /\.md$/i.test(name)).sort((a, b) => a.localeCompare(b, 'en'));
  const bodies = files.map((name) => readFileSync(join(slidesDir, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').trim());
  return `---\nmarp: true\n---\n\n${bodies.join('\n\n---\n\n')}\n`;
}

export function runMarp(marp: string, input: string, output: string, pdf: boolean, chromePath: string, pss = false): Promise<CommandRun> {
  const args = [input, '-o', output, '--allow-local-files', ...(pdf ? ['--pdf'] : [])];
  return runCommand(marp, args, { env: { ...process.env, CHROME_PATH: chromePath }, timeoutSeconds: 600, memory: { pss, intervalMs: pss ? 100 : 50 } });
}

/** decktape with its defaults (its per-slide pause included), on a served build of our deck. */
export function runDecktape(decktape: string, url: string, output: string, chromePath: string, pss = false): Promise<CommandRun> {
  const args = ['reveal', '--chrome-path', chromePath, ...CHROME_ARGS.map((arg) => `--chrome-arg=${arg}`), '--size', '1280x720', url, output];
  return runCommand(decktape, args, { env: { ...process.env, ...NO_BROWSER_DOWNLOAD }, timeoutSeconds: 1200, memory: { pss, intervalMs: pss ? 100 : 50 } });
}
