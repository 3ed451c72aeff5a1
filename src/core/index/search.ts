// Search over titles, topics, authors and bodies that finds what people
// mean (word forms, prefixes, accents, a typo: see searchIndex), ranked by
// how well and where each word met, then in the order notes are listed.
// The CLI's `learnings search` and the editor's Search Notes share it.

import type { Note } from '../model';
import { SearchIndex } from './searchIndex';
import { compareText } from '../textOrder';

export interface SearchHit {
  note: Note;
  score: number;
}

/** The fields of a note as search reads them. */
export function searchFields(note: Note) {
  return {
    title: note.title,
    topics: note.topics.map((t) => t.replace(/[/-]/g, ' ')).join(' '),
    author: note.author ?? '',
    body: note.body,
  };
}

/**
 * The search index of a set of notes, kept current one note at a time.
 * Replacing a note leaves its old entry dead in the postings; past a point
 * the owner builds a new one (see `worn`).
 */
export class NoteSearch {
  private readonly index = new SearchIndex();
  private readonly notes: Array<Note | undefined> = [];
  private readonly docOf = new Map<string, number>();

  constructor(notes: Iterable<Note> = []) {
    for (const note of notes) this.set(note);
    this.index.trim();
  }

  set(note: Note): void {
    this.delete(note.path);
    const doc = this.index.add(searchFields(note));
    this.notes[doc] = note;
    this.docOf.set(note.path, doc);
  }

  delete(path: string): void {
    const doc = this.docOf.get(path);
    if (doc === undefined) return;
    this.index.remove(doc);
    this.notes[doc] = undefined;
    this.docOf.delete(path);
  }

  /** More dead entries than live ones: time for a new index. */
  get worn(): boolean {
    return this.index.deadCount > Math.max(1000, this.index.size);
  }

  /**
   * The best `limit` hits: score first, then `rank` (the notes' listing
   * order, a number per note so that ties cost no text comparison).
   */
  search(query: string, limit: number, rank: (note: Note) => number): SearchHit[] {
    if (limit <= 0) return [];
    let found = this.index.search(query);
    for (const h of found) h.score = Math.round(h.score * 1000) / 1000;
    if (Number.isFinite(limit) && found.length > limit) {
      // A common word meets most notes: sort only those that can make the cut
      // (a numeric sort of the scores finds the cut, no object is compared).
      const scores = Float64Array.from(found, (h) => h.score).sort();
      const cut = scores[scores.length - limit];
      found = found.filter((h) => h.score >= cut);
    }
    const hits = found.map((h) => ({ note: this.notes[h.doc]!, score: h.score, rank: rank(this.notes[h.doc]!) }));
    hits.sort((a, b) => b.score - a.score || a.rank - b.rank);
    return (Number.isFinite(limit) ? hits.slice(0, limit) : hits).map(({ note, score }) => ({ note, score }));
  }
}

/** Endorsed notes first, then newest first, then by title. */
export function compareNotes(a: Note, b: Note): number {
  const endorsed = Number(b.endorsed.length > 0) - Number(a.endorsed.length > 0);
  if (endorsed !== 0) return endorsed;
  const created = compareText(b.created ?? '', a.created ?? '');
  if (created !== 0) return created;
  return compareText(a.title, b.title);
}
