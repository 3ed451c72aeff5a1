// What version control knows about an anchor's file, when it is there. Core
// never runs git: the CLI implements this over `git`, the extension may over
// its git API, and without either the snippet alone must do.

import { diffArrays } from 'diff';
import { exactKey, splitLines } from './lines';
import type { LineRange } from '../model';

export interface AnchorHistory {
  /**
   * The path the file at `path` in `commit` has now: its new path when it was
   * renamed, null when it was deleted, undefined when not renamed or unknown.
   */
  renamedTo(commit: string, path: string): string | null | undefined;
  /** The file's text at `commit`, or undefined when git or the commit is unavailable. */
  textAt(commit: string, path: string): string | undefined;
  /** Paths added or changed since `commit`: where moved code may have gone. */
  changedPaths?(commit: string): readonly string[] | undefined;
  /**
   * Lets an implementation fetch the texts of many (commit, path) pairs in
   * one go before `textAt` asks for them one by one (one git process, not one per file).
   */
  prefetch?(requests: ReadonlyArray<{ commit: string; path: string }>): void;
  /** Of these paths, the ones version control ignores: never a place code moved to. */
  ignoredPaths?(paths: readonly string[]): ReadonlySet<string> | undefined;
  /**
   * For each of these note paths, the commit that added the note (the
   * current commit for a note not committed yet): the reference commit of
   * its anchors that have no `commit`. Paths it cannot tell are left out.
   */
  addedIn?(notePaths: readonly string[]): ReadonlyMap<string, string> | undefined;
}

export interface MappedRange {
  /** 1-based new line of each line of the range, 0 where that line changed or went away. */
  lines: number[];
  /**
   * 1-based line where the range most likely starts now: from its first line
   * that survived, or where its lines were removed.
   */
  start: number;
  /** All lines survived unchanged and still follow each other. */
  intact: boolean;
  /**
   * The line just before or just after the range still borders it. When the
   * same lines occur twice, a diff may pair the old range with the other copy
   * (both pairings cost the same); the original usually keeps a neighbour.
   */
  neighbourKept: boolean;
}

/** Beyond this many changed lines the diff is not worth its cost, and says little. */
const MAX_EDIT_LENGTH = 4000;

/**
 * Maps `range` (1-based, inclusive, in `oldText`) through the line diff of two
 * versions of a file, or undefined when the versions differ too much.
 */
export function mapRange(oldText: string, newText: string, range: LineRange): MappedRange | undefined {
  const lineMap = lineMapOf(oldText, newText);
  if (!lineMap) return undefined;
  const lines: number[] = [];
  for (let old = range.start - 1; old < range.end; old++) lines.push(old >= 0 && old < lineMap.map.length ? lineMap.map[old] + 1 : 0);
  const first = lines.findIndex((n) => n > 0);
  const gap = Math.min(Math.max(range.start - 1, 0), lineMap.gapAt.length - 1);
  const start = first >= 0 ? lines[first] - first : lineMap.gapAt[gap] + 1;
  const intact = first === 0 && lines.every((n, k) => n === lines[0] + k);
  const newCount = lineMap.gapAt[lineMap.gapAt.length - 1];
  const oldCount = lineMap.map.length - 1;
  const before = range.start - 2;
  const after = range.end;
  const keptBefore = intact && (before < 0 ? lines[0] === 1 : lineMap.map[before] + 1 === lines[0] - 1);
  const keptAfter = intact && (after >= oldCount ? lines[lines.length - 1] === newCount : lineMap.map[after] + 1 === lines[lines.length - 1] + 1);
  return { lines, start: Math.max(1, start), intact, neighbourKept: keptBefore || keptAfter };
}

interface LineMap {
  /** New line of each old line, -1 when removed. */
  map: Int32Array;
  /** For each old line, how many new lines precede its position. */
  gapAt: Int32Array;
}

// Every anchor of a file maps through the same pair of texts: diff once.
const memo: Array<{ oldText: string; newText: string; lineMap: LineMap | undefined }> = [];
const MEMO_SIZE = 16;

function lineMapOf(oldText: string, newText: string): LineMap | undefined {
  const known = memo.find((e) => e.oldText === oldText && e.newText === newText);
  if (known) return known.lineMap;
  const lineMap = computeLineMap(oldText, newText);
  memo.push({ oldText, newText, lineMap });
  if (memo.length > MEMO_SIZE) memo.shift();
  return lineMap;
}

function computeLineMap(oldText: string, newText: string): LineMap | undefined {
  const oldLines = splitLines(oldText).map(exactKey);
  const newLines = splitLines(newText).map(exactKey);
  const changes = diffArrays(oldLines, newLines, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return undefined;
  const map = new Int32Array(oldLines.length + 1).fill(-1);
  const gapAt = new Int32Array(oldLines.length + 1);
  let o = 0;
  let n = 0;
  for (const change of changes) {
    if (change.added) {
      n += change.count;
    } else if (change.removed) {
      for (let k = 0; k < change.count; k++) gapAt[o++] = n;
    } else {
      for (let k = 0; k < change.count; k++) {
        gapAt[o] = n;
        map[o++] = n++;
      }
    }
  }
  gapAt[o] = n;
  return { map, gapAt };
}
