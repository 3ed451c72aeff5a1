// The real-history sets: anchors placed on files at older commits of a real
// repository, and where their code is at HEAD according to a line diff.
// Sources: this project's own git history, and the release history of npm
// packages installed in several versions (each release one commit).

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diffArrays } from 'diff';
import { GitHistory, parseNameStatus } from '../../src/node/gitHistory';
import { blankKey } from '../../src/core/anchors/lines';
import { PreparedFile } from '../../src/core/anchors/preparedFile';
import { Random, Workspace, meaningful, pickBlock, snippetOf, type EvalCase, type Truth } from './anchorsCases';

const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|json|md|css|html|ya?ml|sh|py)$/;
const MAX_LINES = 5000;

function git(root: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['-C', root, '-c', 'core.quotepath=off', ...args], { input, maxBuffer: 512 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'] });
}

/** Blobs named `REV:PATH`, read by one `git cat-file --batch`. */
function readBlobs(root: string, specs: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (specs.length === 0) return out;
  const buf = git(root, ['cat-file', '--batch'], specs.join('\n') + '\n');
  let at = 0;
  for (const spec of specs) {
    const eol = buf.indexOf(10, at);
    const header = buf.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "missing"
    const size = Number(m[2]);
    if (m[1] === 'blob') out.set(spec, buf.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return out;
}

function splitText(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function wanted(path: string): boolean {
  return TEXT_FILE.test(path) && !path.endsWith('package-lock.json') && !path.includes('node_modules/');
}

export interface HistorySet {
  cases: EvalCase[];
  commits: number;
}

/**
 * Anchors on files changed between older commits and HEAD: up to
 * `perFile` random blocks in each, at up to `maxCommits` commits.
 */
export function historyCases(root: string, rng: Random, options: { maxCommits: number; perFile: number }): HistorySet {
  let commits: string[];
  try {
    commits = git(root, ['rev-list', '--first-parent', 'HEAD']).toString('utf8').split('\n').filter(Boolean);
  } catch {
    return { cases: [], commits: 0 };
  }
  if (commits.length < 2) return { cases: [], commits: commits.length };
  const headPaths = git(root, ['ls-tree', '-r', '--name-only', '-z', 'HEAD']).toString('utf8').split('\0').filter((p) => p && wanted(p));
  const headTexts = readBlobs(root, headPaths.map((p) => `HEAD:${p}`));
  const head = new Map<string, PreparedFile>();
  for (const p of headPaths) {
    const text = headTexts.get(`HEAD:${p}`);
    if (text !== undefined && !text.includes('\0') && splitText(text).length <= MAX_LINES) head.set(p, new PreparedFile(text));
  }
  const workspace = new Workspace(head);
  const history = new GitHistory(root, { to: 'HEAD' });
  const older = commits.slice(1);
  const step = Math.max(1, older.length / options.maxCommits);
  const cases: EvalCase[] = [];
  for (let k = 0; k < older.length && cases.length < 5000; k += step) {
    const commit = older[Math.floor(k)];
    const changes = parseNameStatus(git(root, ['diff', '-M', '--name-status', '-z', commit, 'HEAD', '--']).toString('utf8'));
    const touched = git(root, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=MD', commit, 'HEAD', '--'])
      .toString('utf8')
      .split('\0')
      .filter((p) => p && wanted(p));
    const renamedFrom = [...changes.renamed.keys()].filter(wanted);
    const oldPaths = [...new Set([...touched, ...renamedFrom])].sort();
    const oldTexts = readBlobs(root, oldPaths.map((p) => `${commit}:${p}`));
    for (const path of oldPaths) {
      const text = oldTexts.get(`${commit}:${path}`);
      if (text === undefined || text.includes('\0')) continue;
      const oldLines = splitText(text);
      if (oldLines.length > MAX_LINES) continue;
      const nowPath = changes.deleted.has(path) ? undefined : (changes.renamed.get(path) ?? path);
      const now = nowPath === undefined ? undefined : head.get(nowPath);
      for (let n = 0; n < options.perFile; n++) {
        const block = pickBlock(rng, oldLines);
        if (!block) break;
        const truth = truthOf(oldLines, block, nowPath, now, head);
        if (!truth) continue;
        const anchor = { path, lines: { start: block.start + 1, end: block.end + 1 }, snippet: snippetOf(oldLines, block.start, block.end), commit: commit.slice(0, 12) };
        cases.push({ scenario: 'real', anchor, workspace, history, truth });
      }
    }
  }
  // One git process for every version the history-aided runs will ask for.
  history.prefetch(cases.map((c) => ({ commit: c.anchor.commit as string, path: c.anchor.path })));
  return { cases, commits: commits.length };
}

/**
 * Where a block of an old version is at HEAD, from the lines a diff keeps:
 * `same` when every line survives in order; `edited` when at least half of
 * its meaningful lines survive and still sit together (within twice the
 * block's length); `rewritten` when fewer survive, or scattered; `gone` when
 * none does and the block is nowhere verbatim at HEAD (code moved away shows
 * in a diff as deleted). Undefined when the truth itself is ambiguous: the
 * block occurs verbatim more than once at HEAD.
 */
function truthOf(
  oldLines: readonly string[],
  block: { start: number; end: number },
  nowPath: string | undefined,
  now: PreparedFile | undefined,
  head: ReadonlyMap<string, PreparedFile>,
): Truth | undefined {
  if (nowPath !== undefined && now) {
    const map = lineMap(oldLines, now.lines);
    const mapped: number[] = [];
    const survivors: number[] = [];
    let meaningfulLines = 0;
    for (let i = block.start; i <= block.end; i++) {
      mapped.push(map[i]);
      if (meaningful(oldLines[i])) {
        meaningfulLines++;
        if (map[i] >= 0) survivors.push(map[i]);
      }
    }
    const intact = mapped.every((n, k) => n >= 0 && n === mapped[0] + k);
    if (intact) return { kind: 'same', path: nowPath, lines: { start: mapped[0] + 1, end: mapped[mapped.length - 1] + 1 } };
    if (survivors.length > 0) {
      const lines = { start: Math.min(...survivors) + 1, end: Math.max(...survivors) + 1 };
      const together = lines.end - lines.start + 1 <= 2 * (block.end - block.start + 1);
      const kind = together && survivors.length * 2 >= meaningfulLines ? 'edited' : 'rewritten';
      return { kind, path: nowPath, lines, tolerance: 'overlap' };
    }
  }
  const wantedKeys = oldLines.slice(block.start, block.end + 1).map(blankKey);
  const found: Array<{ path: string; start: number }> = [];
  for (const [path, file] of head) {
    const first = file.linesWithBlank(wantedKeys[0]);
    for (const s of first) if (wantedKeys.every((key, k) => s + k < file.lines.length && blankKey(file.lines[s + k]) === key)) found.push({ path, start: s });
  }
  if (found.length === 1) return { kind: 'same', path: found[0].path, lines: { start: found[0].start + 1, end: found[0].start + wantedKeys.length } };
  return found.length === 0 ? { kind: 'gone' } : undefined;
}

/** New line (0-based) of each old line of a file, -1 where it was removed or changed (trailing spaces ignored). */
export function lineMap(oldLines: readonly string[], newLines: readonly string[]): number[] {
  const map = new Array<number>(oldLines.length).fill(-1);
  const changes = diffArrays(
    oldLines.map((l) => l.trimEnd()),
    newLines.map((l) => l.trimEnd()),
  );
  let o = 0;
  let n = 0;
  for (const c of changes) {
    if (c.added) n += c.count;
    else if (c.removed) o += c.count;
    else for (let k = 0; k < c.count; k++) map[o++] = n++;
  }
  return map;
}

/** Source folders tried, in order, for each installed version of a package. */
const SOURCE_DIRS = ['dist/esm', 'libesm', 'source', 'lib', 'src', '.'];

/**
 * A throwaway repository whose commits are the successive installed releases
 * of packages found in several versions under node_modules: real upstream
 * edits, available offline. Undefined when none is installed twice.
 */
export function buildReleaseRepo(projectRoot: string, into: string): { root: string; packages: string[] } | undefined {
  const versions = new Map<string, Array<{ version: string; dir: string }>>();
  const scan = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      if (name.startsWith('@')) {
        scan(full, depth);
        continue;
      }
      try {
        const pkg = JSON.parse(readFileSync(join(full, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name && pkg.version) {
          const list = versions.get(pkg.name) ?? [];
          if (!list.some((v) => v.version === pkg.version)) list.push({ version: pkg.version, dir: full });
          versions.set(pkg.name, list);
        }
      } catch {
        // not a package folder
      }
      if (depth < 4) scan(join(full, 'node_modules'), depth + 1);
    }
  };
  scan(join(projectRoot, 'node_modules'), 0);
  const releases = [...versions]
    .filter(([, list]) => list.length >= 2)
    .map(([name, list]) => ({ name, list: list.sort((a, b) => compareVersions(a.version, b.version)).map((v) => sourceFiles(v.dir)) }))
    .filter((p) => p.list.every((files) => files.size > 0))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (releases.length === 0) return undefined;
  const root = join(into, 'releases');
  mkdirSync(root, { recursive: true });
  git(root, ['init', '-q']);
  const steps = Math.max(...releases.map((r) => r.list.length));
  for (let step = 0; step < steps; step++) {
    git(root, ['rm', '-rq', '--ignore-unmatch', '.']);
    for (const { name, list } of releases) {
      for (const [rel, text] of list[Math.min(step, list.length - 1)]) {
        const target = join(root, name, rel);
        mkdirSync(join(target, '..'), { recursive: true });
        writeFileSync(target, text);
      }
    }
    git(root, ['add', '-A']);
    git(root, ['-c', 'user.name=eval', '-c', 'user.email=eval@example.com', 'commit', '-q', '--allow-empty', '-m', `releases step ${step + 1}`]);
  }
  return { root, packages: releases.map((r) => `${r.name} ${r.list.length}`) };
}

/** Hand-written source files of one installed version: no bundles, maps, minified or declaration files. */
function sourceFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const sub of SOURCE_DIRS) {
    const base = join(dir, sub);
    const walk = (d: string) => {
      for (const name of readdirSync(d).sort()) {
        const full = join(d, name);
        if (name === 'node_modules' || name.startsWith('.')) continue;
        if (statSync(full).isDirectory()) {
          if (sub !== '.') walk(full);
        } else if (/\.(m?js|cjs|ts)$/.test(name) && !/\.d\.ts$|\.min\.js$/.test(name)) {
          const text = readFileSync(full, 'utf8');
          const lines = text.split('\n');
          if (lines.length < 2000 && text.length / lines.length < 160) files.set(relative(base, full).split('\\').join('/'), text);
        }
      }
    };
    try {
      if (statSync(base).isDirectory()) walk(base);
    } catch {
      continue;
    }
    if (files.size > 0) break;
  }
  return files;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number(x) || 0);
  const pb = b.split(/[.-]/).map((x) => Number(x) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
