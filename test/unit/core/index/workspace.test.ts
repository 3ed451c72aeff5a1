import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { flattenTopics } from '../../../../src/core/topics/topics';

const note = (title: string, topics: string[], extra = '', body = 'Body.\n') =>
  `---\ntitle: ${title}\ntopics: [${topics.join(', ')}]\nauthor: Kari\ncreated: 2026-11-0${(title.length % 9) + 1}\n${extra}---\n${body}`;

function demo() {
  return new MemoryFileSystem({
    '.learnings/notes/a.md': note('Idempotent webhooks', ['payments/webhooks', 'reliability'], 'anchors:\n  - path: src/hook.ts\n    lines: 1-2\n    snippet: x\n'),
    '.learnings/notes/b.md': note('Refund rounding', ['payments/refunds'], 'kind: win\n', 'We rounded half-even and saved the quarter.\n'),
    '.learnings/notes/c.md': note('Pool timeouts', ['database'], '', 'Set the statement timeout.\n'),
    '.learnings/notes/d.md': note('Old hooks name', ['hooks']),
    '.learnings/notes/broken.md': '---\ntitle: [oops\n---\n',
    '.learnings/topics/payments/webhooks.md': '---\ntitle: Webhooks\nambassadors: [Kari Nordmann]\naliases: [hooks, callbacks]\n---\nHow we receive provider callbacks.\n',
    '.learnings/notes/readme.txt': 'not a note',
    'src/hook.ts': 'x\ny\n',
  });
}

