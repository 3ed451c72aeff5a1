// Search that finds what people mean (issue #18): the relevance set, the
// rules of word meeting, and properties of the index kept current.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { NoteSearch, compareNotes } from '../../../../src/core/index/search';
import { matchOf, withinOneEdit } from '../../../../src/core/index/searchIndex';
import { stemEnglish, stemNordic } from '../../../../src/core/index/stemmer';
import { foldText } from '../../../../src/core/index/textFold';
import { plainText, searchExcerpt } from '../../../../src/core/index/searchExcerpt';
import type { Note } from '../../../../src/core/model';
import { fuzz } from '../../../support/fuzzConfig';
import { RELEVANCE, relevanceFiles } from '../../../support/searchRelevance';

describe('search: the relevance set', () => {
  let index: Awaited<ReturnType<LearningsWorkspace['load']>>;
  before(async () => {
    index = await new LearningsWorkspace(new MemoryFileSystem(relevanceFiles())).load();
  });

  for (const c of RELEVANCE) {
    it(`${c.query}: ${c.why}`, () => {
      const hits = index.search(c.query, 50).map((h) => h.note.path);
      assert.deepEqual(new Set(hits.slice(0, c.first.length)), new Set(c.first), `first ${c.first.length} of ${JSON.stringify(hits)}`);
      for (const p of c.alsoFound ?? []) assert.ok(hits.includes(p), `${p} not found in ${JSON.stringify(hits)}`);
      for (const p of c.notFound ?? []) assert.ok(!hits.includes(p), `${p} found`);
    });
  }

  it('ranks best first, and ties in the order notes are listed', () => {
    const hits = index.search('payments', 50);
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1], hits[i]];
      assert.ok(a.score > b.score || (a.score === b.score && compareNotes(a.note, b.note) <= 0), `${a.note.path} before ${b.note.path}`);
    }
  });

  it('follows a note changed, added and removed without a rebuild', async () => {
    const fs = new MemoryFileSystem(relevanceFiles());
    const ws = new LearningsWorkspace(fs);
    const live = await ws.load();
    assert.equal(live.search('zanzibar').length, 0);
    ws.apply('.learnings/notes/new.md', '---\ntitle: Zanzibar rollout\n---\nBody.\n');
    assert.deepEqual(live.search('zanzibar').map((h) => h.note.path), ['.learnings/notes/new.md']);
    ws.apply('.learnings/notes/new.md', '---\ntitle: Other\n---\nBody.\n');
    assert.equal(live.search('zanzibar').length, 0);
    ws.remove('.learnings/notes/new.md');
    assert.equal(live.search('other').filter((h) => h.note.path === '.learnings/notes/new.md').length, 0);
  });
});

