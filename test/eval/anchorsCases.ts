// What an evaluation case is, and how the engine and the line-number baseline
// are run on one. Shared by the synthetic and the real-history sets.

import type { Anchor, LineRange } from '../../src/core/model';
import type { AnchorHistory } from '../../src/core/anchors/history';
import { PreparedFile } from '../../src/core/anchors/preparedFile';
import { relocateAnchor, type OtherFile } from '../../src/core/anchors/relocate';
import type { AnchorResolution } from '../../src/core/anchors/resolution';

/**
 * Where the anchored code is now. `same`: unchanged (but for whitespace), so
 * only its exact lines are right. `edited`: changed but mostly there, so a
 * range on it is right: `half` when the truth is exact (synthetic) and the
 * range must cover at least half of the union of both; `overlap` when the
 * truth is the span of the lines a diff says survived (real history), and
 * touching it is right. `rewritten` (real history only): fewer than half of
 * its lines survive; landing on them and orphaning are both right.
 */
export type Truth =
  | { kind: 'same'; path: string; lines: LineRange }
  | { kind: 'edited' | 'rewritten'; path: string; lines: LineRange; tolerance: 'half' | 'overlap' }
  | { kind: 'gone' };

export interface EvalCase {
  scenario: string;
  anchor: Anchor;
  workspace: Workspace;
  history?: AnchorHistory;
  truth: Truth;
}

/** A set of files as they are after the change: shared originals plus the case's own edits. */
export class Workspace {
  constructor(
    private readonly base: ReadonlyMap<string, PreparedFile>,
    private readonly changed: ReadonlyMap<string, string | null> = new Map(),
  ) {}

  get(path: string): PreparedFile | undefined {
    const own = this.changed.get(path);
    if (own === null) return undefined;
    if (own !== undefined) return new PreparedFile(own);
    return this.base.get(path);
  }

  *files(except: string): Iterable<OtherFile> {
    for (const [path, text] of this.changed) if (text !== null && path !== except) yield { path, text };
    for (const [path, file] of this.base) if (!this.changed.has(path) && path !== except) yield { path, text: file };
  }
}

export function runEngine(c: EvalCase, withHistory: boolean): AnchorResolution {
  return relocateAnchor(
    c.anchor,
    { text: c.workspace.get(c.anchor.path) },
    { otherFiles: c.workspace.files(c.anchor.path), history: withHistory ? c.history : undefined },
  );
}

/** Trusting the recorded line numbers: what a plain line anchor shows. */
export function runBaseline(c: EvalCase): AnchorResolution {
  const file = c.workspace.get(c.anchor.path);
  if (!file || file.lines.length === 0) return { status: 'orphaned', path: c.anchor.path };
  const last = file.lines.length;
  const start = Math.min(c.anchor.lines.start, last);
  return { status: 'fresh', path: c.anchor.path, lines: { start, end: Math.min(Math.max(start, c.anchor.lines.end), last) } };
}

/** A small seeded PRNG (mulberry32): the same cases on every run and machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in min..max, inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** A line worth starting or ending an anchor on: people select code, not blank lines. */
export function meaningful(line: string): boolean {
  return /[\p{L}\p{N}_$]{3,}/u.test(line);
}

/** A random block of 3..15 lines (0-based, inclusive) starting and ending on meaningful lines. */
export function pickBlock(rng: Random, lines: readonly string[], minStart = 0): { start: number; end: number } | undefined {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (lines.length - 3 < minStart) return undefined;
    const start = rng.int(minStart, lines.length - 3);
    if (!meaningful(lines[start])) continue;
    let end = Math.min(lines.length - 1, start + rng.int(3, 15) - 1);
    while (end > start && !meaningful(lines[end])) end--;
    if (end - start + 1 >= 3) return { start, end };
  }
  return undefined;
}

export function snippetOf(lines: readonly string[], start: number, end: number): string {
  return lines.slice(start, end + 1).join('\n') + '\n';
}
