// Words as search sees them: lowercased, accents folded (a Swedish team
// types "atgard" for "åtgärd"), split on anything that is not a letter or a
// digit. The same folding is applied to the notes and to the query, so they
// meet whatever keyboard each was typed on.

/** Letters that NFKD does not decompose into a base letter and a mark. */
const SPECIAL: Record<string, string> = {
  ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l',
};
const SPECIAL_RE = /[øæœßłđðþıħŧŀ]/g;
const MARKS_RE = /\p{M}+/gu;
const WORD_RE = /[\p{L}\p{N}]+/gu;
const ASCII_RE = /^[\x20-\x7e\n\r\t]*$/;

/** Lowercase, accents and special letters folded to ASCII where a reader would. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_RE.test(lower)) return lower;
  return lower.normalize('NFKD').replace(MARKS_RE, '').replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

/** The folded words of `text`, in order, repeats included. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(WORD_RE) ?? [];
}

export interface WordAt {
  /** Offset of the word in the original text. */
  start: number;
  end: number;
  folded: string;
}

/** The words of `text` with where each stands in it (for excerpts around a match). */
export function wordsAt(text: string): WordAt[] {
  const out: WordAt[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ start: m.index, end: m.index + m[0].length, folded: foldText(m[0]) });
  return out;
}
