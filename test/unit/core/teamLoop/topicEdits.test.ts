// Renaming and merging topics, planned in core (cli `topics rename|merge` and
// the Topics view both write this plan): each note that uses the topic or a
// subtopic is rewritten with a minimal diff, the old name stays as an alias,
// a page is deleted only after its successor is written, and nothing is
// planned for a request that makes no sense.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { layoutFor } from '../../../../src/core/layout';
import { parseTopicPage } from '../../../../src/core/topics/parseTopicPage';
import { planTopicChange, renamedTopic, TopicEditError, type TopicChangePlan } from '../../../../src/core/teamLoop/topicEdits';

const note = (title: string, topics: string, extra = '') => `---\ntitle: ${title}\ntopics: ${topics}\n${extra}---\nBody of ${title}.\n`;

const FILES: Record<string, string> = {
  '.learnings/notes/a.md': note('Retries', '[payments, reliability]'),
  '.learnings/notes/b.md': note('Webhooks', '[payments/webhooks]'),
  '.learnings/notes/c.md': note('Unrelated', '[database]'),
  '.learnings/notes/d.md': note('Tagged', '[payments]', '').replace('topics:', 'tags:'),
  '.learnings/topics/payments.md': '---\naliases: [billing]\n---\nHow we take money.\n',
  '.learnings/topics/database.md': 'Postgres and friends.\n',
};

async function plan(mode: 'rename' | 'merge', from: string, to: string, files = FILES, unreadable: string[] = []): Promise<TopicChangePlan> {
  const fs = new MemoryFileSystem(files);
  const index = await new LearningsWorkspace(fs).load();
  const read = async (path: string) => (unreadable.includes(path) ? undefined : files[path]);
  return planTopicChange(mode, index, layoutFor(), from, to, read);
}

const byPath = (p: TopicChangePlan) => new Map(p.changes.map((c) => [c.path, c]));

describe('topicEdits: renamedTopic', () => {
  it('renames the topic and its subtopics, nothing that only starts alike', () => {
    assert.equal(renamedTopic('payments', 'payments', 'billing'), 'billing');
    assert.equal(renamedTopic('payments/webhooks', 'payments', 'billing'), 'billing/webhooks');
    assert.equal(renamedTopic('paymentsx', 'payments', 'billing'), undefined);
    assert.equal(renamedTopic('database', 'payments', 'billing'), undefined);
  });
});

describe('topicEdits: planTopicChange', () => {
  it('rename: rewrites only the topic entries of the notes that use it, byte for byte elsewhere', async () => {
    const p = await plan('rename', 'payments', 'money');
    const changes = byPath(p);
    assert.equal(changes.get('.learnings/notes/a.md')?.after, note('Retries', '[money, reliability]'));
    assert.equal(changes.get('.learnings/notes/b.md')?.after, note('Webhooks', '[money/webhooks]'));
    assert.equal(changes.get('.learnings/notes/a.md')?.before, FILES['.learnings/notes/a.md'], 'the text read, for the guarded write');
    assert.ok(!changes.has('.learnings/notes/c.md'), 'a note without the topic is not touched');
    assert.deepEqual(p.skipped, []);
  });

  it('rename: writes the note\'s own topics key (tags:)', async () => {
    const after = byPath(await plan('rename', 'payments', 'money')).get('.learnings/notes/d.md')?.after;
    assert.equal(after, note('Tagged', '[money]').replace('topics:', 'tags:'));
  });

  it('rename: the page moves to the new name with the old one as an alias, and is deleted only after the new one is written', async () => {
    const changes = byPath(await plan('rename', 'payments', 'money'));
    const created = changes.get('.learnings/topics/money.md');
    assert.ok(created, 'the new page');
    assert.equal(created.before, undefined, 'a new file');
    const page = parseTopicPage('.learnings/topics/money.md', created.after ?? '', '.learnings/topics');
    assert.deepEqual(page.page?.aliases.sort(), ['billing', 'payments']);
    assert.match(page.page?.description ?? '', /How we take money\./);
    const removed = changes.get('.learnings/topics/payments.md');
    assert.equal(removed?.after, undefined, 'the old page is deleted');
    assert.equal(removed?.requires, '.learnings/topics/money.md', 'after the new page is written');
  });

  it('rename of a topic without a page: a new page that keeps the old name as an alias', async () => {
    const changes = byPath(await plan('rename', 'reliability', 'resilience'));
    assert.equal(changes.get('.learnings/topics/resilience.md')?.after, '---\naliases: [reliability]\n---\n');
    assert.equal(changes.get('.learnings/notes/a.md')?.after, note('Retries', '[payments, resilience]'));
  });

  it('merge: the notes go to INTO, FROM and its aliases become aliases of INTO, FROM\'s page is deleted after', async () => {
    const changes = byPath(await plan('merge', 'payments', 'database'));
    assert.equal(changes.get('.learnings/notes/a.md')?.after, note('Retries', '[database, reliability]'));
    const into = changes.get('.learnings/topics/database.md');
    assert.ok(into, 'the page of INTO gets the aliases');
    const page = parseTopicPage('.learnings/topics/database.md', into.after ?? '', '.learnings/topics');
    assert.deepEqual(page.page?.aliases.sort(), ['billing', 'payments']);
    assert.match(into.after ?? '', /Postgres and friends\.\n$/, 'the description kept');
    const removed = changes.get('.learnings/topics/payments.md');
    assert.equal(removed?.after, undefined);
    assert.equal(removed?.requires, '.learnings/topics/database.md');
  });

  it('a note it cannot read or rewrite is skipped with why; the others are still planned', async () => {
    const files = { ...FILES, '.learnings/notes/e.md': '---\ntitle: Broken\ntopics: [payments]\n---\nx\n' };
    const p = await plan('rename', 'payments', 'money', files, ['.learnings/notes/e.md']);
    assert.deepEqual(p.skipped, [{ path: '.learnings/notes/e.md', reason: 'could not be read' }]);
    assert.ok(byPath(p).has('.learnings/notes/a.md'));
  });

  it('refuses requests that make no sense, before planning anything', async () => {
    const refused = async (mode: 'rename' | 'merge', from: string, to: string, message: RegExp) =>
      assert.rejects(plan(mode, from, to), (err: Error) => err instanceof TopicEditError && message.test(err.message));
    await refused('rename', 'Payments', 'money', /"Payments" is not a topic slug/);
    await refused('rename', 'payments', 'payments', /the two topics are the same/);
    await refused('rename', 'payments', 'payments/sub', /cannot move "payments" under itself/);
    await refused('rename', 'nothing', 'money', /no topic "nothing"/);
    await refused('merge', 'payments', 'nowhere', /no topic "nowhere" to merge into/);
    await refused('rename', 'payments', 'database', /exists already: merge into it instead/);
    await refused('rename', 'billing', 'money', /no topic "billing"/);
  });
});
