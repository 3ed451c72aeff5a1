// `npm run eval:anchors`: how often relocated anchors land on their code,
// beside trusting the recorded line numbers, on a synthetic set of edits to
// real source files and on real git history. Exits 1 when a target of the
// issue is missed:
//   >= 95% of anchors whose code still exists land on it,
//   <= 1% of anchors confidently wrong (fresh or moved, but wrong),
//   >= 95% of anchors whose code is gone are orphaned or drifted.
// Flags: --verbose lists every miss, --no-speed skips the speed benchmark,
// --seed N draws another sample.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random, runBaseline, runEngine, type EvalCase } from './anchorsCases';
import { buildReleaseRepo, historyCases } from './anchorsHistory';
import { Tally, markdownTable, pct, type Row } from './anchorsScore';
import { SCENARIOS, loadCorpus, syntheticCases } from './anchorsSynthetic';
import { measureCheck, measureEditRelocation } from './anchors-speed';
import { ownVersions, releaseVersions, runEndToEnd, type EndToEndResult } from './anchorsEndToEnd';

const seedArg = process.argv.indexOf('--seed');
/** `--seed N` draws another sample; the default is what CI and the README show. */
const SEED = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20261123;
const PER_SCENARIO = 70;
/** Below this many anchors a rate says too little to hold the engine to a target. */
const MIN_TO_JUDGE = 30;

const verbose = process.argv.includes('--verbose');

function evaluate(set: string, cases: readonly EvalCase[], rows: Row[], byScenario?: Map<string, Tally[]>): void {
  const engine = new Tally();
  const withHistory = new Tally();
  const baseline = new Tally();
  for (const c of cases) {
    const r = runEngine(c, false);
    const outcome = engine.add(c.truth, r);
    const h = runEngine(c, true);
    const hOutcome = withHistory.add(c.truth, h);
    const b = runBaseline(c);
    baseline.add(c.truth, b);
    if (byScenario) {
      const tallies = byScenario.get(c.scenario) ?? [new Tally(), new Tally(), new Tally()];
      tallies[0].add(c.truth, r);
      tallies[1].add(c.truth, h);
      tallies[2].add(c.truth, b);
      byScenario.set(c.scenario, tallies);
    }
    if (verbose && (outcome !== 'correct' || hOutcome !== 'correct')) {
      console.log(
        `[${set}] ${c.scenario}: ${c.anchor.path}:${c.anchor.lines.start}-${c.anchor.lines.end} truth=${JSON.stringify(c.truth)} ` +
          `snippet-only=${outcome} ${JSON.stringify(r)} history=${hOutcome} ${JSON.stringify(h)}`,
      );
    }
  }
  rows.push({ set, method: 'relocation, snippet only', tally: engine });
  rows.push({ set, method: 'relocation + git history', tally: withHistory });
  rows.push({ set, method: 'baseline: recorded line numbers', tally: baseline });
}

/** The end-to-end set is held to the stricter targets (97% / 1% / 97%). */
function judgeEndToEnd(rows: readonly Row[]): string[] {
  const misses: string[] = [];
  for (const { set, method, tally: t } of rows) {
    const name = `${set}, ${method}`;
    if (t.exists >= MIN_TO_JUDGE && t.landRate < 0.97) misses.push(`${name}: ${pct(t.landRate)} land on their code (target >= 97%)`);
    if (t.total >= MIN_TO_JUDGE && t.wrongRate > 0.01) misses.push(`${name}: ${pct(t.wrongRate)} confidently wrong (target <= 1%)`);
    if (t.gone >= MIN_TO_JUDGE && t.goneRate < 0.97) misses.push(`${name}: ${pct(t.goneRate)} of gone code orphaned or drifted (target >= 97%)`);
  }
  return misses;
}

function judge(rows: readonly Row[]): string[] {
  const misses: string[] = [];
  for (const { set, method, tally: t } of rows) {
    if (method.startsWith('baseline')) continue;
    const name = `${set}, ${method}`;
    if (t.exists >= MIN_TO_JUDGE && t.landRate < 0.95) misses.push(`${name}: ${pct(t.landRate)} land on their code (target >= 95%)`);
    if (t.total >= MIN_TO_JUDGE && t.wrongRate > 0.01) misses.push(`${name}: ${pct(t.wrongRate)} confidently wrong (target <= 1%)`);
    if (t.gone >= MIN_TO_JUDGE && t.goneRate < 0.95) misses.push(`${name}: ${pct(t.goneRate)} of gone code orphaned or drifted (target >= 95%)`);
  }
  return misses;
}