describe('LearningsWorkspace and NoteIndex', () => {
  it('indexes the good notes and reports the broken one by name', async () => {
    const ws = new LearningsWorkspace(demo());
    const index = await ws.load();
    assert.equal(index.size, 4);
    const problems = index.problems();
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, '.learnings/notes/broken.md');
  });

  it('builds the topic tree with nesting, aliases and description state', async () => {
    const index = await new LearningsWorkspace(demo()).load();
    const topics = flattenTopics(index.topics());
    const bySlug = new Map(topics.map((t) => [t.slug, t]));
    assert.deepEqual([...bySlug.keys()].sort(), ['database', 'payments', 'payments/refunds', 'payments/webhooks', 'reliability']);
    const webhooks = bySlug.get('payments/webhooks')!;
    assert.equal(webhooks.title, 'Webhooks');
    assert.equal(webhooks.described, true);
    assert.deepEqual(webhooks.ambassadors, ['Kari Nordmann']);
    assert.equal(webhooks.noteCount, 2, 'the note tagged with the alias "hooks" counts');
    assert.equal(bySlug.get('payments')!.noteCount, 3, 'a parent counts the notes of its subtopics');
    assert.equal(bySlug.get('payments')!.described, false);
    assert.equal(bySlug.get('payments')!.directCount, 0);
  });

  it('queries by topic (with subtopics and aliases), kind, author and anchored file', async () => {
    const index = await new LearningsWorkspace(demo()).load();
    const paths = (notes: { path: string }[]) => notes.map((n) => n.path).sort();
    assert.deepEqual(paths(index.query({ topic: 'payments' })), ['.learnings/notes/a.md', '.learnings/notes/b.md', '.learnings/notes/d.md']);
    assert.deepEqual(paths(index.query({ topic: 'callbacks' })), ['.learnings/notes/a.md', '.learnings/notes/d.md']);
    assert.deepEqual(paths(index.query({ kind: 'win' })), ['.learnings/notes/b.md']);
    assert.deepEqual(paths(index.query({ author: 'kari' })).length, 4);
    assert.deepEqual(paths(index.query({ file: 'src/hook.ts' })), ['.learnings/notes/a.md']);
    assert.deepEqual(paths(index.query({ topic: 'payments', kind: 'win' })), ['.learnings/notes/b.md']);
    assert.deepEqual(index.query({ topic: 'nothing' }), []);
  });

  it('searches titles, topics and bodies, ranking title hits first', async () => {
    const index = await new LearningsWorkspace(demo()).load();
    assert.deepEqual(index.search('timeout').map((h) => h.note.title), ['Pool timeouts']);
    assert.deepEqual(index.search('half-even').map((h) => h.note.title), ['Refund rounding']);
    assert.deepEqual(index.search('reliability').map((h) => h.note.title), ['Idempotent webhooks']);
    assert.deepEqual(index.search('REFUND saved').map((h) => h.note.title), ['Refund rounding']);
    assert.deepEqual(index.search('refund nowhere'), []);
    assert.deepEqual(index.search('   '), []);
  });

  it('updates one note incrementally, and forgets a deleted one', async () => {
    const fs = demo();
    const ws = new LearningsWorkspace(fs);
    await ws.load();
    await fs.writeFile('.learnings/notes/c.md', new TextEncoder().encode(note('Pool sizing', ['database/pool'])));
    await ws.refresh('.learnings/notes/c.md');
    assert.equal(ws.index.get('.learnings/notes/c.md')?.title, 'Pool sizing');
    assert.deepEqual(ws.index.query({ topic: 'database' }).map((n) => n.title), ['Pool sizing']);
    assert.deepEqual(ws.index.search('timeout'), []);
    await fs.writeFile('.learnings/notes/broken.md', new TextEncoder().encode(note('Fixed now', ['misc'])));
    await ws.refresh('.learnings/notes/broken.md');
    assert.deepEqual(ws.index.problems(), []);
    await fs.delete('.learnings/notes/c.md');
    await ws.refresh('.learnings/notes/c.md');
    assert.equal(ws.index.get('.learnings/notes/c.md'), undefined);
    assert.equal(ws.index.query({ topic: 'database' }).length, 0);
  });

  it('skips binary, non-UTF-8 and oversized files with a message, keeping the others', async () => {
    const fs = demo();
    await fs.writeFile('.learnings/notes/bin.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0, 1, 2]));
    await fs.writeFile('.learnings/notes/latin1.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
    await fs.writeFile('.learnings/notes/huge.md', new Uint8Array(2 * 1024 * 1024).fill(0x61));
    const index = await new LearningsWorkspace(fs).load();
    assert.equal(index.size, 4);
    const messages = Object.fromEntries(index.problems().map((p) => [p.file, p.message]));
    assert.match(messages['.learnings/notes/bin.md'], /binary file/);
    assert.match(messages['.learnings/notes/latin1.md'], /not valid UTF-8/);
    assert.match(messages['.learnings/notes/huge.md'], /2\.0 MB, over the 1\.0 MB limit/);
  });

  it('reads a notes folder that a setting moved', async () => {
    const fs = new MemoryFileSystem({ 'docs/lessons/notes/x.md': note('Moved', ['a']) });
    const index = await new LearningsWorkspace(fs, { folder: 'docs/lessons/' }).load();
    assert.equal(index.get('docs/lessons/notes/x.md')?.title, 'Moved');
  });
});

import { summaryOf } from '../../../../src/core/teamLoop/digest';

describe('summaryOf', () => {
  it('takes the first paragraph under the headings, without list markers, on one line', () => {
    assert.equal(summaryOf('## Went well\n\n- Designed with support\n- Shipped early\n'), 'Designed with support Shipped early');
    assert.equal(summaryOf('## What happened\nThe pool\nran dry.\n\n## Next\n'), 'The pool ran dry.');
  });

  it('cuts at a word and never leaves a code span open', () => {
    const source = `We added \`squawk\` to CI and it failed its first PR: a \`CREATE INDEX without CONCURRENTLY\` ${'x '.repeat(50)}`;
    const s = summaryOf(source, 80);
    assert.ok(s.endsWith('…'));
    assert.ok(s.length <= 80);
    assert.equal((s.match(/`/g) ?? []).length % 2, 0, s);
    const kept = s.slice(0, -1);
    assert.ok(source.startsWith(kept), s);
    assert.match(source.charAt(kept.length), /[\s`:]/, 'cut between words');
  });
});
