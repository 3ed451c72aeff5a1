// A topic's own notes (what the Topics view lists under its subtopics): filed
// under the topic or one of its aliases, not only under a subtopic.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';

const note = (title: string, topics: string[]) => `---\ntitle: ${title}\ntopics: [${topics.join(', ')}]\ncreated: 2026-11-01\n---\nBody.\n`;

async function index() {
  const fs = new MemoryFileSystem({
    '.learnings/notes/a.md': note('On payments', ['payments']),
    '.learnings/notes/b.md': note('On webhooks', ['payments/webhooks']),
    '.learnings/notes/c.md': note('Under an alias', ['hooks']),
    '.learnings/notes/d.md': note('Both', ['payments', 'payments/webhooks']),
    '.learnings/notes/e.md': note('Elsewhere', ['database']),
    '.learnings/topics/payments/webhooks.md': '---\ntitle: Webhooks\nambassadors: []\naliases: [hooks]\n---\n',
  });
  return new LearningsWorkspace(fs).load();
}

const titles = (notes: Array<{ title: string }>) => notes.map((n) => n.title).sort();

describe('NoteIndex.directNotes', () => {
  it('lists the notes on the topic itself, not those only on a subtopic', async () => {
    const i = await index();
    assert.deepEqual(titles(i.directNotes('payments')), ['Both', 'On payments']);
    // query() includes the subtopics: directNotes is the narrower list.
    assert.deepEqual(titles(i.query({ topic: 'payments' })), ['Both', 'On payments', 'On webhooks', 'Under an alias']);
  });

  it('counts a note filed under an alias as the topic\'s own, by either name', async () => {
    const i = await index();
    assert.deepEqual(titles(i.directNotes('payments/webhooks')), ['Both', 'On webhooks', 'Under an alias']);
    assert.deepEqual(titles(i.directNotes('hooks')), ['Both', 'On webhooks', 'Under an alias']);
  });

  it('is empty for a topic no note names', async () => {
    const i = await index();
    assert.deepEqual(i.directNotes('nothing'), []);
  });
});
