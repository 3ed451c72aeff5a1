// Line-by-line alignment of a snippet with a window of a file: which region
// of the window is the edited snippet, and how similar the two are.

import type { PreparedFile } from './preparedFile';
import { lineSimilarity } from './similarity';
import type { Snippet } from './snippet';

export interface FuzzyMatch {
  /** 0-based, inclusive. */
  start: number;
  /** 0-based, inclusive. */
  end: number;
  /**
   * 0..1: how much of the snippet the region holds (recall) and how much of
   * the region is the snippet (precision), as an F-measure over weighted
   * line similarities.
   */
  similarity: number;
}

/**
 * β² of that F-measure (β = 1.5): losing lines of the snippet counts more
 * than gaining new ones, since code that grew (a new clause, a comment) is
 * still the code the note is about. Chosen on the evaluation: plain Dice
 * (β = 1) orphaned more code that had grown, and no more of the code that
 * had been deleted.
 */
const RECALL_WEIGHT = 2.25;

/** Cost of an extra line inside the matched region, relative to its weight. */
const INSERTED_LINE_COST = 0.2;
/** End pairs at least this alike, on a meaningful line, are the region's real ends: never trimmed. */
const FIRM_END = 0.6;

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
export function align(file: PreparedFile, snippet: Snippet, m: number, from: number, to: number): FuzzyMatch | undefined {
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
    return ((1 + RECALL_WEIGHT) * gain) / (RECALL_WEIGHT * snippetWeight + regionWeight);
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
