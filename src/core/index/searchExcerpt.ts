// The excerpt under a search result: plain text around the first word of the
// body the query met (by the same rules as the index), so a result says why
// it was found. Markdown marks are dropped: a result list is not a preview.

import type { Note } from '../model';
import { foldedWords, wordsAt } from './textFold';
import { matchOf } from './searchIndex';

/** A note's body as one line of plain text: no headings marks, list marks, emphasis, code fences or link targets. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^\s{0,3}(```|~~~).*$/gm, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/gm, '')
    .replace(/(\*\*|__|\*|_|~~|`+)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * About `width` characters of the body around the first word the query meets,
 * cut at words, with "…" where cut; the body's start when no body word met
 * (the title or a topic did).
 */
export function searchExcerpt(note: Note, query: string, width = 100): string {
  const text = plainText(note.body);
  const terms = foldedWords(query);
  const hit = terms.length ? wordsAt(text).find((w) => terms.some((t) => matchOf(t, w.folded))) : undefined;
  const from = hit ? Math.max(0, hit.start - Math.floor(width / 3)) : 0;
  let start = from === 0 ? 0 : text.indexOf(' ', from) + 1 || from;
  if (hit && start > hit.start) start = hit.start;
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > (hit?.end ?? start)) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
