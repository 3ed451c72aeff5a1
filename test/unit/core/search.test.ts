// search() keeps only the best `limit` hits as it goes; it must return
// exactly what scoring every note and stably sorting them all would.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Note } from '../../../src/core/model';
import { compareNotes, search, searchEntry, queryTerms } from '../../../src/core/search';

/** The plain definition: score each note, sort all hits (stable), cut. */
function reference(notes: Note[], query: string, limit: number): Array<[string, number]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const hits: Array<{ note: Note; score: number }> = [];
  for (const note of notes) {
    const title = note.title.toLowerCase();
    const haystack = `${title}\n${note.topics.join(' ')}\n${note.body.toLowerCase()}`;
    let score = 0;
    let matched = true;
    for (const term of terms) {
      const at = haystack.indexOf(term);
      if (at < 0) {
        matched = false;
        break;
      }
      if (title.includes(term)) score += title.startsWith(term) ? 12 : 10;
      else if (at <= title.length + 1 + note.topics.join(' ').length) score += 5;
      else score += 1;
    }
    if (matched) hits.push({ note, score });
  }
  hits.sort((a, b) => b.score - a.score || compareNotes(a.note, b.note));
  return hits.slice(0, limit).map((h) => [h.note.path, h.score]);
}

const word = fc.constantFrom('retry', 'webhook', 'cache', 'pool', 'Retry', 'a', 'b', 'ab', 'timeout', 'x-y');
const text = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
const note = (i: number) =>
  fc.record({
    title: text,
    topics: fc.array(fc.constantFrom('payments', 'payments/webhooks', 'reliability', 'cache'), { maxLength: 2 }),
    body: text,
    created: fc.constantFrom(undefined, '2026-01-01', '2026-02-01'),
    endorsed: fc.constantFrom<string[]>([], ['Kari']),
  }).map((n): Note => ({ ...n, path: `n${i}.md`, kind: 'lesson', anchors: [], bodyLine: 5 }));
const notes = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => note(i))));

describe('search', () => {
  it('returns the best hits in the order a full stable sort gives, for any limit', () => {
    fc.assert(
      fc.property(notes, fc.array(word, { minLength: 0, maxLength: 3 }), fc.constantFrom(1, 2, 3, 5, 50, Infinity), (list, terms, limit) => {
        const entries = list.map(searchEntry);
        const query = terms.join(' ');
        assert.deepEqual(search(entries, query, limit).map((h) => [h.note.path, h.score]), reference(list, query, limit));
      }),
      { numRuns: 2000 },
    );
  });
});
