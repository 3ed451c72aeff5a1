// Deciding what a verbatim match means. A snippet found once is not proof
// that it is the anchored code: the same lines may have existed elsewhere
// at capture, and the original may have been edited where it was. So a
// match is "moved" only when nothing says otherwise: no other place matches,
// no close look-alike sits where the code was expected, and history (when
// there is one) neither saw two copies at capture nor places the code elsewhere.

import type { Clues } from './clues';
import { findOccurrences } from './exactSearch';
import { alignNear } from './fuzzySearch';
import type { PreparedFile } from './preparedFile';
import { DRIFT_THRESHOLD } from './resolution';
import type { Snippet } from './snippet';

export interface Placement {
  path: string;
  file: PreparedFile;
  /** 0-based first line. */
  start: number;
  /** 0-based last line, when it differs from start + snippet length - 1. */
  end?: number;
  confident: boolean;
  ambiguous: boolean;
  similarity: number;
}

/**
 * A look-alike this close where the code was expected makes a verbatim match
 * elsewhere doubtful: one line in four edited still scores above it.
 */
const RIVAL_SIMILARITY = 0.7;
/**
 * Share of the snippet's meaningful lines that must occur unchanged near
 * where the code was expected before a look-alike is worth aligning. Checking
 * this costs a few index lookups; aligning at every moved anchor would cost
 * most of the time of a `check`, and a look-alike sharing fewer lines is rare.
 */
const RIVAL_LINES_PRESENT = 0.4;

/** 0-based starts of matches, whitespace aside (a re-indent is still the same code). */
export function verbatimStarts(file: PreparedFile, snippet: Snippet): number[] {
  return findOccurrences(file, snippet, 'blank');
}

/**
 * A verbatim match in the anchor's own (or renamed) file. The common case, one
 * match of a snippet that was unique at capture with nothing like it where it
 * was, is settled without diffing; doubts ask history where the lines went.
 */
export function placeInHome(path: string, file: PreparedFile, starts: readonly number[], snippet: Snippet, clues: Clues): Placement {
  const place = (start: number, confident: boolean, ambiguous = false): Placement => ({ path, file, start, confident, ambiguous, similarity: 1 });
  const [first] = starts;
  if (starts.length === 1 && snippet.informative) {
    const copiesAtCommit = clues.occurrencesAtCommit();
    const uniqueAtCapture = copiesAtCommit === undefined || copiesAtCommit <= 1;
    if (uniqueAtCapture && !hasRival(file, snippet, clues.recordedStart, first)) return place(first, true);
  }
  const mapped = clues.mappedInto(file);
  if (mapped?.intact && mapped.neighbourKept && starts.includes(mapped.start - 1)) return place(mapped.start - 1, snippet.informative);
  const expected = clues.expectedStart(file);
  const doubtful = (start: number): Placement => {
    // History saw the anchored lines stay here, edited: the verbatim match is the other copy.
    if (clues.stillIn(file)) {
      const edited = alignNear(file, snippet, expected);
      if (edited && edited.similarity >= DRIFT_THRESHOLD) return { path, file, ...edited, confident: false, ambiguous: true, similarity: edited.similarity };
    }
    return place(start, false, true);
  };
  if (starts.length > 1) return doubtful(nearest(starts, expected));
  return snippet.informative ? doubtful(first) : place(first, false);
}

/**
 * True when a look-alike of the snippet sits around line `expected`, apart
 * from the match at `start`. Aligning costs far more than looking lines up,
 * so it is done only when enough of the snippet's lines occur there as they are.
 */
function hasRival(file: PreparedFile, snippet: Snippet, expected: number, start: number): boolean {
  const m = snippet.length;
  const slack = Math.max(3, Math.ceil(m / 2));
  const from = expected - slack;
  const to = expected + m - 1 + slack;
  let seen = 0;
  let total = 0;
  for (const key of snippet.blankKeys) {
    if (!/[\p{L}\p{N}_$]{3}/u.test(key)) continue;
    total++;
    if (file.linesWithBlank(key).some((line) => line >= from && line <= to && (line < start || line >= start + m))) seen++;
  }
  if (total === 0 || seen < total * RIVAL_LINES_PRESENT) return false;
  const rival = alignNear(file, snippet, expected);
  return rival !== undefined && rival.similarity >= RIVAL_SIMILARITY && (rival.end < start || rival.start > start + m - 1);
}

export interface OtherMatch {
  path: string;
  file: PreparedFile;
  start: number;
}

/**
 * Verbatim matches in other files, split by whether a move there is
 * plausible: history says the file changed since the commit, or, without
 * history, the anchor's own file is gone.
 */
export function placeInOthers(
  matches: readonly OtherMatch[],
  snippet: Snippet,
  clues: Clues,
  ownFileExists: boolean,
): { now?: Placement; fallback?: Placement } {
  if (matches.length === 0) return {};
  const changed = clues.changedSinceCommit();
  const plausible = changed ? matches.filter((m) => changed.has(m.path)) : ownFileExists ? [] : matches;
  const place = (m: OtherMatch, confident: boolean, ambiguous: boolean): Placement => ({ ...m, confident, ambiguous, similarity: 1 });
  if (plausible.length > 0) return { now: place(plausible[0], plausible.length === 1 && matches.length === 1 && snippet.informative, matches.length > 1) };
  // Found verbatim, but a copy that was already there (history) or may have been (no history).
  const fallback = place(matches[0], false, matches.length > 1);
  return changed ? { fallback } : { now: fallback };
}

function nearest(starts: readonly number[], expected: number): number {
  return starts.reduce((a, b) => (Math.abs(b - expected) < Math.abs(a - expected) ? b : a));
}
