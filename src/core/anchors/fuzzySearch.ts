// Finding code that was edited. Scoring every window of the file against the
// snippet would be O(file x snippet^2); instead, lines and rare words of the
// snippet that still occur in the file vote for where the snippet would start,
// and only the few best-voted windows (plus the places the caller expects it)
// are aligned line by line.

import { align, type FuzzyMatch } from './alignment';
import type { PreparedFile } from './preparedFile';
import { seedTokens } from './similarity';
import type { Snippet } from './snippet';

export type { FuzzyMatch };

/** Windows aligned per search: enough for a few look-alike regions. */
const MAX_CANDIDATES = 5;
/** A line occurring more often than this is too common to say where the snippet is. */
const MAX_LINE_HITS = 20;
const MAX_TOKEN_HITS = 30;
/** Lines of a long snippet beyond this are not aligned: the head places it. */
const MAX_ALIGNED_LINES = 80;

/**
 * Regions of `file` resembling the snippet, best first, at most one per
 * neighbourhood. `hints` are 0-based starts to try whatever the votes say
 * (the recorded lines, the place history maps them to).
 */
export function findSimilar(file: PreparedFile, snippet: Snippet, hints: readonly number[] = []): FuzzyMatch[] {
  const starts = seedStarts(file, snippet).map((s) => s.start);
  const slack = slackOf(snippet);
  for (const hint of hints) {
    if (starts.every((s) => Math.abs(s - hint) > slack)) starts.push(hint);
  }
  return bestDistinct(starts.map((start) => alignNear(file, snippet, start)));
}

export interface Seed {
  /** 0-based line where the snippet would start. */
  start: number;
  /** Evidence for it: comparable between files, so the best of many files can be aligned first. */
  votes: number;
}

/** The most-voted places for the snippet in `file`, at most one per neighbourhood. */
export function seedStarts(file: PreparedFile, snippet: Snippet): Seed[] {
  const m = Math.min(snippet.length, MAX_ALIGNED_LINES);
  if (m === 0 || file.lines.length === 0) return [];
  return pickStarts(vote(file, snippet, m), slackOf(snippet));
}

/** Alignments with the overlapping weaker ones dropped, best first. */
export function bestDistinct(found: ReadonlyArray<FuzzyMatch | undefined>): FuzzyMatch[] {
  const matches: FuzzyMatch[] = [];
  for (const match of found) {
    if (!match || matches.some((other) => overlaps(other, match) && other.similarity >= match.similarity)) continue;
    for (let i = matches.length - 1; i >= 0; i--) if (overlaps(matches[i], match)) matches.splice(i, 1);
    matches.push(match);
  }
  return matches.sort((a, b) => b.similarity - a.similarity);
}

function slackOf(snippet: Snippet): number {
  return Math.max(3, Math.ceil(Math.min(snippet.length, MAX_ALIGNED_LINES) / 2));
}

/** The best alignment of the snippet in a window around the 0-based line `start`. */
export function alignNear(file: PreparedFile, snippet: Snippet, start: number): FuzzyMatch | undefined {
  const m = Math.min(snippet.length, MAX_ALIGNED_LINES);
  if (m === 0 || file.lines.length === 0) return undefined;
  const slack = slackOf(snippet);
  const from = Math.max(0, start - slack);
  const to = Math.min(file.lines.length - 1, start + m - 1 + slack);
  return from > to ? undefined : align(file, snippet, m, from, to);
}

function vote(file: PreparedFile, snippet: Snippet, m: number): Map<number, number> {
  const votes = new Map<number, number>();
  const add = (start: number, weight: number) => votes.set(start, (votes.get(start) ?? 0) + weight);
  for (let i = 0; i < m; i++) {
    const shape = snippet.shapes[i];
    if (shape.weight < 0.5) continue;
    const hits = file.linesWithBlank(shape.key);
    if (hits.length > 0) {
      if (hits.length <= MAX_LINE_HITS) for (const p of hits) add(p - i, shape.weight / hits.length);
      continue;
    }
    // The line itself was edited: its rarer words still say where it went.
    const tokens = seedTokens(shape);
    for (const token of tokens) {
      const at = file.linesWithToken(token);
      if (at.length === 0 || at.length > MAX_TOKEN_HITS) continue;
      for (const p of at) add(p - i, (0.5 * shape.weight) / (at.length * tokens.length));
    }
  }
  return votes;
}

/** The best-voted starts, votes summed over nearby starts (a line inserted inside splits them). */
function pickStarts(votes: Map<number, number>, slack: number): Seed[] {
  const entries = [...votes.entries()].sort((a, b) => a[0] - b[0]);
  const radius = Math.min(slack, 3);
  const smoothed: Seed[] = [];
  let lo = 0;
  let hi = 0;
  let sum = 0;
  for (const [start] of entries) {
    while (hi < entries.length && entries[hi][0] <= start + radius) sum += entries[hi++][1];
    while (entries[lo][0] < start - radius) sum -= entries[lo++][1];
    smoothed.push({ start, votes: sum });
  }
  smoothed.sort((a, b) => b.votes - a.votes || a.start - b.start);
  const picked: Seed[] = [];
  for (const seed of smoothed) {
    if (picked.length >= MAX_CANDIDATES) break;
    if (picked.every((p) => Math.abs(p.start - seed.start) > slack)) picked.push(seed);
  }
  return picked;
}

function overlaps(a: FuzzyMatch, b: FuzzyMatch): boolean {
  return a.start <= b.end && b.start <= a.end;
}
