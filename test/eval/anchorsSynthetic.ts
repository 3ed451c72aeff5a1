// The synthetic set: anchors on random blocks of real source files (the
// JavaScript of installed packages), each followed through one kind of edit
// whose outcome is known exactly.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AnchorHistory } from '../../src/core/anchors/history';
import { PreparedFile } from '../../src/core/anchors/preparedFile';
import { Random, Workspace, meaningful, pickBlock, snippetOf, type EvalCase, type Truth } from './anchorsCases';

const CORPUS_DIRS = ['node_modules/yaml/dist', 'node_modules/diff/libesm'];
const COMMIT = 'c0ffee0';

const KEYWORDS = new Set(
  'break case catch class const continue debugger default delete do else export extends false finally for function if import in instanceof let new null return super switch this throw true try typeof undefined var void while with yield async await of static get set require exports module'.split(' '),
);

export const SCENARIOS = [
  'insert above',
  'delete above',
  're-indent',
  'rename identifier',
  'edit a line',
  'insert inside',
  'move within file',
  'move and edit',
  'move to other file',
  'rename file',
  'duplicate',
  'insert above + rename',
  'edit a third of the lines',
  'pull: above, inside, rename',
  'move to other file + re-indent',
  'delete block',
  'delete file',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Corpus {
  root: string;
  files: Map<string, string[]>;
  prepared: Map<string, PreparedFile>;
}

export function loadCorpus(root: string): Corpus {
  const files = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(m?js|ts)$/.test(name) && !name.endsWith('.d.ts')) {
        const text = readFileSync(full, 'utf8');
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        if (lines.length >= 40) files.set(relative(root, full).split('\\').join('/'), lines);
      }
    }
  };
  for (const dir of CORPUS_DIRS) {
    try {
      walk(join(root, dir));
    } catch {
      // A corpus folder that is not installed only shrinks the set.
    }
  }
  const prepared = new Map([...files].map(([path, lines]) => [path, new PreparedFile(lines.join('\n') + '\n')]));
  return { root, files, prepared };
}

/** `perScenario` anchors for every scenario, deterministic for a seed. */
export function syntheticCases(corpus: Corpus, perScenario: number, seed: number): EvalCase[] {
  const rng = new Random(seed);
  const paths = [...corpus.files.keys()];
  const cases: EvalCase[] = [];
  for (const scenario of SCENARIOS) {
    let made = 0;
    for (let attempt = 0; made < perScenario && attempt < perScenario * 20; attempt++) {
      const c = makeCase(rng, corpus, paths, scenario);
      if (c) {
        cases.push(c);
        made++;
      }
    }
  }
  return cases;
}

function makeCase(rng: Random, corpus: Corpus, paths: string[], scenario: Scenario): EvalCase | undefined {
  const path = rng.pick(paths);
  const original = corpus.files.get(path) as string[];
  const block = pickBlock(rng, original, scenario === 'delete above' ? 5 : 0);
  if (!block) return undefined;
  const { start, end } = block;
  const size = end - start + 1;
  const first = original[start].trim();
  const anchor = { path, lines: { start: start + 1, end: end + 1 }, snippet: snippetOf(original, start, end), commit: COMMIT };
  const lines = [...original];
  const changed = new Map<string, string | null>();
  let renamed: string | null | undefined;
  let truth: Truth;
  const same = (s: number, p = path): Truth => ({ kind: 'same', path: p, lines: { start: s + 1, end: s + size } });
  const edited = (s: number, e = s + size - 1): Truth => ({ kind: 'edited', path, lines: { start: s + 1, end: e + 1 }, tolerance: 'half' });

  switch (scenario) {
    case 'insert above': {
      const chunk = chunkFrom(rng, corpus, paths, 1, 20, first);
      lines.splice(rng.int(0, start), 0, ...chunk);
      truth = same(start + chunk.length);
      break;
    }
    case 'delete above': {
      const a = rng.int(0, start - 1);
      const b = rng.int(a, Math.min(start - 1, a + 19));
      lines.splice(a, b - a + 1);
      truth = same(start - (b - a + 1));
      break;
    }
    case 're-indent': {
      for (let i = start; i <= end; i++) if (lines[i].trim() !== '') lines[i] = `    ${lines[i]}`;
      if (rng.next() < 0.5) {
        lines.splice(end + 1, 0, '}');
        lines.splice(start, 0, 'if (enabled) {');
        truth = same(start + 1);
      } else truth = same(start);
      break;
    }
    case 'rename identifier': {
      if (!renameIdentifier(rng, lines, start, end)) return undefined;
      truth = edited(start);
      break;
    }
    case 'edit a line': {
      if (!editLine(rng, corpus, paths, lines, start, end)) return undefined;
      truth = edited(start);
      break;
    }
    case 'insert inside': {
      const chunk = chunkFrom(rng, corpus, paths, 1, 3, first);
      lines.splice(rng.int(start + 1, end), 0, ...chunk);
      truth = edited(start, end + chunk.length);
      break;
    }
    case 'move within file':
    case 'move and edit': {
      const moved = lines.splice(start, size);
      const at = farFrom(rng, lines.length, start, size);
      if (at === undefined) return undefined;
      lines.splice(at, 0, ...moved);
      if (scenario === 'move and edit') {
        if (!editLine(rng, corpus, paths, lines, at, at + size - 1)) return undefined;
        truth = edited(at);
      } else truth = same(at);
      break;
    }
    case 'move to other file': {
      const target = rng.pick(paths.filter((p) => p !== path));
      const into = [...(corpus.files.get(target) as string[])];
      const at = rng.int(0, into.length);
      into.splice(at, 0, ...lines.splice(start, size));
      changed.set(target, into.join('\n') + '\n');
      truth = same(at, target);
      break;
    }
    case 'rename file': {
      renamed = `moved/${path}`;
      changed.set(path, null);
      changed.set(renamed, lines.join('\n') + '\n');
      truth = same(start, renamed);
      break;
    }
    case 'duplicate': {
      const at = farFrom(rng, lines.length, start, size);
      if (at === undefined) return undefined;
      lines.splice(at, 0, ...original.slice(start, end + 1));
      truth = same(at <= start ? start + size : start);
      break;
    }
    case 'insert above + rename': {
      const chunk = chunkFrom(rng, corpus, paths, 1, 20, first);
      lines.splice(rng.int(0, start), 0, ...chunk);
      if (!renameIdentifier(rng, lines, start + chunk.length, end + chunk.length)) return undefined;
      truth = edited(start + chunk.length);
      break;
    }
    case 'edit a third of the lines': {
      const count = Math.max(1, Math.round(size / 3));
      for (let k = 0; k < count; k++) if (!editLine(rng, corpus, paths, lines, start, end)) return undefined;
      truth = edited(start);
      break;
    }
    case 'pull: above, inside, rename': {
      const above = chunkFrom(rng, corpus, paths, 1, 30, first);
      const inside = chunkFrom(rng, corpus, paths, 1, 2, first);
      lines.splice(rng.int(start + 1, end), 0, ...inside);
      lines.splice(rng.int(0, start), 0, ...above);
      const s0 = start + above.length;
      if (!renameIdentifier(rng, lines, s0, end + above.length + inside.length)) return undefined;
      truth = edited(s0, end + above.length + inside.length);
      break;
    }
    case 'move to other file + re-indent': {
      const target = rng.pick(paths.filter((p) => p !== path));
      const into = [...(corpus.files.get(target) as string[])];
      const at = rng.int(0, into.length);
      into.splice(at, 0, ...lines.splice(start, size).map((l) => (l.trim() === '' ? l : `  ${l}`)));
      changed.set(target, into.join('\n') + '\n');
      truth = same(at, target);
      break;
    }
    case 'delete block': {
      lines.splice(start, size);
      truth = { kind: 'gone' };
      break;
    }
    case 'delete file': {
      changed.set(path, null);
      renamed = null;
      truth = { kind: 'gone' };
      break;
    }
  }
  if (!changed.has(path)) changed.set(path, lines.join('\n') + '\n');
  const originalText = corpus.prepared.get(path)?.text;
  const history: AnchorHistory = {
    renamedTo: () => renamed,
    textAt: (_commit, p) => (p === path ? originalText : corpus.prepared.get(p)?.text),
    changedPaths: () => [...changed].filter(([, text]) => text !== null).map(([p]) => p),
  };
  return { scenario, anchor, workspace: new Workspace(corpus.prepared, changed), history, truth };
}