async function main(): Promise<number> {
  const started = performance.now();
  const root = process.cwd();
  const rows: Row[] = [];

  // `--only-end-to-end` skips the engine-only sets (for working on the end-to-end one).
  const engineSets = !process.argv.includes('--only-end-to-end');
  const corpus = loadCorpus(root);
  const synthetic = engineSets ? syntheticCases(corpus, PER_SCENARIO, SEED) : [];
  const byScenario = new Map<string, Tally[]>();
  const t0 = performance.now();
  if (engineSets) evaluate('synthetic', synthetic, rows, byScenario);
  const syntheticMs = performance.now() - t0;

  // One generator per set, so a new commit here does not reshuffle the release set.
  const own = engineSets ? historyCases(root, new Random(SEED + 1), { maxCommits: 40, perFile: 4 }) : { cases: [], commits: 0 };
  if (engineSets) evaluate(`this repository (${own.commits} commits)`, own.cases, rows);

  const scratch = mkdtempSync(join(tmpdir(), 'anchors-eval-'));
  let releaseNote = 'no package is installed in two versions: release history skipped';
  try {
    const repo = engineSets ? buildReleaseRepo(root, scratch) : undefined;
    if (repo) {
      const releases = historyCases(repo.root, new Random(SEED + 2), { maxCommits: 40, perFile: 10 });
      evaluate(`npm release history (${repo.packages.length} packages)`, releases.cases, rows);
      releaseNote = `release history: ${releases.cases.length} anchors over ${releases.commits} release steps of ${repo.packages.join(', ')}`;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  // End to end: the built CLI on real clones with the notes committed (issue 11).
  const e2eRows: Row[] = [];
  const e2eNotes: string[] = [];
  const e2eScratch = mkdtempSync(join(tmpdir(), 'anchors-e2e-'));
  const packCache = join(tmpdir(), 'learnings-eval-npm-releases');
  try {
    const run = (set: string, method: string, r: EndToEndResult) => {
      e2eRows.push({ set, method, tally: r.tally });
      e2eNotes.push(`${set}, ${method}: ${r.detail}`);
      if (verbose) for (const m of r.misses) console.log(m);
    };
    const releases = releaseVersions(packCache);
    if (releases) {
      run(`npm releases (${releases.packages.length} packages)`, 'notes with commit:', runEndToEnd(e2eScratch, 'releases-commit', releases.versions, new Random(SEED + 3), true));
      run(`npm releases (${releases.packages.length} packages)`, 'no commit: (note\'s own commit)', runEndToEnd(e2eScratch, 'releases-nocommit', releases.versions, new Random(SEED + 3), false));
      e2eNotes.push(`npm releases: ${releases.packages.join(', ')}`);
    } else e2eNotes.push('npm releases: the registry could not be reached; set skipped');
    const ownHistory = ownVersions(root);
    if (ownHistory) {
      run(`this repository (${ownHistory.commits} commits)`, 'notes with commit:', runEndToEnd(e2eScratch, 'own-commit', ownHistory.versions, new Random(SEED + 4), true));
      run(`this repository (${ownHistory.commits} commits)`, 'no commit: (note\'s own commit)', runEndToEnd(e2eScratch, 'own-nocommit', ownHistory.versions, new Random(SEED + 4), false));
    }
  } finally {
    rmSync(e2eScratch, { recursive: true, force: true });
  }

  console.log('## Anchor relocation: evaluation\n');
  console.log('### End to end: `learnings new` at an old commit, notes committed, history moved ahead, `learnings check --json`\n');
  console.log(markdownTable(e2eRows));
  for (const note of e2eNotes) console.log(`- ${note}`);
  console.log('\n### Engine only\n');
  console.log(markdownTable(rows));
  console.log(
    '\nReal history classes a block by the lines a diff keeps: every line, in order (exists, exact lines); at least half of its ' +
      'meaningful lines, still together (exists, edited: any overlap counts); fewer, or scattered (rewritten); none, and nowhere verbatim (gone).',
  );
  for (const { set, method, tally } of rows) {
    if (tally.rewritten > 0 && !method.startsWith('baseline')) {
      console.log(`Stricter reading, ${set}, ${method}: rewritten code counted as existing code, ${pct(tally.strictLandRate)} land on it or its remains.`);
    }
  }
  console.log('\n### Synthetic set by scenario (lands on the code, or for gone code: orphaned or drifted; confidently wrong)\n');
  console.log('| scenario | anchors | snippet only | + git history | baseline | confidently wrong (snippet only / + history / baseline) | right and shown fresh or moved (snippet only / + history) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const scenario of SCENARIOS) {
    const t = byScenario.get(scenario);
    if (!t) continue;
    const rate = (x: Tally) => pct(x.gone > 0 ? x.goneRate : x.landRate);
    const sure = (x: Tally) => (x.exists > 0 ? pct(x.confidentCorrect / x.exists) : 'n/a');
    console.log(
      `| ${scenario} | ${t[0].total} | ${rate(t[0])} | ${rate(t[1])} | ${rate(t[2])} | ${pct(t[0].wrongRate)} / ${pct(t[1].wrongRate)} / ${pct(t[2].wrongRate)} | ${sure(t[0])} / ${sure(t[1])} |`,
    );
  }
  console.log(
    `\nSynthetic: ${synthetic.length} anchors on blocks of 3-15 lines of ${corpus.files.size} real source files (seed ${SEED}), ` +
      `every other file of the set offered as a place the code may have moved to; ${syntheticMs.toFixed(0)} ms for both engine runs and the baseline.`,
  );
  console.log(`Real history: ${own.cases.length} anchors from this repository's ${own.commits} commits; ${releaseNote}.`);

  if (!process.argv.includes('--no-speed')) {
    const check = await measureCheck();
    const withGit = await measureCheck({ withGit: true });
    const edit = measureEditRelocation();
    console.log(
      `\nSpeed: check of ${check.anchors} anchors in ${check.files} files from disk: ${check.coldMs.toFixed(0)} ms cold, ${check.medianMs.toFixed(0)} ms warm (median); ` +
        `with git history: ${withGit.coldMs.toFixed(0)} ms cold, ${withGit.medianMs.toFixed(0)} ms warm; ` +
        `relocating ${edit.anchors} anchors after one edit in one file: ${edit.medianMs.toFixed(2)} ms (median).`,
    );
  }
  console.log(`\nEvaluation took ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  const misses = [...judge(rows), ...judgeEndToEnd(e2eRows)];
  for (const miss of misses) console.error(`TARGET MISSED: ${miss}`);
  return misses.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
