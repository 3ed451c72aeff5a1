// The end-to-end set: the product as a team uses it, on real git
// repositories. Anchors are recorded at an older commit with the built
// `learnings new`, the notes committed as users commit them, the history
// moves on (releases, then a team commit that renames parameters and moves
// files), and the built `learnings check --json` is scored against the
// truth: where a line diff says the lines went, else where the declaration
// of the same name is now, else gone.
//
// Repositories: the release history of npm packages (tarballs from the
// registry, one commit per release), and this repository's own history.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseNameStatus } from '../../src/node/gitHistory';
import { declarationsOf } from '../../src/core/anchors/declarations';
import { blankKey } from '../../src/core/anchors/lines';
import type { AnchorResolution, AnchorStatus } from '../../src/core/anchors/resolution';
import { meaningful, Random, type Truth } from './anchorsCases';
import { Tally } from './anchorsScore';
import { lineMap } from './anchorsHistory';

const CLI = join(__dirname, '../../../dist/cli.js');
const ENV = { ...process.env, GIT_AUTHOR_NAME: 'eval', GIT_AUTHOR_EMAIL: 'eval@example.com', GIT_COMMITTER_NAME: 'eval', GIT_COMMITTER_EMAIL: 'eval@example.com' };

/** Releases packed from the registry (cached by npm): several years of upstream edits each. */
export const RELEASES: Record<string, string[]> = {
  express: ['4.10.0', '4.14.0', '4.17.1', '4.21.2', '5.1.0'],
  commander: ['2.20.0', '5.1.0', '8.3.0', '11.1.0'],
  'markdown-it': ['10.0.0', '12.3.2', '13.0.2', '14.1.0'],
  debug: ['2.6.9', '3.2.7', '4.3.4', '4.4.0'],
  ws: ['6.2.2', '7.5.9', '8.18.0'],
  koa: ['2.5.0', '2.13.4', '2.15.3'],
  semver: ['5.7.1', '6.3.0', '7.3.8', '7.7.1'],
};

const CODE = /\.(m?js|cjs|ts)$/;
const MAX_ANCHORS_PER_SET = 400;
const ANCHORS_PER_NOTE = 8;

function git(root: string, args: string[], input?: string): string {
  return execFileSync('git', ['-C', root, '-c', 'core.quotepath=off', ...args], { env: ENV, input, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'] });
}

function splitText(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `npm pack NAME@VERSION` into `cache`, unpacked: the release's source files. */
function releaseFiles(name: string, version: string, cache: string): Map<string, string> | undefined {
  const dir = join(cache, `${name}-${version}`);
  if (!existsSync(join(dir, 'package'))) {
    mkdirSync(dir, { recursive: true });
    const packed = spawnSync('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8', timeout: 120000 });
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (packed.status !== 0 || !tgz) return undefined;
    execFileSync('tar', ['-xzf', join(dir, tgz), '-C', dir]);
  }
  const files = new Map<string, string>();
  const base = join(dir, 'package');
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (CODE.test(entry) && !/\.d\.ts$|\.min\.js$/.test(entry)) {
        const text = readFileSync(full, 'utf8');
        const lines = text.split('\n');
        if (lines.length < 3000 && text.length / Math.max(1, lines.length) < 160) files.set(relative(base, full).split('\\').join('/'), text);
      }
    }
  };
  walk(base);
  return files;
}

/** Replaces the working tree (all but the notes) with `files`, and commits. */
function commitTree(root: string, files: ReadonlyMap<string, string>, message: string): void {
  git(root, ['rm', '-rq', '--ignore-unmatch', '--', '.', ':!.learnings']);
  for (const [rel, text] of files) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '--allow-empty', '-m', message]);
}

interface Picked {
  path: string;
  /** 0-based, inclusive, in the old version. */
  start: number;
  end: number;
  /** The declaration it is in, and its header line (0-based). */
  name: string;
  header: number;
  kind: 'function head' | 'inside a body';
}

