// Keeps an anchored range on its code while the user types, before anything
// is saved or re-resolved: a pure function of the range and one edit.

import type { LineRange } from '../model';

/**
 * One edit, in lines: old lines `start..end` (1-based, inclusive) were
 * replaced by `lines` new lines. A pure insertion before line `start` has
 * `end = start - 1`; deleting whole lines has `lines = 0`.
 */
export interface LineChange {
  start: number;
  end: number;
  lines: number;
}

export interface ShiftedRange {
  range: LineRange;
  /**
   * The edit removed every line of the range: `range` is then where the
   * code was (the lines replacing it, or the line after a deletion).
   */
  deleted: boolean;
}

export function shiftRange(range: LineRange, change: LineChange): ShiftedRange {
  const { start: s, end: e } = range;
  const { start: cs, end: ce, lines: n } = change;
  const delta = n - (ce - cs + 1);
  if (cs > e) return { range: { start: s, end: e }, deleted: false };
  if (ce < s) return { range: { start: s + delta, end: e + delta }, deleted: false };
  if (cs <= s && ce >= e) {
    // Retyping exactly the range's lines keeps it; anything wider replaced it.
    if (n > 0 && cs === s && ce === e) return { range: { start: s, end: s + n - 1 }, deleted: false };
    return { range: { start: cs, end: cs + Math.max(n, 1) - 1 }, deleted: true };
  }
  if (cs < s) {
    // From above into the range: the last new line holds the tail of the range's first surviving line.
    return { range: { start: n > 0 ? cs + n - 1 : cs, end: e + delta }, deleted: false };
  }
  if (ce > e) {
    // From inside the range to below it: the first new line holds the head of the line the edit started on.
    return { range: { start: s, end: n > 0 ? cs : cs - 1 }, deleted: false };
  }
  return { range: { start: s, end: e + delta }, deleted: false };
}

/** A position as VS Code gives it: 0-based line and character. */
export interface EditPosition {
  line: number;
  character: number;
}

/**
 * The LineChange of an editor edit replacing `from..to` with `text`.
 * `startLineLength` is the old length of the line the edit starts on, when
 * known: a line break typed at its end adds a line after it, not inside it.
 */
export function lineChangeOf(from: EditPosition, to: EditPosition, text: string, startLineLength?: number): LineChange {
  const breaks = (text.match(/\n/g) ?? []).length;
  // From the start of a line to the start of a line, with whole lines in between: no line is split.
  if (from.character === 0 && to.character === 0 && (text === '' || text.endsWith('\n'))) {
    return { start: from.line + 1, end: to.line, lines: breaks };
  }
  const atLineEnd = startLineLength !== undefined && from.character >= startLineLength;
  if (atLineEnd && from.line === to.line && from.character === to.character && text.startsWith('\n')) {
    return { start: from.line + 2, end: from.line + 1, lines: breaks };
  }
  return { start: from.line + 1, end: to.line + 1, lines: breaks + 1 };
}
