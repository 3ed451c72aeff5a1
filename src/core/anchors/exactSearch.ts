// Where a snippet occurs verbatim (or verbatim but for whitespace) in a file.
// The snippet's rarest line picks the places to check, so a search costs the
// occurrences of that line, not the length of the file.

import { blankKey, exactKey } from './lines';
import type { PreparedFile } from './preparedFile';
import type { Snippet } from './snippet';

export type MatchMode = 'exact' | 'blank';

/** 0-based start lines of every occurrence of the snippet, in file order. */
export function findOccurrences(file: PreparedFile, snippet: Snippet, mode: MatchMode): number[] {
  const keys = mode === 'exact' ? snippet.exactKeys : snippet.blankKeys;
  const keyOf = mode === 'exact' ? exactKey : blankKey;
  const m = keys.length;
  if (m === 0 || m > file.lines.length) return [];
  let rarest: readonly number[] | undefined;
  let offset = 0;
  for (let i = 0; i < m; i++) {
    const at = mode === 'exact' ? file.linesWithExact(keys[i]) : file.linesWithBlank(keys[i]);
    if (at.length === 0) return [];
    if (!rarest || at.length < rarest.length) {
      rarest = at;
      offset = i;
    }
  }
  const starts: number[] = [];
  for (const line of rarest ?? []) {
    const start = line - offset;
    if (start < 0 || start + m > file.lines.length) continue;
    if (matchesAt(file, keys, keyOf, start)) starts.push(start);
  }
  return starts;
}

/** True when the snippet's lines equal (by exact key) the file's lines from `start` (0-based). */
export function isExactlyAt(file: PreparedFile, snippet: Snippet, start: number): boolean {
  const m = snippet.length;
  if (m === 0 || start < 0 || start + m > file.lines.length) return false;
  return matchesAt(file, snippet.exactKeys, exactKey, start);
}

function matchesAt(file: PreparedFile, keys: readonly string[], keyOf: (line: string) => string, start: number): boolean {
  for (let k = 0; k < keys.length; k++) {
    if (keyOf(file.lines[start + k]) !== keys[k]) return false;
  }
  return true;
}
