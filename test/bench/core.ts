// The core's measurements, one per process so every index build is cold
// (a new process: nothing parsed, nothing compiled by the JIT yet):
//
//   node --expose-gc out/test/bench/core.js index   DIR   cold LearningsWorkspace.load() over node:fs
//   node --expose-gc out/test/bench/core.js raw     DIR   the same files read raw, the baseline
//   node --expose-gc out/test/bench/core.js heap    DIR   heap kept by the loaded index, after GC
//   node --expose-gc out/test/bench/core.js queries DIR   update one note, list, search, topic tree
//   node out/test/bench/core.js check [git]                1,000 anchors in 200 files (anchors-speed.ts)
//   node out/test/bench/core.js relocate                   50 anchors after one edit (anchors-speed.ts)
//   node out/test/bench/core.js hostile                    hostile inputs: 1 MB front matters, a 10,000-line file, a long body
//
// Each prints one JSON object on its last line. `scripts/bench/bench.mjs`
// runs them several times and takes medians. The OS page cache is warm for
// both `index` and `raw` (the files were just written or read): both are
// measured the same way, so the ratio compares parsing and indexing with
// reading, not disk speed.

import { promises as fsp, readFile } from 'node:fs';
import { join } from 'node:path';
import { NodeFileSystem } from '../../src/node/nodeFileSystem';
import { LearningsWorkspace, forEachLimited } from '../../src/core/index/workspace';
import type { NoteIndex } from '../../src/core/index/noteIndex';
import { measureCheck, measureEditRelocation } from '../eval/anchors-speed';
import { parseNote } from '../../src/core/notes/parseNote';
import { parseTopicPage } from '../../src/core/topics/parseTopicPage';
import { editNote } from '../../src/core/notes/noteEditor';
import { relocateAnchor } from '../../src/core/anchors/relocate';
import { safeMarkdownExcerpt } from '../../src/core/render/excerpt';
import { HOSTILE_FRONT_MATTER, LONG_BODY, anchorInLongFile } from '../support/hostileInputs';

/** The concurrency LearningsWorkspace reads with, so the baseline reads the same way. */
const READ_CONCURRENCY = 64;

export async function measureIndex(root: string): Promise<{ ms: number; notes: number; problems: number }> {
  const t0 = performance.now();
  const index = await new LearningsWorkspace(new NodeFileSystem(root)).load();
  const ms = performance.now() - t0;
  return { ms, notes: index.size, problems: index.problems().length };
}

/**
 * The least work that yields every note's front matter and body as text:
 * list the notes folder, read each file (node:fs's callback readFile, the
 * fastest plain read here), decode it, split at the second `---` line.
 */
export async function measureRaw(root: string): Promise<{ ms: number; notes: number; bytes: number }> {
  const t0 = performance.now();
  const dir = join(root, '.learnings/notes');
  const names = (await fsp.readdir(dir)).filter((n) => n.endsWith('.md'));
  let bytes = 0;
  let split = 0;
  await forEachLimited(names, READ_CONCURRENCY, async (name) => {
    const data = await new Promise<Buffer>((resolve, reject) => readFile(join(dir, name), (err, read) => (err ? reject(err) : resolve(read))));
    const text = data.toString('utf8');
    const end = text.indexOf('\n---', 3);
    if (end > 0) split++;
    bytes += text.length;
  });
  const ms = performance.now() - t0;
  return { ms, notes: split, bytes };
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
}

/**
 * Heap kept by a loaded index: heapUsed after GC, with the index alive, minus
 * before; `mb` with the search index made (as the extension keeps it), `loadedMb` without.
 */
export async function measureHeap(root: string): Promise<{ mb: number; loadedMb: number; notes: number }> {
  collect();
  const before = process.memoryUsage().heapUsed;
  const workspace = new LearningsWorkspace(new NodeFileSystem(root));
  const index = await workspace.load();
  index.problems();
  collect();
  const loaded = process.memoryUsage().heapUsed;
  // Before it existed (`--source` of an older tree), the search text was made while loading.
  (index as Partial<NoteIndex>).prepareSearch?.();
  collect();
  const after = process.memoryUsage().heapUsed;
  const mb = (n: number) => (n - before) / (1024 * 1024);
  return { mb: mb(after), loadedMb: mb(loaded), notes: keep(index).size };
}

// Keeps the index reachable until the measurement is taken.
let kept: NoteIndex | undefined;
function keep(index: NoteIndex): NoteIndex {
  kept = index;
  return kept;
}

