// Where edited code is: the region most similar to the snippet, when it is
// similar enough to show. Never a confident answer: the caller says drifted.

import type { Anchor } from '../model';
import type { Clues } from './clues';
import { alignNear, findSimilar, seedStarts, type Seed } from './fuzzySearch';
import type { PreparedFile } from './preparedFile';
import { DRIFT_THRESHOLD } from './resolution';
import type { Snippet } from './snippet';
import type { Placement } from './verbatim';

/** Fuzzy matches closer than this are a tie: the one nearest the old place wins, flagged ambiguous. */
const TIE_MARGIN = 0.05;
/** Places aligned across all other files together: the search for moved code stays bounded however many files are offered. */
const MAX_OTHER_ALIGNMENTS = 8;

export interface Candidate {
  path: string;
  file: PreparedFile;
}

/**
 * The most similar edited region in these files, if similar enough; near
 * ties go to the one nearest where it was expected. In its own file the
 * recorded (and history's) place is always tried; across other files only
 * the best-voted places of all of them are aligned.
 */
export function mostSimilar(pool: readonly Candidate[], snippet: Snippet, clues: Clues, anchor: Anchor): Placement | undefined {
  const found: Array<Placement & { expected?: number }> = [];
  const seeds: Array<Candidate & Seed> = [];
  for (const { path, file } of pool) {
    if (clues.isHome(path)) {
      const expected = clues.expectedStart(file);
      const hints = [...new Set([expected, anchor.lines.start - 1])];
      for (const match of findSimilar(file, snippet, hints)) found.push({ path, file, ...match, confident: false, ambiguous: false, expected });
    } else {
      for (const seed of seedStarts(file, snippet)) seeds.push({ path, file, ...seed });
    }
  }
  seeds.sort((a, b) => b.votes - a.votes);
  for (const { path, file, start } of seeds.slice(0, MAX_OTHER_ALIGNMENTS)) {
    const match = alignNear(file, snippet, start);
    if (match) found.push({ path, file, ...match, confident: false, ambiguous: false });
  }
  const best = found.reduce<(typeof found)[number] | undefined>((a, b) => (!a || b.similarity > a.similarity ? b : a), undefined);
  if (!best || best.similarity < DRIFT_THRESHOLD) return undefined;
  const ties = found.filter((c) => c.similarity >= best.similarity - TIE_MARGIN && !(c.path === best.path && c !== best && overlapsRange(c, best)));
  return ties.length > 1 ? { ...closest(ties), ambiguous: true } : best;
}

function overlapsRange(a: { start: number; end?: number }, b: { start: number; end?: number }): boolean {
  return a.start <= (b.end ?? b.start) && b.start <= (a.end ?? a.start);
}

/** Among tied candidates, the one in a home file nearest where it was expected; else the first. */
function closest<T extends { start: number; expected?: number }>(ties: readonly T[]): T {
  const placed = ties.filter((t) => t.expected !== undefined);
  if (placed.length === 0) return ties[0];
  return placed.reduce((a, b) => (Math.abs(b.start - (b.expected as number)) < Math.abs(a.start - (a.expected as number)) ? b : a));
}
