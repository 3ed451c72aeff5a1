import * as assert from 'node:assert/strict';
import { parseGoal } from '../../../../src/core/goals/parseGoal';
import { goalProgress, goalState, plansProgress, progressSummary } from '../../../../src/core/goals/progress';
import { sessionsOf, sessionsSoon } from '../../../../src/core/goals/sessions';
import { parseNote } from '../../../../src/core/notes/parseNote';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import type { Note } from '../../../../src/core/model';

const DIR = '.learnings/goals';
const goalText = (fields: string, body = 'Why it matters.\n') => `---\ntitle: Sessions and errors at ASVS level 2\ntopics: [security]\n${fields}---\n${body}`;

const note = (path: string, front: string, body = 'Body.\n'): Note => {
  const parsed = parseNote(path, `---\n${front}---\n${body}`);
  assert.ok(parsed.note, JSON.stringify(parsed.problems));
  return parsed.note;
};

function goalOf(fields: string) {
  const parsed = parseGoal(`${DIR}/asvs.md`, goalText(fields), DIR);
  assert.ok(parsed.goal, JSON.stringify(parsed.problems));
  return parsed.goal;
}

describe('goals: parsing', () => {
  it('reads a goal as DESIGN.md writes it; the slug is the file name', () => {
    const goal = goalOf('target: no high findings in the Q2 audit\ndue: 2027-06-30\nowner: Aisha Khan\nstatus: open # or met, dropped\n');
    assert.deepEqual(
      { slug: goal.slug, title: goal.title, topics: goal.topics, target: goal.target, due: goal.due, owner: goal.owner, status: goal.status, body: goal.body },
      { slug: 'asvs', title: 'Sessions and errors at ASVS level 2', topics: ['security'], target: 'no high findings in the Q2 audit', due: '2027-06-30', owner: 'Aisha Khan', status: 'open', body: 'Why it matters.' },
    );
  });

  it('a bad due, an unknown status: one clear message each, naming the file and the line', () => {
    const parsed = parseGoal(`${DIR}/asvs.md`, goalText('due: 30 June\nstatus: finished\n'), DIR);
    assert.deepEqual(
      parsed.problems.map((p) => [p.file, p.line, p.severity, p.message]),
      [
        [`${DIR}/asvs.md`, 4, 'error', 'due must be a date YYYY-MM-DD, not "30 June"'],
        [`${DIR}/asvs.md`, 5, 'error', 'unknown status "finished" (known: open, met, dropped)'],
      ],
    );
    assert.equal(parsed.goal?.status, 'open', 'the goal is still there, read as open');
    assert.equal(parsed.goal?.due, undefined);
  });

  it('no title, broken YAML, a file name that is no slug: no goal, one message', () => {
    assert.match(parseGoal(`${DIR}/a.md`, '---\ndue: 2027-01-01\n---\n', DIR).problems[0].message, /title is missing/);
    assert.equal(parseGoal(`${DIR}/a.md`, '---\ntitle: [oops\n---\n', DIR).problems.length, 1);
    assert.match(parseGoal(`${DIR}/Big Goal.md`, goalText(''), DIR).problems[0].message, /not a goal slug/);
  });
});