export const SEARCHES = [
  'retry', // common: a word in many bodies
  'webhook events', // two terms, title hits
  'connection pool exhausted', // three terms
  'idempotently', // title word, about one note in twelve
  'zebra', // no match
  're', // a two-letter prefix: thousands of words, most notes
  'conection', // a typo: every word of similar length looked at
  'retrying webhooks idempotent', // three word forms
  'åtgärd', // accents folded
];

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, fn: () => unknown): number {
  fn(); // the first call compiles; the median is what a user sees from then on
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export interface QueryMeasure {
  /** The first search after loading, which makes the search index. */
  firstSearchMs: number;
  /** The first query after loading, which makes the lookups by topic, kind, author and file. */
  firstQueryMs: number;
  /** One changed note re-read from disk, parsed and re-indexed. */
  updateOneMs: number;
  /** The topic tree rebuilt after that change (the Topics view's refresh). */
  topicsAfterChangeMs: number;
  /** Every note, sorted (an unfiltered `learnings list`). */
  listAllMs: number;
  /** Notes of one topic with its subtopics (a Topics view node, `list --topic`). */
  listTopicMs: number;
  /** Notes anchored in one file (This File view, CodeLens). */
  listFileMs: number;
  /** The slowest of SEARCHES, each the median of its runs. */
  searchMs: number;
  searches: Record<string, { ms: number; hits: number }>;
}

export async function measureQueries(root: string, runs = 30): Promise<QueryMeasure> {
  const fs = new NodeFileSystem(root);
  const workspace = new LearningsWorkspace(fs);
  const index = await workspace.load();
  const t0 = performance.now();
  index.search(SEARCHES[0]);
  const firstSearchMs = performance.now() - t0;
  const topic = index.topics()[0].slug;
  const t1 = performance.now();
  index.query({ topic });
  const firstQueryMs = performance.now() - t1;
  const notes = index.notes();
  const target = notes[Math.floor(notes.length / 2)];
  const original = await fsp.readFile(join(root, target.path), 'utf8');
  const abs = join(root, target.path);
  const variants = [original.replace(/^title: (.*)$/m, 'title: $1 (edited)'), original];
  let updateOneMs: number;
  let topicsAfterChangeMs: number;
  try {
    const updates: number[] = [];
    const trees: number[] = [];
    for (let i = -1; i < runs; i++) {
      await fsp.writeFile(abs, variants[(i + 2) % 2]);
      const t0 = performance.now();
      await workspace.refresh(target.path);
      const t1 = performance.now();
      index.topics();
      const t2 = performance.now();
      if (i >= 0) {
        updates.push(t1 - t0);
        trees.push(t2 - t1);
      }
    }
    updateOneMs = median(updates);
    topicsAfterChangeMs = median(trees);
  } finally {
    await fsp.writeFile(abs, original);
    await workspace.refresh(target.path);
  }
  const file = index.anchoredFiles()[0];
  const searches: QueryMeasure['searches'] = {};
  for (const q of SEARCHES) searches[q] = { ms: time(runs, () => index.search(q)), hits: index.search(q, Infinity).length };
  return {
    firstSearchMs,
    firstQueryMs,
    updateOneMs,
    topicsAfterChangeMs,
    listAllMs: time(runs, () => index.notes()),
    listTopicMs: time(runs, () => index.query({ topic })),
    listFileMs: time(runs, () => index.query({ file })),
    searchMs: Math.max(...Object.values(searches).map((s) => s.ms)),
    searches,
  };
}

/**
 * The inputs the unit tests check for what they do (test/support/hostileInputs.ts),
 * timed here: the slowest of the hostile front matters (as a note, a topic page
 * and an edit), one relocation in a 10,000-line file, one excerpt of a long body.
 * Each after one run of the same code on a small input, as in a process that has
 * read a note before.
 */
export function measureHostile(): { parseMs: number; parseCases: Record<string, number>; relocate10kLinesMs: number; excerptLongBodyMs: number } {
  const timed = (fn: () => unknown) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  parseNote('warm.md', HOSTILE_FRONT_MATTER['distinct keys'].slice(0, 4096) + '\n---\n');
  const parseCases: Record<string, number> = {};
  for (const [name, text] of Object.entries(HOSTILE_FRONT_MATTER)) parseCases[name] = timed(() => parseNote('.learnings/notes/hostile.md', text));
  const distinct = HOSTILE_FRONT_MATTER['distinct keys'];
  parseCases['topic page, distinct keys'] = timed(() => parseTopicPage('.learnings/topics/x.md', distinct, '.learnings/topics'));
  parseCases['edit, distinct keys'] = timed(() => {
    try {
      editNote(distinct, [{ op: 'set', key: 'title', value: 'y' }]);
    } catch {
      // refused, as it must be
    }
  });
  const { anchor, text } = anchorInLongFile('src/long.ts');
  const relocate10kLinesMs = timed(() => relocateAnchor(anchor, { text }));
  safeMarkdownExcerpt('a\n\nb', { maxLines: 3 });
  const excerptLongBodyMs = timed(() => safeMarkdownExcerpt(LONG_BODY, { maxLines: 3 }));
  return { parseMs: Math.max(...Object.values(parseCases)), parseCases, relocate10kLinesMs, excerptLongBodyMs };
}

if (require.main === module) {
  const [what, root] = process.argv.slice(2);
  const measures: Record<string, (arg: string) => Promise<unknown>> = {
    index: measureIndex,
    raw: measureRaw,
    heap: measureHeap,
    queries: measureQueries,
    // The first resolution in a new process is what `learnings check` pays; the median is warm.
    check: (arg) => measureCheck({ withGit: arg === 'git', runs: 3 }),
    relocate: async () => measureEditRelocation(),
    hostile: async () => measureHostile(),
  };
  const measure = measures[what];
  if (!measure || (!root && !['check', 'relocate', 'hostile'].includes(what))) {
    console.error(`usage: node --expose-gc out/test/bench/core.js ${Object.keys(measures).join('|')} [DIR]`);
    process.exit(2);
  }
  measure(root).then(
    (result) => console.log(JSON.stringify(result)),
    (err: Error) => {
      console.error(err.stack ?? err.message);
      process.exit(1);
    },
  );
}
