// Speed of the anchor engine against the targets of the issue:
//   `check` of 1,000 anchors in 200 files, from disk, under 1 s (also
//   measured with git history, which costs one git process per commit);
//   relocating the 50 anchors of one file after an edit, under 5 ms.
// Run alone with `node out/test/eval/anchors-speed.js`; the functions are
// exported for `npm run bench` and the evaluation.

import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { GitHistory } from '../../src/node/gitHistory';
import { NodeFileSystem } from '../../src/node/nodeFileSystem';
import { PreparedFile } from '../../src/core/anchors/preparedFile';
import { relocateAnchor } from '../../src/core/anchors/relocate';
import { resolveAnchors } from '../../src/core/anchors/resolveAnchors';
import type { Anchor } from '../../src/core/model';
import { Random, pickBlock, snippetOf } from './anchorsCases';

const WORDS = ['user', 'order', 'payment', 'retry', 'token', 'cache', 'event', 'queue', 'limit', 'session', 'invoice', 'webhook', 'result', 'config', 'client'];

/** Plausible source code: functions of statements, blank lines, closing braces. */
export function generateSource(rng: Random, lineCount: number): string[] {
  const lines: string[] = [];
  const name = () => `${rng.pick(WORDS)}${rng.pick(WORDS).replace(/^./, (c) => c.toUpperCase())}${rng.int(0, 99)}`;
  while (lines.length < lineCount) {
    lines.push(`export async function ${name()}(${name()}: string, ${name()}: number) {`);
    for (let i = rng.int(3, 12); i > 0; i--) {
      const kind = rng.int(0, 4);
      if (kind === 0) lines.push(`  const ${name()} = await ${name()}(${name()}, ${rng.int(0, 500)});`);
      else if (kind === 1) lines.push(`  if (${name()} > ${rng.int(0, 50)}) throw new Error('${rng.pick(WORDS)} ${rng.pick(WORDS)} failed');`);
      else if (kind === 2) lines.push(`  // ${rng.pick(WORDS)} before ${rng.pick(WORDS)}, see ${name()}`);
      else if (kind === 3) lines.push(`  ${name()}.${rng.pick(WORDS)}(${name()}, { retries: ${rng.int(1, 9)} });`);
      else lines.push('');
    }
    lines.push(`  return ${name()};`, '}', '');
  }
  return lines.slice(0, lineCount);
}

export interface CheckMeasure {
  files: number;
  anchors: number;
  coldMs: number;
  medianMs: number;
  statuses: Record<string, number>;
}

/**
 * Writes `files` generated files (200-400 lines) with `perFile` anchors each
 * to a temp folder, edits half of the files (lines inserted above anchors, a
 * line changed inside some), then times resolving every anchor from disk.
 */
