// How alike two lines are, for code that was edited rather than moved. Lines
// are compared as bags of tokens, so a renamed identifier costs one token and
// not the whole line; punctuation counts for less than words, or two
// unrelated calls would look alike for sharing `(`, `,` and `);`.

import { blankKey } from './lines';

export interface LineShape {
  /** The line with indentation and spacing normalised. */
  key: string;
  /** Distinct tokens, sorted, so two shapes intersect in one merge. */
  tokens: string[];
  /** Summed weight of each token in `tokens`. */
  weights: number[];
  total: number;
  /**
   * How much the line says, 0.1 (blank) to 1: a `}` matching somewhere proves
   * little, a line with a few identifiers a lot.
   */
  weight: number;
}

const TOKEN = /[\p{L}\p{N}_$]+|[^\s\p{L}\p{N}_$]/gu;
const WORD_WEIGHT = 1;
const PUNCTUATION_WEIGHT = 0.3;
/** Word characters from which a line counts as fully informative. */
const INFORMATIVE_CHARS = 12;

export function shapeOf(line: string): LineShape {
  const key = blankKey(line);
  const bag = new Map<string, number>();
  let wordChars = 0;
  for (const match of key.matchAll(TOKEN)) {
    const token = match[0];
    const isWord = token.length > 1 || /[\p{L}\p{N}_$]/u.test(token);
    if (isWord) wordChars += token.length;
    bag.set(token, (bag.get(token) ?? 0) + (isWord ? WORD_WEIGHT : PUNCTUATION_WEIGHT));
  }
  const tokens = [...bag.keys()].sort();
  const weights = tokens.map((t) => bag.get(t) as number);
  const total = weights.reduce((a, b) => a + b, 0);
  const weight = key === '' ? 0.1 : 0.2 + 0.8 * Math.min(1, wordChars / INFORMATIVE_CHARS);
  return { key, tokens, weights, total, weight };
}

/** Weighted Dice coefficient of the two lines' token bags: 1 for the same line. */
export function lineSimilarity(a: LineShape, b: LineShape): number {
  if (a.key === b.key) return 1;
  if (a.total === 0 || b.total === 0) return 0;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < a.tokens.length && j < b.tokens.length) {
    const c = a.tokens[i] < b.tokens[j] ? -1 : a.tokens[i] > b.tokens[j] ? 1 : 0;
    if (c === 0) {
      common += Math.min(a.weights[i], b.weights[j]);
      i++;
      j++;
    } else if (c < 0) i++;
    else j++;
  }
  return (2 * common) / (a.total + b.total);
}

/** Word tokens of a line that are specific enough to seed a search. */
export function seedTokens(shape: LineShape): string[] {
  return shape.tokens.filter((t) => t.length >= 3 && /^[\p{L}_$]/u.test(t));
}
