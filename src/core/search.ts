// Text search over titles, topics and bodies. A note matches when every
// term of the query occurs in it; title and topic hits rank first.

import type { Note } from './model';

export interface SearchEntry {
  note: Note;
  /** Lowercased title, for ranking. */
  title: string;
  /** Lowercased title, topics and body: one string, so a query is a few `includes`. */
  haystack: string;
}

export function searchEntry(note: Note): SearchEntry {
  const title = note.title.toLowerCase();
  return { note, title, haystack: `${title}\n${note.topics.join(' ')}\n${note.body.toLowerCase()}` };
}

export function queryTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
}

export interface SearchHit {
  note: Note;
  score: number;
}

export function search(entries: Iterable<SearchEntry>, query: string, limit = 50): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  outer: for (const entry of entries) {
    let score = 0;
    for (const term of terms) {
      const at = entry.haystack.indexOf(term);
      if (at < 0) continue outer;
      if (entry.title.includes(term)) score += entry.title.startsWith(term) ? 12 : 10;
      else if (at <= entry.title.length + 1 + entry.note.topics.join(' ').length) score += 5;
      else score += 1;
    }
    hits.push({ note: entry.note, score });
  }
  hits.sort((a, b) => b.score - a.score || compareNotes(a.note, b.note));
  return hits.slice(0, limit);
}

/** Endorsed notes first, then newest first, then by title. */
export function compareNotes(a: Note, b: Note): number {
  const endorsed = Number(b.endorsed.length > 0) - Number(a.endorsed.length > 0);
  if (endorsed !== 0) return endorsed;
  const created = (b.created ?? '').localeCompare(a.created ?? '');
  if (created !== 0) return created;
  return a.title.localeCompare(b.title);
}