export async function measureCheck(options: { files?: number; perFile?: number; runs?: number; seed?: number; withGit?: boolean } = {}): Promise<CheckMeasure> {
  const { files = 200, perFile = 5, runs = 5, seed = 7, withGit = false } = options;
  const rng = new Random(seed);
  const dir = mkdtempSync(join(tmpdir(), 'anchors-speed-'));
  try {
    const anchors: Anchor[] = [];
    const edited = new Map<string, string>();
    for (let f = 0; f < files; f++) {
      const path = `src/module${f % 10}/file${f}.ts`;
      const lines = generateSource(rng, rng.int(200, 400));
      const original = lines.join('\n') + '\n';
      for (let k = 0; k < perFile; k++) {
        const block = pickBlock(rng, lines, Math.floor((k * lines.length) / perFile));
        if (block) anchors.push({ path, lines: { start: block.start + 1, end: block.end + 1 }, snippet: snippetOf(lines, block.start, block.end) });
      }
      if (f % 2 === 0) lines.splice(rng.int(0, 20), 0, ...generateSource(rng, rng.int(1, 5)));
      if (f % 10 === 0) {
        const a = anchors[anchors.length - 1];
        const at = a.lines.end + (lines.length > a.lines.end ? 0 : -1);
        lines[at - 1] = `${lines[at - 1]} // edited`;
      }
      mkdirSync(join(dir, `src/module${f % 10}`), { recursive: true });
      writeFileSync(join(dir, path), original);
      edited.set(path, lines.join('\n') + '\n');
    }
    let history: GitHistory | undefined;
    if (withGit) {
      // The anchors were captured at a commit of the original files; the edits are in the working tree.
      const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { encoding: 'utf8' }).trim();
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'captured');
      const commit = git('rev-parse', '--short', 'HEAD');
      for (const a of anchors) a.commit = commit;
      history = new GitHistory(dir);
    }
    for (const [path, text] of edited) writeFileSync(join(dir, path), text);
    const fs = new NodeFileSystem(dir);
    const times: number[] = [];
    const statuses: Record<string, number> = {};
    for (let run = 0; run <= runs; run++) {
      const t0 = performance.now();
      // A new GitHistory each run: its caches must not carry over.
      const results = await resolveAnchors(anchors, fs, { history: history && new GitHistory(dir) });
      times.push(performance.now() - t0);
      if (run === 0) for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    }
    return { files, anchors: anchors.length, coldMs: times[0], medianMs: median(times.slice(1)), statuses };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface EditMeasure {
  anchors: number;
  lines: number;
  firstMs: number;
  medianMs: number;
  statuses: Record<string, number>;
}

/**
 * One file of `lines` lines with `anchors` anchors; three lines are inserted
 * in the middle and a line inside one anchor is edited; times preparing the
 * edited text and relocating every anchor in it.
 */
export function measureEditRelocation(options: { lines?: number; anchors?: number; runs?: number; seed?: number } = {}): EditMeasure {
  const { lines: lineCount = 1500, anchors: count = 50, runs = 50, seed = 11 } = options;
  const rng = new Random(seed);
  const lines = generateSource(rng, lineCount);
  const anchors: Anchor[] = [];
  for (let k = 0; k < count; k++) {
    const block = pickBlock(rng, lines, Math.floor((k * lineCount) / count));
    if (block) anchors.push({ path: 'src/big.ts', lines: { start: block.start + 1, end: block.end + 1 }, snippet: snippetOf(lines, block.start, block.end) });
  }
  const middle = anchors[Math.floor(anchors.length / 2)];
  const edited = [...lines];
  edited[middle.lines.start] = `${edited[middle.lines.start]} // edited`;
  edited.splice(middle.lines.start - 3, 0, '// one', '// two', '// three');
  const text = edited.join('\n') + '\n';
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  for (let run = 0; run <= runs; run++) {
    const t0 = performance.now();
    // A new PreparedFile each run: the editor prepares the text once per edit.
    const file = new PreparedFile(text);
    const results = anchors.map((a) => relocateAnchor(a, { text: file }));
    times.push(performance.now() - t0);
    if (run === 0) for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
  return { anchors: anchors.length, lines: lineCount, firstMs: times[0], medianMs: median(times.slice(1)), statuses };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Run directly (not when imported by the evaluation, bundled or not).
if (/anchors-speed\.js$/.test(process.argv[1] ?? '')) {
  void (async () => {
    const check = await measureCheck();
    console.log(`check: ${check.anchors} anchors in ${check.files} files: ${check.coldMs.toFixed(1)} ms cold, ${check.medianMs.toFixed(1)} ms median warm`, check.statuses);
    const withGit = await measureCheck({ withGit: true });
    console.log(`check with git history: ${withGit.coldMs.toFixed(1)} ms cold, ${withGit.medianMs.toFixed(1)} ms median warm`, withGit.statuses);
    const edit = measureEditRelocation();
    console.log(`edit: ${edit.anchors} anchors in a ${edit.lines}-line file: ${edit.firstMs.toFixed(2)} ms first, ${edit.medianMs.toFixed(2)} ms median`, edit.statuses);
  })();
}
