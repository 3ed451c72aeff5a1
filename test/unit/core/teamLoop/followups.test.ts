import * as assert from 'node:assert/strict';
import { addCheckIn, checkIns, closedPlans, closePlan, followUpEntry, parseFollowUp, reopenPlan } from '../../../../src/core/teamLoop/followups';
import { structuredPatch } from 'diff';
import type { Note } from '../../../../src/core/model';
import { parseNote } from '../../../../src/core/notes/parseNote';

const PLAN = `---
title: Plan
kind: plan
review: 2026-11-27 # next look
status: open
---
## Goal

Faster queries.

## Check-ins

- 2026-11-01: indexes listed.

## Notes

Keep this.
`;

describe('plan follow-ups', () => {
  it('a check-in moves review to the date the user confirmed, and only that', () => {
    const after = addCheckIn(PLAN, '2026-12-01', 'reviewed', 45);
    assert.match(after, /^review: 2027-01-15 # next look$/m);
    assert.deepEqual(checkIns(parseNote('p.md', after).note!.body).at(-1), { date: '2026-12-01', text: 'reviewed' });
  });

  it('done and dropped record the outcome or reason as a dated check-in', () => {
    const done = closePlan(PLAN, 'done', '2026-12-01', 'Done: p95 under 50 ms');
    assert.match(done, /^status: done$/m);
    assert.match(done, /^review: 2026-11-27 # next look$/m, 'closing does not move review');
    assert.deepEqual(checkIns(parseNote('p.md', done).note!.body), [
      { date: '2026-11-01', text: 'indexes listed.' },
      { date: '2026-12-01', text: 'Done: p95 under 50 ms' },
    ]);
    assert.ok(done.endsWith('## Notes\n\nKeep this.\n'), 'the rest of the body stays');
    assert.match(closePlan(PLAN, 'dropped', '2026-12-01', 'Dropped: moved team'), /^status: dropped$/m);
  });

  it('reopening the same day undoes the close byte for byte; later it keeps the history', () => {
    const prefixes = ['Done', 'Dropped'];
    for (const status of ['done', 'dropped'] as const) {
      const closed = closePlan(PLAN, status, '2026-12-01', `${status === 'done' ? 'Done' : 'Dropped'}: why`);
      assert.equal(reopenPlan(closed, '2026-12-01', prefixes), PLAN);
      const later = reopenPlan(closed, '2026-12-05', prefixes);
      assert.match(later, /^status: open$/m);
      assert.ok(later.includes('- 2026-12-01: '), 'a close from another day stays in the record');
    }
    const noSection = PLAN.replace(/## Check-ins\n\n- 2026-11-01: indexes listed.\n\n/, '');
    const closed = closePlan(noSection, 'done', '2026-12-01', 'Done.');
    assert.match(closed, /## Check-ins\n\n- 2026-12-01: Done\.\n$/);
    assert.match(reopenPlan(closed, '2026-12-01', prefixes), /^status: open$/m);
  });
});

describe('closedPlans', () => {
  const plan = (path: string, status: string, body: string, created = '2026-01-01') =>
    ({ path, title: path, kind: 'plan', status, body, created, topics: [], anchors: [], endorsed: [], bodyLine: 5 }) as Note;
  it('lists done and dropped plans, the most recently closed first, with the closing entry as outcome', () => {
    const list = closedPlans([
      plan('a', 'done', '## Check-ins\n\n- 2026-03-01: met the target\n'),
      plan('b', 'open', '## Check-ins\n\n- 2026-05-01: going\n'),
      plan('c', 'dropped', '## Check-ins\n\n- 2026-02-01: first\n- 2026-04-01: Dropped: no budget\n'),
      plan('d', 'done', '', '2026-01-15'),
    ]);
    assert.deepEqual(list.map((p) => [p.note.path, p.status, p.closedOn, p.outcome]), [
      ['c', 'dropped', '2026-04-01', 'Dropped: no budget'],
      ['a', 'done', '2026-03-01', 'met the target'],
      ['d', 'done', '2026-01-15', undefined],
    ]);
  });
});

describe('check-ins that follow up (#16)', () => {
  it('the three answers, each optional, are one dated entry under Check-ins, written as a minimal diff', () => {
    const entry = followUpEntry({ dailyWork: 'We threat-model every new endpoint', inTheWay: 'The release crunch', support: 'An hour a sprint\nfor reviews' });
    assert.equal(entry, 'Daily work: We threat-model every new endpoint · In the way: The release crunch · Support needed: An hour a sprint for reviews');
    const after = addCheckIn(PLAN, '2026-12-01', entry, 14);
    const hunks = structuredPatch('a', 'b', PLAN, after).hunks;
    const changed = hunks.flatMap((h) => h.lines.filter((l) => l[0] === '+' || l[0] === '-'));
    assert.deepEqual(changed, [
      '-review: 2026-11-27 # next look',
      '+review: 2026-12-15 # next look',
      `+- 2026-12-01: ${entry}`,
    ]);
    assert.deepEqual(checkIns(parseNote('p.md', after).note!.body).map((c) => c.date), ['2026-11-01', '2026-12-01'], 'one dated entry');
    assert.deepEqual(parseFollowUp(checkIns(parseNote('p.md', after).note!.body).at(-1)!.text), {
      dailyWork: 'We threat-model every new endpoint',
      inTheWay: 'The release crunch',
      support: 'An hour a sprint for reviews',
    });
    assert.equal(followUpEntry({ inTheWay: '  ', support: 'A mentor' }), 'Support needed: A mentor', 'an empty answer is left out');
    assert.equal(followUpEntry({}), '');
    assert.equal(parseFollowUp('indexes listed.'), undefined);
  });
});
