import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { computeStats, type Stats } from '../../../../src/core/teamLoop/stats';
import { CONTRIBUTOR_DAYS, contributorsSummary, dashboardModel, notesChart, plansSummary, winsOfMonth } from '../../../../src/core/teamLoop/dashboardModel';
import type { AnchorResult } from '../../../../src/core/anchors/checkAnchors';
import type { Note } from '../../../../src/core/model';

const month = (m: string, total: number, byTopic: Record<string, number> = {}) => ({ month: m, total, byTopic });

function stats(over: Partial<Stats> = {}): Stats {
  return {
    notes: 0,
    topics: 0,
    undescribedTopics: [],
    perMonth: [],
    plans: { open: 0, due: 0, overdue: 0, done: 0, dropped: 0 },
    anchors: { total: 0, fresh: 0, moved: 0, drifted: 0, orphaned: 0 },
    contributorsThisMonth: [],
    ...over,
  };
}

function note(over: Partial<Note>): Note {
  return { path: '.learnings/notes/x.md', title: 'X', kind: 'lesson', topics: [], anchors: [], endorsed: [], body: '', bodyLine: 1, ...over };
}

describe('dashboardModel', () => {
  describe('notes per month', () => {
    it('keeps the five busiest top-level topics and puts the rest in "other"', () => {
      const chart = notesChart([
        month('2026-10', 6, { a: 3, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 }),
        month('2026-11', 3, { b: 2, c: 1, z: 1 }),
      ]);
      assert.deepEqual(
        chart.series.map((s) => (s.kind === 'topic' ? `${s.slug}:${s.notes}` : `${s.kind}:${s.notes}`)),
        ['a:3', 'b:3', 'c:2', 'd:1', 'e:1', 'other:3'],
        'busiest first, ties by name, then the rest together',
      );
      assert.equal(chart.notes, 9);
      assert.equal(chart.maxNotes, 6);
      const october = chart.months[0];
      assert.deepEqual(
        october.segments.map((s) => [s.series, s.notes]),
        [
          [0, 3],
          [1, 1],
          [2, 1],
          [3, 1],
          [4, 1],
          [5, 2],
        ],
      );
    });

    it('shares a note on two topics between them, so a bar is as high as its note count', () => {
      const chart = notesChart([month('2026-11', 2, { payments: 2, reliability: 1 })]);
      const shares = chart.months[0].segments.map((s) => s.share);
      assert.equal(shares.reduce((a, b) => a + b, 0), 1);
      assert.deepEqual(shares, [2 / 3, 1 / 3]);
      assert.equal(chart.months[0].notes, 2);
    });

    it('uses the topic title when there is one, the slug otherwise', () => {
      const chart = notesChart([month('2026-11', 2, { payments: 1, db: 1 })], { topicTitle: (s) => (s === 'payments' ? 'Payments' : undefined) });
      assert.deepEqual(
        chart.series.map((s) => s.title),
        ['db', 'Payments'],
      );
    });

    it('draws notes without any topic as one "no topic" part, and empty months as nothing', () => {
      const chart = notesChart([month('2026-10', 0), month('2026-11', 2)]);
      assert.deepEqual(chart.months[0].segments, []);
      assert.deepEqual(chart.series, [{ kind: 'none', notes: 2 }]);
      assert.deepEqual(chart.months[1].segments, [{ series: 0, notes: 2, share: 1 }]);
    });

    it('has no series and a zero maximum when nothing was written', () => {
      const chart = notesChart([month('2026-10', 0), month('2026-11', 0)]);
      assert.deepEqual(chart.series, []);
      assert.equal(chart.maxNotes, 0);
      assert.equal(chart.notes, 0);
    });
  });

  describe('plans, anchors, contributors', () => {
    it('splits open plans into overdue, due this week and on track', () => {
      assert.deepEqual(plansSummary({ open: 5, due: 2, overdue: 1, done: 3, dropped: 1 }), {
        overdue: 1,
        dueThisWeek: 2,
        onTrack: 2,
        open: 5,
        done: 3,
        dropped: 1,
        toCheckIn: 3,
      });
    });

    it('counts drifted and orphaned anchors as needing attention, and says when they could not be checked', () => {
      const s = stats({ anchors: { total: 10, fresh: 5, moved: 2, drifted: 2, orphaned: 1 } });
      assert.deepEqual(dashboardModel(s, { today: '2026-11-23' }).anchors, { total: 10, inPlace: 7, drifted: 2, orphaned: 1, attention: 3 });
      assert.equal(dashboardModel(s, { today: '2026-11-23', anchorsChecked: false }).anchors, undefined);
    });

    it('celebrates the contributors and the wins of this month only', () => {
      const notes = [
        note({ path: 'a.md', title: 'Old win', kind: 'win', created: '2026-10-30' }),
        note({ path: 'b.md', title: 'Lint caught a lock', kind: 'win', created: '2026-11-19', author: 'Tomás Ortega' }),
        note({ path: 'c.md', title: 'Not a win', kind: 'lesson', created: '2026-11-20' }),
        note({ path: 'd.md', title: 'Zero downtime deploy', kind: 'win', created: '2026-11-21' }),
      ];
      assert.deepEqual(winsOfMonth(notes, '2026-11-23'), [
        { title: 'Zero downtime deploy', path: 'd.md' },
        { title: 'Lint caught a lock', path: 'b.md', author: 'Tomás Ortega' },
      ]);
      const model = dashboardModel(stats(), { today: '2026-11-23', notes });
      assert.deepEqual(model.contributors.people, [{ name: 'Tomás Ortega', notes: 1, contributions: 1 }]);
      assert.equal(model.contributors.notes, 1);
      assert.equal(model.contributors.maxNotes, 1);
      assert.equal(model.contributors.wins.length, 2);
    });
  });

  it('counts contributors over a rolling 30 days (not the calendar month): authors, check-ins, endorsements', () => {
    const notes = [
      note({ path: 'a.md', author: 'Ann', created: '2026-11-02' }),
      note({ path: 'b.md', author: 'Ben', created: '2026-11-30', endorsed: ['Cy', 'Ann'] }),
      note({ path: 'old.md', author: 'Old', created: '2026-10-31', endorsed: ['Gone'] }),
      note({ path: 'p.md', kind: 'plan', author: 'Dee', owner: 'Eli', created: '2026-01-01', body: '## Check-ins\n\n- 2026-10-20: old\n- 2026-11-15: halfway\n' }),
    ];
    // On the 1st, the calendar month has nothing yet; the last 30 days (Nov 2 to Dec 1) do.
    const c = contributorsSummary(notes, '2026-12-01');
    assert.equal(c.days, CONTRIBUTOR_DAYS);
    assert.deepEqual(
      c.people.map((p) => [p.name, p.notes, p.contributions]),
      [['Ann', 1, 2], ['Ben', 1, 1], ['Cy', 0, 1], ['Eli', 0, 1]],
    );
    assert.equal(c.notes, 2);
    assert.equal(contributorsSummary(notes, '2026-12-02').people.some((p) => p.name === 'Ann' && p.notes === 1), false, 'Nov 2 is out of the window on Dec 2');
  });

  it('turns the stats of a small workspace into the four indicators', async () => {
    const fm = (fields: string) => `---\n${fields}\n---\nBody.\n`;
    const fs = new MemoryFileSystem({
      '.learnings/notes/a.md': fm('title: A\ntopics: [payments/webhooks, reliability]\nauthor: Kari\ncreated: 2026-11-02'),
      '.learnings/notes/b.md': fm('title: B\nkind: win\ntopics: [payments]\nauthor: Kari\ncreated: 2026-11-10'),
      '.learnings/notes/c.md': fm('title: C\ntopics: [security]\nauthor: Aisha\ncreated: 2026-09-01'),
      '.learnings/notes/d.md': fm('title: D\nkind: plan\ntopics: [database]\nauthor: Lars\ncreated: 2026-07-14\nreview: 2026-11-10\nstatus: open'),
      '.learnings/notes/e.md': fm('title: E\nkind: plan\ntopics: [database]\nauthor: Lars\ncreated: 2026-03-14\nstatus: done'),
      '.learnings/topics/payments.md': '---\ntitle: Payments & Money\n---\nAll about money.\n',
    });
    const index = await new LearningsWorkspace(fs).load();
    const anchors = [{ status: 'fresh' }, { status: 'drifted' }] as AnchorResult[];
    const model = dashboardModel(computeStats(index, '2026-11-23', anchors), {
      today: '2026-11-23',
      topicTitle: (slug) => (slug === 'payments' ? 'Payments & Money' : undefined),
      notes: index.notes(),
    });
    assert.deepEqual(
      model.notes.months.map((m) => m.month),
      ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
    );
    assert.equal(model.notes.notes, 4, 'the plan of March is before the six months');
    assert.deepEqual(model.notes.series[0], { kind: 'topic', slug: 'payments', title: 'Payments & Money', notes: 2 });
    assert.equal(model.plans.overdue, 1);
    assert.equal(model.plans.done, 1);
    assert.equal(model.anchors?.attention, 1);
    assert.deepEqual(
      model.contributors.people.map((p) => p.name),
      ['Kari'],
    );
    assert.deepEqual(
      model.contributors.wins.map((w) => w.title),
      ['B'],
    );
    assert.ok(model.undescribedTopics.includes('security'));
    assert.ok(!model.undescribedTopics.includes('payments'));
  });
});