/**
 * A few consecutive lines of some corpus file: realistic inserted code. Not
 * ones holding the anchored block's first line: a copy of the block is the
 * "duplicate" scenario, and inside inserted code it would make the truth
 * itself ambiguous (which copy is the original is then a matter of taste).
 */
function chunkFrom(rng: Random, corpus: Corpus, paths: string[], min: number, max: number, avoid?: string): string[] {
  for (;;) {
    const source = corpus.files.get(rng.pick(paths)) as string[];
    const n = rng.int(min, max);
    const at = rng.int(0, Math.max(0, source.length - n));
    const chunk = source.slice(at, at + n);
    if (avoid === undefined || !chunk.some((line) => line.trim() === avoid)) return chunk;
  }
}

/** A place to put a block of `size` lines at least 5 lines from where it was. */
function farFrom(rng: Random, length: number, start: number, size: number): number | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = rng.int(0, length);
    if (at < start - 5 || at > start + size + 5) return at;
  }
  return undefined;
}

/** Renames, across the whole file as a refactoring would, an identifier used in the block. */
function renameIdentifier(rng: Random, lines: string[], start: number, end: number): boolean {
  const names = new Set<string>();
  for (let i = start; i <= end; i++) for (const m of lines[i].matchAll(/[A-Za-z_$][\w$]{2,}/g)) if (!KEYWORDS.has(m[0])) names.add(m[0]);
  if (names.size === 0) return false;
  const name = rng.pick([...names].sort());
  const replacement = `${name}${rng.pick(['Next', 'Value', 'Impl', 'Ref'])}`;
  const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i].replace(word, replacement);
  return true;
}

/** Changes one meaningful line of the block: a renamed word, an added clause, or a rewrite. */
function editLine(rng: Random, corpus: Corpus, paths: string[], lines: string[], start: number, end: number): boolean {
  const candidates: number[] = [];
  for (let i = start; i <= end; i++) if (meaningful(lines[i])) candidates.push(i);
  if (candidates.length === 0) return false;
  const i = rng.pick(candidates);
  const indent = /^\s*/.exec(lines[i])?.[0] ?? '';
  const kind = rng.int(0, 2);
  if (kind === 0) {
    const words = [...lines[i].matchAll(/[A-Za-z_$][\w$]{2,}/g)].filter((m) => !KEYWORDS.has(m[0]));
    if (words.length === 0) return false;
    const w = rng.pick(words);
    lines[i] = lines[i].slice(0, w.index) + `${w[0]}2` + lines[i].slice((w.index ?? 0) + w[0].length);
  } else if (kind === 1) {
    lines[i] = `${lines[i]} // changed: see issue ${rng.int(100, 999)}`;
  } else {
    const source = corpus.files.get(rng.pick(paths)) as string[];
    const replacement = source.filter(meaningful);
    lines[i] = indent + rng.pick(replacement).trim();
  }
  return true;
}
