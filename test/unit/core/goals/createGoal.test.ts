// New Goal and Mark Goal Met / Drop Goal as core writes them: a new goal file
// that never replaces one, and a status change that touches its line only.

import * as assert from 'node:assert/strict';
import { createGoal, setGoalStatus } from '../../../../src/core/goals/createGoal';
import { parseGoal } from '../../../../src/core/goals/parseGoal';
import { layoutFor } from '../../../../src/core/layout';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';

describe('goals: writing', () => {
  it('creates a goal that reads back as asked, open, and never replaces a goal of the same name', async () => {
    const fs = new MemoryFileSystem({});
    const layout = layoutFor(undefined);
    const first = await createGoal(fs, layout, { title: 'Ship it', topics: ['release'], due: '2027-01-31', created: '2026-12-02' });
    const second = await createGoal(fs, layout, { title: 'Ship it', topics: [], created: '2026-12-02' });
    assert.equal(first.path, '.learnings/goals/ship-it.md');
    assert.equal(second.path, '.learnings/goals/ship-it-2.md');
    const { goal, problems } = parseGoal(first.path, first.text, layout.goalsDir);
    assert.deepEqual(problems, []);
    assert.equal(goal?.status, 'open');
    assert.equal(goal?.due, '2027-01-31');
    assert.deepEqual(goal?.topics, ['release']);
  });

  it('Mark Goal Met and Drop Goal change the status line only; reopening gives the file back', () => {
    const text = '---\ntitle: Ship it\ntopics: [release]   # the team\nstatus: open\ncreated: 2026-12-02\n---\n## Why this matters to us\n\nBecause.\n';
    const met = setGoalStatus(text, 'met');
    assert.equal(met, text.replace('status: open\n', 'status: met\n'));
    assert.equal(setGoalStatus(text, 'dropped'), text.replace('status: open\n', 'status: dropped\n'));
    assert.equal(setGoalStatus(met, 'open'), text);
  });
});