/** Anchors on functions of the old version: a function's first lines, or a block inside its body. */
function pickAnchors(files: ReadonlyMap<string, string>, rng: Random, limit: number): Picked[] {
  const all: Picked[] = [];
  for (const [path, text] of files) {
    const lines = splitText(text);
    const fns = declarationsOf(path, lines).filter((d) => !d.container && d.end - d.start >= 3 && d.end - d.start <= 120);
    for (const d of fns) {
      if (rng.next() < 0.5) {
        let end = Math.min(d.end, d.start + rng.int(2, 11));
        while (end > d.start && !meaningful(lines[end])) end--;
        if (end - d.start >= 2) all.push({ path, start: d.start, end, name: d.name, header: d.start, kind: 'function head' });
      } else {
        const from = d.start + 1;
        const to = d.end - 1;
        if (to - from < 2) continue;
        let start = rng.int(from, Math.max(from, to - 2));
        while (start < to && !meaningful(lines[start])) start++;
        let end = Math.min(to, start + rng.int(2, 7));
        while (end > start && !meaningful(lines[end])) end--;
        if (end - start >= 2) all.push({ path, start, end, name: d.name, header: d.start, kind: 'inside a body' });
      }
    }
  }
  // A fair sample across files, the same on every run.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = `${p.path}:${p.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, limit);
}

/** Records the picked anchors with the built `learnings new`, a few per note. */
function recordNotes(root: string, picked: readonly Picked[]): string[] {
  const notes: string[] = [];
  for (let i = 0; i < picked.length; i += ANCHORS_PER_NOTE) {
    const group = picked.slice(i, i + ANCHORS_PER_NOTE);
    const args = [CLI, '--root', root, 'new', '--title', `Lesson ${i / ANCHORS_PER_NOTE + 1}`, '--author', 'eval', ...group.flatMap((p) => ['--anchor', `${p.path}:${p.start + 1}-${p.end + 1}`])];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`learnings new failed: ${r.stderr}`);
    notes.push(r.stdout.trim());
  }
  return notes;
}

/** The declaration header's opening words, up to and with the name: `export function parse`, `  handle`. */
function headerKey(line: string, name: string): string | undefined {
  const simple = name.slice(name.lastIndexOf('.') + 1);
  const at = line.search(new RegExp(`(?<![\\w$])${simple.replace(/[$]/g, '\\$')}(?![\\w$])`));
  return at < 0 ? undefined : line.slice(0, at + simple.length).trim();
}

/** 1-based lines of the block starting at `start` (0-based), to the line before the next one indented no deeper (closing line included). */
function blockAt(lines: readonly string[], start: number): { start: number; end: number } {
  const indent = lines[start].length - lines[start].trimStart().length;
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    const t = lines[i].trimStart();
    if (t === '') continue;
    const ind = lines[i].length - t.length;
    if (ind > indent || /^[)\]]/.test(t)) end = i;
    else {
      if (/^[}\]]/.test(t)) end = i;
      break;
    }
  }
  return { start: start + 1, end: end + 1 };
}

/**
 * Where the picked code is in the final tree: by the lines a line diff keeps
 * (every line in order: same; at least half, together: edited); else at the
 * declaration of the same name in the file (its body rewritten, a parameter
 * renamed); else what remains (rewritten); else verbatim elsewhere; else gone.
 */