describe('goals: progress and state (today injected)', () => {
  const plan = (name: string, status: string, goal = 'asvs', checkIn = '') =>
    note(`.learnings/notes/${name}.md`, `title: ${name}\nkind: plan\ntopics: [security]\nstatus: ${status}\ngoal: ${goal}\ncreated: 2027-01-10\n`, `## Check-ins\n\n${checkIn}`);
  const win = note('.learnings/notes/win.md', 'title: Audit passed\nkind: win\ngoal: asvs\ncreated: 2027-05-01\n');
  const held = note('.learnings/notes/s1.md', 'title: OWASP lunch\nkind: session\ndate: 2027-02-01\nhost: Aisha\ngoal: asvs\ncreated: 2027-01-05\n');
  const planned = note('.learnings/notes/s2.md', 'title: Threat modelling workshop\nkind: session\ndate: 2027-07-01\ngoal: asvs\ncreated: 2027-01-05\n');
  const onTopic = note('.learnings/notes/l.md', 'title: CSRF tokens\ntopics: [security/web]\ncreated: 2027-03-01\n');
  const before = note('.learnings/notes/old.md', 'title: Old lesson\ntopics: [security]\ncreated: 2026-01-01\n');

  it('a goal past its due date with plans open is overdue', () => {
    const goal = goalOf('due: 2027-06-30\n');
    const p = goalProgress(goal, [plan('p1', 'open'), plan('p2', 'done')], '2027-07-01');
    assert.equal(p.state, 'overdue');
    assert.equal(p.dueIn, -1);
  });

  it('due within 30 days with plans open is at risk; with none open, on track', () => {
    const goal = goalOf('due: 2027-06-30\n');
    assert.equal(goalProgress(goal, [plan('p1', 'open')], '2027-05-31').state, 'at-risk');
    assert.equal(goalProgress(goal, [plan('p1', 'open')], '2027-05-30').state, 'on-track', '31 days ahead');
    assert.equal(goalProgress(goal, [plan('p1', 'done')], '2027-06-20').state, 'on-track');
  });

  it('all plans done and a win: on track or met, as its status says', () => {
    const notes = [plan('p1', 'done'), plan('p2', 'done'), win];
    assert.equal(goalProgress(goalOf('due: 2027-06-30\nstatus: open\n'), notes, '2027-06-01').state, 'on-track');
    assert.equal(goalProgress(goalOf('due: 2027-06-30\nstatus: met\n'), notes, '2027-08-01').state, 'met', 'met stays met after its due date');
    assert.equal(goalProgress(goalOf('due: 2027-06-30\nstatus: dropped\n'), notes, '2027-08-01').state, 'dropped');
  });

  it('counts plans by status with their latest check-in, sessions held and planned, wins, notes on its topics since it began', () => {
    const goal = goalOf('due: 2027-12-31\n');
    const p = goalProgress(goal, [plan('p1', 'open', 'asvs', '- 2027-02-01: started\n- 2027-03-01: half way\n'), plan('p2', 'dropped'), plan('other', 'open', 'other'), win, held, planned, onTopic, before], '2027-06-01');
    assert.deepEqual(p.plans.open.map((x) => [x.note.title, x.latest]), [['p1', { date: '2027-03-01', text: 'half way' }]]);
    assert.deepEqual(p.plans.dropped.map((x) => x.note.title), ['p2']);
    assert.deepEqual(p.sessions.held.map((n) => n.title), ['OWASP lunch']);
    assert.deepEqual(p.sessions.planned.map((n) => n.title), ['Threat modelling workshop']);
    assert.deepEqual(p.wins.map((n) => n.title), ['Audit passed']);
    assert.equal(p.since, '2027-01-05', 'without created, from the first note serving it');
    assert.ok(p.onTopics.some((n) => n.title === 'CSRF tokens'), 'a subtopic counts');
    assert.ok(!p.onTopics.some((n) => n.title === 'Old lesson'), 'a note from before the goal does not');
    assert.equal(progressSummary(p), '0 of 2 plans done · 1 session held, 1 planned · 1 win');
  });

  it('the state is computed for the day handed in, never the calendar', () => {
    const goal = goalOf('due: 2027-06-30\n');
    assert.equal(goalState(goal, 1, '2027-01-01'), 'on-track');
    assert.equal(goalState(goal, 1, '2027-06-30'), 'at-risk', 'due today is not yet overdue');
    assert.equal(goalState(goal, 0, '2027-07-01'), 'overdue', 'past due and not met');
    assert.deepEqual(plansProgress([goal, goalOf('status: met\n')], [], '2027-07-01').map((p) => p.state), ['overdue', 'met']);
  });

  it('sessions: planned from today on, held before; soon = within 7 days', () => {
    const s = sessionsOf([held, planned, note('.learnings/notes/s3.md', 'title: Someday\nkind: session\n')], '2027-06-28');
    assert.deepEqual([s.planned.map((n) => n.title), s.held.map((n) => n.title), s.unscheduled.map((n) => n.title)], [['Threat modelling workshop'], ['OWASP lunch'], ['Someday']]);
    assert.deepEqual(sessionsSoon([held, planned], '2027-06-24').map((n) => n.title), ['Threat modelling workshop']);
    assert.deepEqual(sessionsSoon([held, planned], '2027-06-23'), []);
  });
});

describe('goals in the index', () => {
  it('loads the goals folder; check names a bad goal and a note whose goal names no goal, and every note still works', async () => {
    const fs = new MemoryFileSystem({
      '.learnings/goals/asvs.md': goalText('due: 2027-06-30\n'),
      '.learnings/goals/broken.md': goalText('due: someday\nstatus: later\n'),
      '.learnings/notes/a.md': '---\ntitle: A plan\nkind: plan\ngoal: asvs\n---\nx\n',
      '.learnings/notes/b.md': '---\ntitle: B\ngoal: no-such-goal\n---\nx\n',
    });
    const index = await new LearningsWorkspace(fs).load();
    assert.deepEqual(index.goals().map((g) => g.slug), ['asvs', 'broken']);
    assert.equal(index.size, 2);
    const lines = index.problems().map((p) => `${p.file}:${p.line}: ${p.message}`).sort();
    assert.deepEqual(lines, [
      '.learnings/goals/broken.md:4: due must be a date YYYY-MM-DD, not "someday"',
      '.learnings/goals/broken.md:5: unknown status "later" (known: open, met, dropped)',
      '.learnings/notes/b.md:3: goal "no-such-goal" names no goal (no no-such-goal.md in the goals folder); known: asvs, broken',
    ]);
    assert.deepEqual(index.query({ goal: 'asvs' }).map((n) => n.title), ['A plan']);
  });

  it('a goal added later clears the note\'s problem; derived progress is never written', async () => {
    const fs = new MemoryFileSystem({ '.learnings/notes/b.md': '---\ntitle: B\ngoal: later\n---\nx\n' });
    let writes = 0;
    const write = fs.writeFile.bind(fs);
    fs.writeFile = (...args: Parameters<typeof fs.writeFile>) => (writes++, write(...args));
    const ws = new LearningsWorkspace(fs);
    const index = await ws.load();
    assert.equal(index.problems().length, 1);
    ws.apply('.learnings/goals/later.md', goalText(''));
    assert.deepEqual(index.problems(), []);
    goalProgress(index.goals()[0], index.notes(), '2027-01-01');
    assert.equal(writes, 0);
  });
});