describe('search: how a query word meets a word', () => {
  it('stems English word forms to one stem', () => {
    for (const group of [
      ['idempotent', 'idempotently', 'idempotency', 'idempotence'],
      ['retry', 'retries', 'retried', 'retrying'],
      ['migrate', 'migrated', 'migration', 'migrations', 'migrating'],
      ['cache', 'caches', 'caching'],
      ['map', 'mapped', 'mapping'],
      ['handle', 'handler', 'handling'],
    ]) {
      assert.equal(new Set(group.map(stemEnglish)).size, 1, `${group.join(', ')}: ${group.map(stemEnglish).join(', ')}`);
    }
    assert.equal(stemEnglish('event'), 'event', 'a short stem is never cut');
    assert.equal(stemEnglish('note'), 'note');
  });

  it('stems Swedish, Norwegian and Danish forms to one stem (after folding)', () => {
    for (const group of [
      ['atgard', 'atgarder', 'atgarden', 'atgarderna'],
      ['losning', 'losningen', 'losningar', 'losningarna'],
      ['feilen', 'feilene', 'feil'].map(foldText),
      ['kunde', 'kunden', 'kunder', 'kunderne'],
    ]) {
      const stems = new Set(group.filter((w) => w.length > 4).map(stemNordic));
      assert.equal(stems.size, 1, `${group.join(', ')}: ${[...stems].join(', ')}`);
    }
    assert.equal(stemNordic('note'), 'note', '"note" must not meet "not"');
  });

  it('folds accents and letters NFKD leaves alone', () => {
    assert.equal(foldText('Åtgärd Ødegård Æble Łódź Straße'), 'atgard odegard aeble lodz strasse');
  });

  it('forgives one edit (Damerau) and no more', () => {
    assert.ok(withinOneEdit('webhok', 'webhook'));
    assert.ok(withinOneEdit('cahce', 'cache'));
    assert.ok(withinOneEdit('retyr', 'retry'));
    assert.ok(!withinOneEdit('wbhok', 'webhook'));
    assert.equal(matchOf('tset', 'test'), undefined, 'short words: no typo');
    assert.equal(matchOf('webhok', 'webhook'), 'typo');
    assert.equal(matchOf('web', 'webhook'), 'prefix');
    assert.equal(matchOf('webhooks', 'webhook'), 'stem');
  });

  it('property: a hit meets every query word in some field, and an index kept current answers as a new one', () => {
    const words = ['retry', 'retries', 'webhook', 'webhooks', 'cache', 'caching', 'åtgärd', 'atgarder', 'pool', 'a', 'idempotent', 'idempotency'];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 5 }).map((w) => w.join(' '));
    const noteArb = fc.record({ title: text, body: text, topic: fc.constantFrom('payments', 'cache', 'reliability') });
    fc.assert(
      fc.property(fc.array(noteArb, { maxLength: 25 }), fc.array(fc.nat(30), { maxLength: 10 }), fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 2 }), (raw, removals, query) => {
        const notes: Note[] = raw.map((r, i) => ({ path: `n${i}.md`, title: r.title, body: r.body, topics: [r.topic], kind: 'lesson', anchors: [], endorsed: [], bodyLine: 5 }));
        const kept = new NoteSearch();
        for (const note of notes) kept.set(note);
        const removed = new Set(removals.filter((i) => i < notes.length).map((i) => `n${i}.md`));
        for (const p of removed) kept.delete(p);
        const left = notes.filter((x) => !removed.has(x.path));
        const rank = (x: Note) => Number(x.path.slice(1, -3));
        const q = query.join(' ');
        const fresh = new NoteSearch(left).search(q, Infinity, rank);
        assert.deepEqual(kept.search(q, Infinity, rank).map((h) => [h.note.path, h.score]), fresh.map((h) => [h.note.path, h.score]));
        for (const hit of fresh) {
          const fieldWords = foldText(`${hit.note.title} ${hit.note.body} ${hit.note.topics.join(' ')}`).split(/\s+/);
          for (const term of query.map(foldText)) assert.ok(fieldWords.some((w) => matchOf(term, w)), `${hit.note.path} does not meet ${term}`);
        }
      }),
      fuzz(),
    );
  });
});

describe('search: excerpts', () => {
  it('are plain text: no heading, list, emphasis or link marks', () => {
    assert.equal(plainText('## What happened\n\n- **Bold** and `code` and [a link](https://x.test)\n> quoted'), 'What happened Bold and code and a link quoted');
  });

  it('stand around the first word the query meets, cut at words', () => {
    const body = `## What happened\n\n${'Filler words go here. '.repeat(10)}The provider retried the webhook for 72 hours. ${'More filler text. '.repeat(10)}`;
    const note = { path: 'n.md', title: 't', body, topics: [], kind: 'lesson', anchors: [], endorsed: [], bodyLine: 5 } as Note;
    const excerpt = searchExcerpt(note, 'retrying', 80);
    assert.match(excerpt, /^…/);
    assert.match(excerpt, /retried the webhook/);
    assert.ok(!excerpt.includes('##'));
    assert.ok(excerpt.length <= 84, excerpt);
  });
});
