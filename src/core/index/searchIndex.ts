// A compact inverted index for search that finds what people mean: a
// query word meets a note's word when it is the same word, shares its stem
// (English or Scandinavian), begins it (a prefix of two letters or more), or
// is one typo away from it (words of five letters or more). Every query word
// must meet some field of a note; fields weigh title > topics = author > body,
// rarer words weigh more.
//
// Written here rather than taken from a library because the numbers said so:
// MiniSearch 7 on the benchmark's 10,000 notes kept 42 MB more heap (the
// index budget is 64 MB in all) and took up to 74 ms for a query (budget
// 20 ms). Postings here are one Int32Array per word, `doc << 4 | fields`.

import { foldedWords } from './textFold';
import { stemEnglish, stemNordic } from './stemmer';

export const FIELD = { title: 1, topics: 2, author: 4, body: 8 } as const;
export type FieldName = keyof typeof FIELD;

/** Title above topics and authors above body (issue #18). */
const FIELD_WEIGHT: Record<number, number> = { 1: 5, 2: 3, 4: 3, 8: 1 };
/** How well a query word meets a note's word. */
const MATCH = { exact: 1, stem: 0.9, prefix: 0.7, typo: 0.5 } as const;
/** Typos are forgiven from this length on: "cahce" finds "cache", "tset" finds nothing. */
const TYPO_MIN_LENGTH = 5;
const PREFIX_MIN_LENGTH = 2;

export type SearchFields = Partial<Record<FieldName, string>>;

export interface IndexHit {
  doc: number;
  score: number;
}

/** What a query word meets, and how well. */
export type MatchKind = keyof typeof MATCH;

export class SearchIndex {
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  private postings: Int32Array[] = [];
  private postingLength: number[] = [];
  /** Live documents per word: what idf counts, exact after removals. */
  private readonly liveDf: number[] = [];
  /** Each document's words, to update liveDf when it goes. */
  private docWords: Array<Int32Array | undefined> = [];
  private readonly byStem = new Map<string, number[]>();
  private readonly byLength: number[][] = [];
  private alive: Uint8Array = new Uint8Array(64);
  private docCount = 0;
  private liveCount = 0;

  /** Docs removed but still in the postings: callers rebuild when this grows large. */
  get deadCount(): number {
    return this.docCount - this.liveCount;
  }

  get size(): number {
    return this.liveCount;
  }

