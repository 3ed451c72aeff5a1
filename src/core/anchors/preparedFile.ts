// A file's text split and indexed once, then shared by every anchor in it:
// with 50 anchors in a file, each search must not split and scan it again.
// Indexes are built on first use, so a file whose anchors are all fresh costs
// one split.

import { blankKey, exactKey, splitLines } from './lines';
import { shapeOf, type LineShape } from './similarity';

const SEED_WORD = /[\p{L}_$][\p{L}\p{N}_$]{2,}/gu;

export class PreparedFile {
  readonly lines: readonly string[];
  private exactIndex?: Map<string, number[]>;
  private blankIndex?: Map<string, number[]>;
  private tokenIndex?: Map<string, number[]>;
  private readonly shapes: Array<LineShape | undefined>;

  constructor(readonly text: string) {
    this.lines = splitLines(text);
    this.shapes = new Array<LineShape | undefined>(this.lines.length);
  }

  /** 0-based line numbers whose trailing-blank-trimmed text is `key`. */
  linesWithExact(key: string): readonly number[] {
    this.exactIndex ??= indexBy(this.lines, exactKey);
    return this.exactIndex.get(key) ?? NONE;
  }

  /** 0-based line numbers whose whitespace-normalised text is `key`. */
  linesWithBlank(key: string): readonly number[] {
    this.blankIndex ??= indexBy(this.lines, blankKey);
    return this.blankIndex.get(key) ?? NONE;
  }

  /** 0-based line numbers that contain the word `token` (3+ characters). */
  linesWithToken(token: string): readonly number[] {
    this.tokenIndex ??= indexTokens(this.lines);
    return this.tokenIndex.get(token) ?? NONE;
  }

  /** Memo for scans keyed by kind (declarations by language): computed once per file, whatever the anchor. */
  readonly memo = new Map<string, unknown>();

  shape(line: number): LineShape {
    let shape = this.shapes[line];
    if (!shape) {
      shape = shapeOf(this.lines[line]);
      this.shapes[line] = shape;
    }
    return shape;
  }
}

const NONE: readonly number[] = [];

function indexBy(lines: readonly string[], key: (line: string) => string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const k = key(lines[i]);
    const at = index.get(k);
    if (at) at.push(i);
    else index.set(k, [i]);
  }
  return index;
}

function indexTokens(lines: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    for (const match of lines[i].matchAll(SEED_WORD)) {
      const at = index.get(match[0]);
      if (!at) index.set(match[0], [i]);
      else if (at[at.length - 1] !== i) at.push(i);
    }
  }
  return index;
}

// Callers that pass plain text for each anchor of a file still get one
// preparation per file: the last few texts are remembered, within a budget
// so that a few huge files cannot pin much memory.
const MEMO_SIZE = 32;
const MEMO_CHARS = 32 * 1024 * 1024;
const memo = new Map<string, PreparedFile>();
let memoChars = 0;

/** The prepared form of `text`, reused while the same text keeps coming. */
export function prepareFile(text: string): PreparedFile {
  const known = memo.get(text);
  if (known) {
    memo.delete(text);
    memo.set(text, known);
    return known;
  }
  const prepared = new PreparedFile(text);
  if (text.length > MEMO_CHARS / 4) return prepared;
  memo.set(text, prepared);
  memoChars += text.length;
  while (memo.size > MEMO_SIZE || memoChars > MEMO_CHARS) {
    const oldest = memo.keys().next().value as string;
    memo.delete(oldest);
    memoChars -= oldest.length;
  }
  return prepared;
}