function truthOf(p: Picked, oldLines: readonly string[], nowPath: string | undefined, final: ReadonlyMap<string, string[]>): Truth | undefined {
  const now = nowPath === undefined ? undefined : final.get(nowPath);
  let rewritten: Truth | undefined;
  if (nowPath !== undefined && now) {
    const map = lineMap(oldLines, now);
    const mapped: number[] = [];
    const survivors: number[] = [];
    let meaningfulLines = 0;
    for (let i = p.start; i <= p.end; i++) {
      mapped.push(map[i]);
      if (meaningful(oldLines[i])) {
        meaningfulLines++;
        if (map[i] >= 0) survivors.push(map[i]);
      }
    }
    if (mapped.every((n, k) => n >= 0 && n === mapped[0] + k)) return { kind: 'same', path: nowPath, lines: { start: mapped[0] + 1, end: mapped[mapped.length - 1] + 1 } };
    if (survivors.length > 0) {
      const lines = { start: Math.min(...survivors) + 1, end: Math.max(...survivors) + 1 };
      const together = lines.end - lines.start + 1 <= 2 * (p.end - p.start + 1);
      if (together && survivors.length * 2 >= meaningfulLines) return { kind: 'edited', path: nowPath, lines, tolerance: 'overlap' };
      rewritten = { kind: 'rewritten', path: nowPath, lines, tolerance: 'overlap' };
    }
    const key = headerKey(oldLines[p.header], p.name);
    if (key && key.length >= 3) {
      const headers = now.map((l, i) => ({ l: l.trim(), i })).filter(({ l }) => l.startsWith(key) && /^[\s(<=:]/.test(l.slice(key.length)));
      if (headers.length === 1) return { kind: 'edited', path: nowPath, lines: blockAt(now, headers[0].i), tolerance: 'overlap' };
    }
  }
  if (rewritten) return rewritten;
  const keys = oldLines.slice(p.start, p.end + 1).map(blankKey);
  const found: Array<{ path: string; start: number }> = [];
  for (const [path, lines] of final) {
    for (let s = 0; s + keys.length <= lines.length; s++) {
      if (blankKey(lines[s]) !== keys[0]) continue;
      if (keys.every((k, j) => blankKey(lines[s + j]) === k)) found.push({ path, start: s });
    }
  }
  if (found.length === 1) return { kind: 'same', path: found[0].path, lines: { start: found[0].start + 1, end: found[0].start + keys.length } };
  return found.length === 0 ? { kind: 'gone' } : undefined;
}

/**
 * The team's commit on top of the newest version: a parameter renamed in
 * every third anchored function still there, every fourth anchored file
 * moved to a new name (`git mv`).
 */
function teamEdits(root: string, picked: readonly Picked[], rng: Random): { renamedParams: number; movedFiles: number } {
  let renamedParams = 0;
  const byFile = new Map<string, Picked[]>();
  for (const p of picked) byFile.set(p.path, [...(byFile.get(p.path) ?? []), p]);
  const paths = [...byFile.keys()].filter((p) => existsSync(join(root, p))).sort();
  for (const path of paths) {
    const full = join(root, path);
    const lines = readFileSync(full, 'utf8').split('\n');
    const decls = declarationsOf(path, lines);
    for (const name of new Set(byFile.get(path)!.map((p) => p.name))) {
      if (rng.next() >= 1 / 3) continue;
      const d = decls.filter((x) => x.name === name);
      if (d.length !== 1) continue;
      const params = /\(([^)]*)\)/.exec(lines[d[0].start])?.[1] ?? '';
      const param = /^\s*(?:\{\s*)?([A-Za-z_]\w{2,})/.exec(params)?.[1];
      if (!param || ['this', 'self'].includes(param)) continue;
      const re = new RegExp(`(?<![\\w$.])${param}(?![\\w$])`, 'g');
      for (let i = d[0].start; i <= d[0].end; i++) lines[i] = lines[i].replace(re, `${param}Renamed`);
      renamedParams++;
    }
    writeFileSync(full, lines.join('\n'));
  }
  let movedFiles = 0;
  for (const path of paths) {
    if (rng.next() >= 0.25) continue;
    const slash = path.lastIndexOf('/');
    const target = `${path.slice(0, slash + 1)}moved-${path.slice(slash + 1)}`;
    git(root, ['add', '-A']);
    git(root, ['mv', path, target]);
    movedFiles++;
  }
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'team: rename parameters, move files']);
  return { renamedParams, movedFiles };
}

export interface EndToEndResult {
  tally: Tally;
  anchors: number;
  detail: string;
  misses: string[];
}

interface Version {
  label: string;
  files: ReadonlyMap<string, string>;
}

/**
 * One run: versions[0] is where the anchors are recorded; the notes are
 * committed right after it (without `commit:` when `withCommit` is false,
 * as notes written by hand or by older tools are); the later versions are
 * committed on top, then the team's edits; then `learnings check --json`.
 */
