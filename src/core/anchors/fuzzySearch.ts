// Finding code that was edited. Scoring every window of the file against the
// snippet would be O(file x snippet^2); instead, lines and rare words of the
// snippet that still occur in the file vote for where the snippet would start,
// and only the few best-voted windows (plus the places the caller expects it)
// are aligned line by line.

import type { PreparedFile } from './preparedFile';
import { lineSimilarity, seedTokens } from './similarity';
import type { Snippet } from './snippet';

export interface FuzzyMatch {
  /** 0-based, inclusive. */
  start: number;
  /** 0-based, inclusive. */
  end: number;
  /** 0..1: weighted Dice similarity of the snippet's lines and the region's. */
  similarity: number;
}

/** Windows aligned per search: enough for a few look-alike regions. */
const MAX_CANDIDATES = 5;
/** A line occurring more often than this is too common to say where the snippet is. */
const MAX_LINE_HITS = 20;
const MAX_TOKEN_HITS = 30;
/** Lines of a long snippet beyond this are not aligned: the head places it. */
const MAX_ALIGNED_LINES = 80;
/** Cost of an extra line inside the matched region, relative to its weight. */
const INSERTED_LINE_COST = 0.2;
/** End pairs at least this alike, on a meaningful line, are the region's real ends: never trimmed. */
const FIRM_END = 0.6;

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

interface Pair {
  j: number;
  sim: number;
  gain: number;
}

/**
 * Aligns the snippet's first `m` lines inside file lines `from..to`: every
 * snippet line is paired with one region line or dropped, region lines may be
 * left unpaired at a cost; the region is where the pairs fall.
 */
function align(file: PreparedFile, snippet: Snippet, m: number, from: number, to: number): FuzzyMatch | undefined {
  const w = to - from + 1;
  const cols = w + 1;
  const score = new Float64Array((m + 1) * cols);
  // 1: pair, 2: snippet line dropped, 3: region line inserted.
  const move = new Uint8Array((m + 1) * cols);
  const gains = new Float64Array((m + 1) * cols);
  const sims = new Float64Array((m + 1) * cols);
  const shapes = snippet.shapes;
  for (let i = 1; i <= m; i++) {
    const a = shapes[i - 1];
    for (let j = 1; j <= w; j++) {
      const b = file.shape(from + j - 1);
      const sim = lineSimilarity(a, b);
      const gain = (sim * (a.weight + b.weight)) / 2;
      const at = i * cols + j;
      const pair = sim > 0 ? score[at - cols - 1] + gain : -Infinity;
      const drop = score[at - cols];
      const insert = score[at - 1] - INSERTED_LINE_COST * b.weight;
      if (pair >= drop && pair >= insert) {
        score[at] = pair;
        move[at] = 1;
        gains[at] = gain;
        sims[at] = sim;
      } else if (drop >= insert) {
        score[at] = drop;
        move[at] = 2;
      } else {
        score[at] = insert;
        move[at] = 3;
      }
    }
  }
  let bestJ = 0;
  for (let j = 1; j <= w; j++) if (score[m * cols + j] > score[m * cols + bestJ]) bestJ = j;
  const pairs: Pair[] = [];
  let i = m;
  let j = bestJ;
  while (i > 0 && j > 0) {
    const at = i * cols + j;
    if (move[at] === 1) {
      pairs.push({ j: from + j - 1, sim: sims[at], gain: gains[at] });
      i--;
      j--;
    } else if (move[at] === 2) i--;
    else j--;
  }
  if (pairs.length === 0) return undefined;
  pairs.reverse();
  let snippetWeight = 0;
  for (let k = 0; k < m; k++) snippetWeight += shapes[k].weight;
  // The tail of a snippet too long to align follows its head.
  return trimmed(file, pairs, snippetWeight, snippet.length - m);
}

/**
 * Drops weak pairs at either end while that raises the similarity: a stray
 * `}` or a barely similar line must not widen the region. A meaningful line
 * that still matches well is kept, lines inserted before it or not.
 */
function trimmed(file: PreparedFile, pairs: Pair[], snippetWeight: number, unaligned: number): FuzzyMatch {
  let first = 0;
  let last = pairs.length - 1;
  const dice = (f: number, l: number): number => {
    let gain = 0;
    for (let k = f; k <= l; k++) gain += pairs[k].gain;
    let regionWeight = 0;
    for (let line = pairs[f].j; line <= pairs[l].j; line++) regionWeight += file.shape(line).weight;
    return (2 * gain) / (snippetWeight + regionWeight);
  };
  const firm = (k: number) => pairs[k].sim >= FIRM_END && file.shape(pairs[k].j).weight >= 0.5;
  let best = dice(first, last);
  while (first < last) {
    if (!firm(first)) {
      const without = dice(first + 1, last);
      if (without > best) {
        first++;
        best = without;
        continue;
      }
    }
    if (!firm(last)) {
      const without = dice(first, last - 1);
      if (without > best) {
        last--;
        best = without;
        continue;
      }
    }
    break;
  }
  return { start: pairs[first].j, end: pairs[last].j + unaligned, similarity: Math.min(1, best) };
}

function overlaps(a: FuzzyMatch, b: FuzzyMatch): boolean {
  return a.start <= b.end && b.start <= a.end;
}
