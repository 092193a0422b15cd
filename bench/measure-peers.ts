/**
 * The peers on the same decks in the same run: Marp CLI builds the same
 * Markdown (one file, `---` between slides; charts stay code blocks for it)
 * and prints it to PDF; decktape prints our built deck, served on 127.0.0.1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../src/browser/serve-static.ts';
import type { DeckCase, PeerFigures } from './bench-results.ts';
import { measurePdf } from './measure-export.ts';
import { ensurePeers, marpMarkdown, PEER_VERSIONS, runDecktape, runMarp } from './peers.ts';
import { stats } from './stats.ts';

export interface PeerRunOptions {
  dirs: Record<string, string>;
  dist: (key: string) => string;
  work: string;
  chromePath: string;
  cases: DeckCase[];
  runs: number;
  quick: boolean;
  log: (message: string) => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

export async function measurePeers(options: PeerRunOptions): Promise<{ figures: PeerFigures[]; notes: string[] }> {
  const { dirs, dist, work, chromePath, cases, runs, quick, log } = options;
  const tools = await ensurePeers();
  const notes = [...tools.notes];
  const figures: PeerFigures[] = [];
  const slidesOf = (key: string) => cases.find((c) => c.name === key)!.slides;

  if (tools.marp) {
    const marp = tools.marp;
    const peer: PeerFigures = { tool: 'marp', version: PEER_VERSIONS['@marp-team/marp-cli'], build: {}, pdf: {} };
    const input = (key: string) => {
      const file = join(work, `marp-${key}.md`);
      writeFileSync(file, marpMarkdown(dirs[key]!));
      return file;
    };
    for (const key of ['deck', 'gen-1000']) {
      log(`Marp build ${key} × ${runs}`);
      try {
        const file = input(key);
        const output = join(work, `marp-${key}.html`);
        const wall: number[] = [];
        let peakRss = 0;
        for (let run = 0; run < runs; run++) {
          const result = await runMarp(marp, file, output, false, chromePath);
          wall.push(result.seconds);
          peakRss = Math.max(peakRss, result.peak.rss);
        }
        peer.build![key] = { wall: stats(wall), peakRss };
        if (key === 'deck') peer.shippedBytes = gzipSync(readFileSync(output)).length;
      } catch (error) {
        peer.build![key] = { unavailable: message(error) };
      }
    }
    for (const key of ['deck', 'gen-200']) {
      log(`Marp PDF ${key} × ${runs}`);
      try {
        const file = input(key);
        peer.pdf![key] = await measurePdf(slidesOf(key), join(work, `marp-${key}.pdf`), runs, (output, pss) => runMarp(marp, file, output, true, chromePath, pss));
      } catch (error) {
        peer.pdf![key] = { unavailable: message(error) };
      }
    }
    figures.push(peer);
  }

  if (tools.decktape) {
    const decktape = tools.decktape;
    const peer: PeerFigures = { tool: 'decktape', version: PEER_VERSIONS.decktape, pdf: {} };
    for (const key of ['deck', 'gen-200']) {
      // decktape pauses 1 s per slide by default: one run of the 200 slides is several minutes.
      const peerRuns = key === 'deck' ? runs : 1;
      if (quick && key !== 'deck') {
        peer.pdf![key] = { unavailable: 'skipped with --quick (about 1 s per slide)' };
        continue;
      }
      log(`decktape PDF ${key} × ${peerRuns}`);
      const server = await serveStatic(dist(key));
      try {
        const once = (output: string, pss: boolean) => runDecktape(decktape, server.url, output, chromePath, pss);
        peer.pdf![key] = await measurePdf(slidesOf(key), join(work, `decktape-${key}.pdf`), peerRuns, once, key !== 'deck');
      } catch (error) {
        peer.pdf![key] = { unavailable: message(error) };
      } finally {
        await server.close();
      }
    }
    figures.push(peer);
    notes.push('decktape runs with its defaults (a 1 s pause per slide) on our built deck served on 127.0.0.1');
  }
  notes.push('Marp CLI gets the same Markdown in one file; it renders our chart blocks as code, so its work per chart slide is lighter');
  return { figures, notes };
}
