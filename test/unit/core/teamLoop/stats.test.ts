// The indicators of `learnings stats` and the dashboard, computed in core on a
// given day (never the calendar): notes per month and top-level topic, plans by
// state, anchors by status, contributors of the month, undescribed topics.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { computeStats } from '../../../../src/core/teamLoop/stats';
import type { AnchorResult } from '../../../../src/core/anchors/checkAnchors';

const note = (title: string, fm: string) => `---\ntitle: ${title}\n${fm}\n---\nBody.\n`;
const plan = (title: string, review: string, status = 'open') => note(title, `kind: plan\nauthor: Lars\ncreated: 2026-09-01\nreview: ${review}\nstatus: ${status}`);

async function stats(files: Record<string, string>, today: string, anchors: AnchorResult[] = [], months?: number) {
  const index = await new LearningsWorkspace(new MemoryFileSystem(files)).load();
  return computeStats(index, today, anchors, months);
}

describe('stats', () => {
  it('counts notes per month for the last six months, oldest first, by top-level topic (aliases resolved)', async () => {
    const s = await stats(
      {
        '.learnings/notes/a.md': note('A', 'topics: [payments/webhooks, payments]\nauthor: Ann\ncreated: 2026-11-02'),
        '.learnings/notes/b.md': note('B', 'topics: [billing, db]\nauthor: Ben\ncreated: 2026-11-20'),
        '.learnings/notes/c.md': note('C', 'topics: [db]\nauthor: Ann\ncreated: 2026-06-30'),
        '.learnings/notes/old.md': note('Old', 'topics: [db]\ncreated: 2026-05-31'),
        '.learnings/notes/undated.md': note('Undated', 'topics: [db]'),
        '.learnings/topics/payments.md': '---\naliases: [billing]\n---\nMoney.\n',
      },
      '2026-11-23',
    );
    assert.equal(s.notes, 5);
    assert.deepEqual(s.perMonth.map((m) => m.month), ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    assert.deepEqual(s.perMonth.map((m) => m.total), [1, 0, 0, 0, 0, 2]);
    assert.deepEqual(s.perMonth[5].byTopic, { payments: 2, db: 1 }, 'a note counts once per top-level topic; billing is payments');
  });

  it('months cross the year boundary, and follow the day it is given', async () => {
    const s = await stats({}, '2027-02-10', [], 4);
    assert.deepEqual(s.perMonth.map((m) => m.month), ['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('counts plans by status, and those due or overdue on the given day', async () => {
    const files = {
      '.learnings/notes/p1.md': plan('Overdue', '2026-11-10'),
      '.learnings/notes/p2.md': plan('Due soon', '2026-11-25'),
      '.learnings/notes/p3.md': plan('Later', '2027-01-01'),
      '.learnings/notes/p4.md': plan('Finished', '2026-11-01', 'done'),
      '.learnings/notes/p5.md': plan('Given up', '2026-11-01', 'dropped'),
      '.learnings/notes/lesson.md': note('A lesson', 'created: 2026-11-01'),
    };
    assert.deepEqual((await stats(files, '2026-11-23')).plans, { open: 3, due: 1, overdue: 1, done: 1, dropped: 1 });
    // A month later the same plans: two overdue, none due.
    assert.deepEqual((await stats(files, '2026-12-23')).plans, { open: 3, due: 0, overdue: 2, done: 1, dropped: 1 });
  });

  it('counts anchors by status', async () => {
    const a = (status: AnchorResult['status']): AnchorResult => ({ note: 'n.md', path: 'src/x.ts', status }) as AnchorResult;
    const s = await stats({}, '2026-11-23', [a('fresh'), a('fresh'), a('moved'), a('drifted'), a('orphaned'), a('orphaned')]);
    assert.deepEqual(s.anchors, { total: 6, fresh: 2, moved: 1, drifted: 1, orphaned: 2 });
  });

  it('thanks the authors of the given month, most notes first, then by name', async () => {
    const s = await stats(
      {
        '.learnings/notes/a.md': note('A', 'author: Ben\ncreated: 2026-11-02'),
        '.learnings/notes/b.md': note('B', 'author: Ann\ncreated: 2026-11-03'),
        '.learnings/notes/c.md': note('C', 'author: Cy\ncreated: 2026-11-04'),
        '.learnings/notes/d.md': note('D', 'author: Cy\ncreated: 2026-11-05'),
        '.learnings/notes/e.md': note('E', 'author: Dan\ncreated: 2026-10-31'),
        '.learnings/notes/f.md': note('F', 'created: 2026-11-06'),
      },
      '2026-11-23',
    );
    assert.deepEqual(s.contributorsThisMonth, [
      { name: 'Cy', notes: 2 },
      { name: 'Ann', notes: 1 },
      { name: 'Ben', notes: 1 },
    ]);
  });

  it('lists the topics without a page, parents and subtopics alike', async () => {
    const s = await stats(
      {
        '.learnings/notes/a.md': note('A', 'topics: [payments/webhooks, db]'),
        '.learnings/topics/payments.md': 'Money.\n',
      },
      '2026-11-23',
    );
    assert.equal(s.topics, 3);
    assert.deepEqual(s.undescribedTopics.sort(), ['db', 'payments/webhooks']);
  });
});