export function runEndToEnd(scratch: string, name: string, versions: readonly Version[], rng: Random, withCommit: boolean): EndToEndResult {
  const root = join(scratch, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  git(root, ['init', '-q', '-b', 'main']);
  commitTree(root, versions[0].files, versions[0].label);
  const oldFiles = new Map([...versions[0].files].filter(([p]) => CODE.test(p)));
  const picked = pickAnchors(oldFiles, rng, MAX_ANCHORS_PER_SET);
  const notes = recordNotes(root, picked);
  if (!withCommit) {
    for (const note of notes) {
      const full = join(root, note);
      writeFileSync(full, readFileSync(full, 'utf8').replace(/\n {4}commit: [0-9a-f]+/g, ''));
    }
  }
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'notes: lessons on this code']);
  const oldCommit = git(root, ['rev-parse', 'HEAD~1']).trim();
  for (const v of versions.slice(1)) commitTree(root, v.files, v.label);
  const edits = teamEdits(root, picked, rng);

  const changes = parseNameStatus(git(root, ['diff', '-M', '--name-status', '-z', oldCommit, 'HEAD', '--']));
  const final = new Map<string, string[]>();
  for (const p of git(root, ['ls-files', '-z']).split('\0').filter((x) => x && CODE.test(x) && !x.startsWith('.learnings/'))) {
    final.set(p, splitText(readFileSync(join(root, p), 'utf8')));
  }
  const r = spawnSync(process.execPath, [CLI, '--root', root, 'check', '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const out = JSON.parse(r.stdout) as { anchors: Array<{ note: string; path: string; lines?: string; status: AnchorStatus; similarity?: number; was: string }> };
  const byNote = new Map<string, typeof out.anchors>();
  for (const a of out.anchors) byNote.set(a.note, [...(byNote.get(a.note) ?? []), a]);
  const tally = new Tally();
  const misses: string[] = [];
  notes.forEach((note, n) => {
    const results = byNote.get(note) ?? [];
    picked.slice(n * ANCHORS_PER_NOTE, (n + 1) * ANCHORS_PER_NOTE).forEach((p, k) => {
      const a = results[k];
      if (!a) return;
      const oldLines = splitText(versions[0].files.get(p.path) ?? '');
      const nowPath = changes.deleted.has(p.path) ? undefined : (changes.renamed.get(p.path) ?? p.path);
      const truth = truthOf(p, oldLines, nowPath, final);
      if (!truth) return;
      const [start, end] = (a.lines ?? '').split('-').map(Number);
      const resolution: AnchorResolution = { status: a.status, path: a.path, ...(a.lines ? { lines: { start, end } } : {}) };
      const outcome = tally.add(truth, resolution);
      if (outcome !== 'correct') misses.push(`[${name}] ${p.kind} of ${p.name} ${a.was}: ${outcome}, truth ${JSON.stringify(truth)}, got ${a.status} ${a.path}:${a.lines ?? ''}`);
    });
  });
  const detail = `${picked.length} anchors on ${oldFiles.size} files, ${versions.length} versions, then ${edits.renamedParams} parameters renamed and ${edits.movedFiles} files moved`;
  return { tally, anchors: picked.length, detail, misses };
}

/** The npm release versions, oldest first: step k holds each package's k-th release (its last, once it has no more). */
export function releaseVersions(cache: string): { versions: Version[]; packages: string[] } | undefined {
  const packages: Array<{ name: string; list: Map<string, string>[] }> = [];
  for (const [name, list] of Object.entries(RELEASES)) {
    const files = list.map((v) => releaseFiles(name, v, cache));
    if (files.every((f): f is Map<string, string> => f !== undefined && f.size > 0)) packages.push({ name, list: files });
  }
  if (packages.length === 0) return undefined;
  const steps = Math.max(...packages.map((p) => p.list.length));
  const versions: Version[] = [];
  for (let step = 0; step < steps; step++) {
    const files = new Map<string, string>();
    for (const { name, list } of packages) for (const [rel, text] of list[Math.min(step, list.length - 1)]) files.set(`${name}/${rel}`, text);
    versions.push({ label: `releases step ${step + 1}`, files });
  }
  return { versions, packages: packages.map((p) => `${p.name} ${RELEASES[p.name][0]}..${RELEASES[p.name].at(-1)}`) };
}

/** This repository's history as versions: its first commit with code, a middle one, and HEAD (code files only). */
export function ownVersions(projectRoot: string): { versions: Version[]; commits: number } | undefined {
  let commits: string[];
  try {
    commits = git(projectRoot, ['rev-list', '--first-parent', '--reverse', 'HEAD']).split('\n').filter(Boolean);
  } catch {
    return undefined;
  }
  if (commits.length < 3) return undefined;
  // From the first commit with most of the code (a third of the way), through the middle, to HEAD.
  const pickAt = [Math.floor(commits.length / 3), Math.floor((2 * commits.length) / 3), commits.length - 1];
  const versions: Version[] = [];
  for (const k of pickAt) {
    const c = commits[k];
    const paths = git(projectRoot, ['ls-tree', '-r', '--name-only', '-z', c]).split('\0').filter((p) => p && CODE.test(p) && !p.startsWith('test/fixtures/') && !p.startsWith('.learnings/'));
    const files = new Map<string, string>();
    for (const p of paths) files.set(p, git(projectRoot, ['show', `${c}:${p}`]));
    versions.push({ label: `commit ${c.slice(0, 8)}`, files });
  }
  return { versions, commits: commits.length };
}
