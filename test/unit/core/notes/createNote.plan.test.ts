// A plan's defaults (review date, status, owner) are decided in createNote,
// from the day handed in: the editor and `learnings new` write the same.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { createNote, planDefaults, PLAN_REVIEW_DAYS } from '../../../../src/core/notes/createNote';
import { layoutFor } from '../../../../src/core/layout';
import { parseNote } from '../../../../src/core/notes/parseNote';

const layout = layoutFor();

describe('createNote: a plan', () => {
  it('starts with a review date 14 days after the day handed in, open, its author as owner', async () => {
    const fs = new MemoryFileSystem();
    const created = await createNote(fs, layout, { title: 'Practise pairing', kind: 'plan', author: 'Kari', created: '2026-12-25' });
    const { note, problems } = parseNote(created.path, fs.text(created.path)!);
    assert.deepEqual(problems, []);
    assert.equal(PLAN_REVIEW_DAYS, 14);
    assert.equal(note?.review, '2027-01-08');
    assert.equal(note?.status, 'open');
    assert.equal(note?.owner, 'Kari');
    assert.match(created.text, /^created: 2026-12-25\nreview: 2027-01-08\nstatus: open\nowner: Kari\n/m);
  });

  it('has no owner without an author, and extra fields win over the defaults', async () => {
    const fs = new MemoryFileSystem();
    const anonymous = await createNote(fs, layout, { title: 'No owner', kind: 'plan', created: '2026-02-20' });
    assert.deepEqual(planDefaults('2026-02-20'), { review: '2026-03-06', status: 'open' });
    assert.doesNotMatch(anonymous.text, /owner:/);
    const given = await createNote(fs, layout, { title: 'Given', kind: 'plan', author: 'Kari', created: '2026-02-20', extra: { review: '2026-02-27', owner: 'Lars' } });
    const { note } = parseNote(given.path, fs.text(given.path)!);
    assert.equal(note?.review, '2026-02-27');
    assert.equal(note?.owner, 'Lars');
    assert.equal(note?.status, 'open');
  });

  it('gives no other kind those fields', async () => {
    const fs = new MemoryFileSystem();
    const lesson = await createNote(fs, layout, { title: 'A lesson', kind: 'lesson', author: 'Kari', created: '2026-12-25' });
    assert.doesNotMatch(lesson.text, /^(review|status|owner):/m);
  });
});