  /** Adds a document; returns its id. */
  add(fields: SearchFields): number {
    const doc = this.docCount++;
    if (doc >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2);
      grown.set(this.alive);
      this.alive = grown;
    }
    this.alive[doc] = 1;
    this.liveCount++;
    const bits = new Map<number, number>();
    for (const name of Object.keys(FIELD) as FieldName[]) {
      const text = fields[name];
      if (!text) continue;
      const bit = FIELD[name];
      for (const word of foldedWords(text)) {
        const id = this.wordId(word);
        bits.set(id, (bits.get(id) ?? 0) | bit);
      }
    }
    for (const [id, fieldBits] of bits) {
      this.post(id, (doc << 4) | fieldBits);
      this.liveDf[id]++;
    }
    this.docWords[doc] = Int32Array.from(bits.keys());
    return doc;
  }

  remove(doc: number): void {
    if (doc < this.docCount && this.alive[doc]) {
      this.alive[doc] = 0;
      this.liveCount--;
      for (const id of this.docWords[doc] ?? []) this.liveDf[id]--;
      this.docWords[doc] = undefined;
    }
  }

  /** Gives back the spare room of every postings list (after a bulk build). */
  trim(): void {
    this.postings = this.postings.map((p, id) => (p.length === this.postingLength[id] ? p : p.slice(0, this.postingLength[id])));
  }

  /** Every live document that meets every word of `query`, unsorted. */
  search(query: string): IndexHit[] {
    const terms = [...new Set(foldedWords(query))];
    if (terms.length === 0) return [];
    const candidates = terms.map((t) => this.candidates(t));
    if (candidates.some((c) => c.size === 0)) return [];
    // The rarest word first: later words only add to the documents it found.
    const cost = (c: Map<number, number>) => [...c.keys()].reduce((n, id) => n + this.postingLength[id], 0);
    const order = candidates.map((c, i) => ({ c, cost: cost(c), i })).sort((a, b) => a.cost - b.cost);
    const total = new Float64Array(this.docCount);
    const matched = new Uint8Array(this.docCount);
    const best = new Float64Array(this.docCount);
    const idfBase = Math.max(1, this.liveCount);
    for (let k = 0; k < order.length; k++) {
      const touched: number[] = [];
      for (const [id, weight] of order[k].c) {
        const list = this.postings[id];
        const length = this.postingLength[id];
        if (this.liveDf[id] === 0) continue;
        const idf = Math.log(1 + idfBase / this.liveDf[id]);
        for (let j = 0; j < length; j++) {
          const doc = list[j] >>> 4;
          if (!this.alive[doc] || matched[doc] !== k) continue;
          const score = weight * idf * fieldWeight(list[j] & 15);
          if (best[doc] === 0) touched.push(doc);
          if (score > best[doc]) best[doc] = score;
        }
      }
      for (const doc of touched) {
        matched[doc] = k + 1;
        total[doc] += best[doc];
        best[doc] = 0;
      }
    }
    const hits: IndexHit[] = [];
    for (let doc = 0; doc < this.docCount; doc++) if (matched[doc] === order.length) hits.push({ doc, score: total[doc] });
    return hits;
  }

  /** The index's words that `term` (folded) meets, each with how well. */
  private candidates(term: string): Map<number, number> {
    const out = new Map<number, number>();
    const offer = (id: number | undefined, weight: number) => {
      if (id !== undefined && weight > (out.get(id) ?? 0)) out.set(id, weight);
    };
    offer(this.wordIds.get(term), MATCH.exact);
    for (const stem of stemsOf(term)) for (const id of this.byStem.get(stem) ?? []) offer(id, MATCH.stem);
    if (term.length >= PREFIX_MIN_LENGTH) {
      for (let id = 0; id < this.words.length; id++) if (this.words[id].startsWith(term)) offer(id, MATCH.prefix);
    }
    if (term.length >= TYPO_MIN_LENGTH) {
      for (let length = term.length - 1; length <= term.length + 1; length++) {
        for (const id of this.byLength[length] ?? []) if (withinOneEdit(term, this.words[id])) offer(id, MATCH.typo);
      }
    }
    return out;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.words.push(word);
    this.wordIds.set(word, id);
    this.postings.push(new Int32Array(2));
    this.postingLength.push(0);
    this.liveDf.push(0);
    for (const stem of stemsOf(word)) {
      const ids = this.byStem.get(stem);
      if (ids) ids.push(id);
      else this.byStem.set(stem, [id]);
    }
    (this.byLength[word.length] ??= []).push(id);
    return id;
  }

  private post(id: number, value: number): void {
    let list = this.postings[id];
    const length = this.postingLength[id];
    if (length === list.length) {
      const grown = new Int32Array(Math.max(4, list.length * 2));
      grown.set(list);
      this.postings[id] = list = grown;
    }
    list[length] = value;
    this.postingLength[id] = length + 1;
  }
}

function fieldWeight(bits: number): number {
  let w = 0;
  for (const bit of [1, 2, 4, 8]) if (bits & bit && FIELD_WEIGHT[bit] > w) w = FIELD_WEIGHT[bit];
  return w;
}

/** The stems a word is filed under: its English and its Scandinavian one, when they differ from the word. */
export function stemsOf(word: string): string[] {
  return [`e:${stemEnglish(word)}`, `n:${stemNordic(word)}`];
}

/** How a query word (folded) meets a word of a note (folded), or undefined: the same rules as the index. */
export function matchOf(term: string, word: string): MatchKind | undefined {
  if (term === word) return 'exact';
  const stems = new Set(stemsOf(word));
  if (stemsOf(term).some((s) => stems.has(s))) return 'stem';
  if (term.length >= PREFIX_MIN_LENGTH && word.startsWith(term)) return 'prefix';
  if (term.length >= TYPO_MIN_LENGTH && Math.abs(term.length - word.length) <= 1 && withinOneEdit(term, word)) return 'typo';
  return undefined;
}

/** One insertion, deletion, substitution or swap of neighbours (Damerau), or none. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
