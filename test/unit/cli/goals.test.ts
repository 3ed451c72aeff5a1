// The learning plan through the built CLI on a real git workspace, notes
// committed as a team commits them: goals with their states on an injected
// day, sessions as text, JSON and an iCalendar file, new --goal and
// --kind session, list --goal, and check naming bad goals.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { learnings, workspace } from '../../support/builtCli';

const goal = (title: string, fields: string) => `---\ntitle: ${title}\ntopics: [security]\n${fields}---\nWhy it matters.\n`;
const plan = (title: string, goalSlug: string, status: string) =>
  `---\ntitle: ${title}\nkind: plan\ntopics: [security]\ncreated: 2027-01-10\nstatus: ${status}\ngoal: ${goalSlug}\n---\n## Goal\n\nx\n\n## Check-ins\n\n- 2027-02-01: started\n`;

function files(): Record<string, string> {
  return {
    '.learnings/goals/asvs.md': goal('ASVS level 2', 'due: 2027-06-30\nowner: Aisha Khan\n'),
    '.learnings/goals/tests.md': goal('Tests we trust', 'due: 2027-12-31\n'),
    '.learnings/goals/observability.md': goal('Observability', 'due: 2027-12-31\nstatus: met\n'),
    '.learnings/notes/2027-01-10-asvs-plan.md': plan('Plan for session handling', 'asvs', 'open'),
    '.learnings/notes/2027-01-11-tests-plan.md': plan('Plan for flaky tests', 'tests', 'done'),
    '.learnings/notes/2027-01-12-tests-plan-2.md': plan('Plan for mutation testing', 'tests', 'done'),
    '.learnings/notes/2027-03-01-tests-win.md': '---\ntitle: Zero flaky tests for a month\nkind: win\ngoal: tests\ncreated: 2027-03-01\n---\nYes.\n',
    '.learnings/notes/2027-01-13-obs-plan.md': plan('Plan for tracing', 'observability', 'done'),
    '.learnings/notes/2027-03-02-obs-win.md': '---\ntitle: Traces in every service\nkind: win\ngoal: observability\ncreated: 2027-03-02\n---\nYes.\n',
    '.learnings/notes/2027-01-20-lunch.md':
      '---\ntitle: OWASP lunch, part 1; the basics\nkind: session\ndate: 2027-02-03\nhost: Aisha Khan\ngoal: asvs\ncreated: 2027-01-20\n---\n## Agenda\n\nSessions, cookies and tokens.\n',
    '.learnings/notes/2027-01-21-workshop.md': '---\ntitle: Threat modelling workshop\nkind: session\ndate: 2027-07-14\ngoal: asvs\ncreated: 2027-01-21\n---\n## Agenda\n\nSTRIDE on our own checkout.\n',
  };
}

function gitWorkspace(extra: Record<string, string> = {}): string {
  const root = workspace({ ...files(), ...extra }, 'learnings-goals-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('-c', 'user.name=Kari', '-c', 'user.email=kari@example.com', 'add', '-A');
  git('-c', 'user.name=Kari', '-c', 'user.email=kari@example.com', 'commit', '-qm', 'our learning plan');
  return root;
}

type GoalJson = { slug: string; state: string; plans: { open: unknown[]; done: unknown[] }; wins: unknown[]; sessions: { held: Array<{ title: string }>; planned: Array<{ title: string }> } };

describe('learnings goals and sessions (built CLI, #16)', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('goals --json: past due with open plans is overdue; all plans done and a win is on track or met, as its status says', () => {
    root = gitWorkspace();
    const r = learnings(root, 'goals', '--json', '--today', '2027-07-01');
    assert.equal(r.code, 0, r.stderr);
    const goals = JSON.parse(r.stdout) as GoalJson[];
    const by = Object.fromEntries(goals.map((g) => [g.slug, g]));
    assert.equal(by.asvs.state, 'overdue');
    assert.equal(by.asvs.plans.open.length, 1);
    assert.deepEqual(by.asvs.sessions.held.map((s) => s.title), ['OWASP lunch, part 1; the basics']);
    assert.deepEqual(by.asvs.sessions.planned.map((s) => s.title), ['Threat modelling workshop']);
    assert.equal(by.tests.state, 'on-track');
    assert.deepEqual([by.tests.plans.open.length, by.tests.plans.done.length, by.tests.wins.length], [0, 2, 1]);
    assert.equal(by.observability.state, 'met');
    assert.deepEqual(goals.map((g) => g.slug), ['asvs', 'tests', 'observability'], 'the ones needing attention first');
    assert.equal(JSON.parse(learnings(root, 'goals', '--json', '--today', '2027-06-10').stdout)[0].state, 'at-risk', 'due in 20 days with a plan open');
    assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }), '', 'nothing derived is written');
  });

  it('goals as text: state, progress, open plans with their latest check-in, the next session', () => {
    root = gitWorkspace();
    const r = learnings(root, 'goals', '--today', '2027-06-10');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^at risk {4}ASVS level 2 {2}\(due 2027-06-30, Aisha Khan\)$/m);
    assert.match(r.stdout, /0 of 1 plan done · 1 session held, 1 planned · 0 wins/);
    assert.match(r.stdout, /open plan: Plan for session handling \(last check-in 2027-02-01: started\)/);
    assert.match(r.stdout, /next session: 2027-07-14 Threat modelling workshop/);
  });

  it('sessions: planned and held for the day; --ics is an RFC 5545 file with CRLF and all-day events', () => {
    root = gitWorkspace();
    const list = JSON.parse(learnings(root, 'sessions', '--json', '--today', '2027-03-01').stdout) as Array<{ title: string; state: string }>;
    assert.deepEqual(list.map((s) => [s.title, s.state]), [['Threat modelling workshop', 'planned'], ['OWASP lunch, part 1; the basics', 'held']]);
    const r = learnings(root, 'sessions', '--ics', '--today', '2027-03-01');
    assert.equal(r.code, 0, r.stderr);
    const ics = r.stdout;
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.equal(ics.replace(/\r\n/g, '').includes('\n'), false, 'CRLF only');
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    const unfolded = ics.replace(/\r\n /g, '');
    assert.match(unfolded, /\r\nUID:2027-01-20-lunch@team-learnings\r\nDTSTAMP:20270301T000000Z\r\nDTSTART;VALUE=DATE:20270203\r\nDTEND;VALUE=DATE:20270204\r\nSUMMARY:OWASP lunch\\, part 1\\; the basics\r\nDESCRIPTION:Host: Aisha Khan\\nSessions\\, cookies and tokens.\r\n/);
    assert.equal(learnings(root, 'sessions', '--json', '--ics').code, 2);
  });

  it('new --kind session --date and new --goal write the fields; list --goal lists what serves a goal', () => {
    root = gitWorkspace();
    const s = learnings(root, 'new', '--kind', 'session', '--title', 'Lunch talk: CSP', '--date', '2027-09-01', '--host', 'Ola', '--goal', 'asvs', '--author', 'Kari');
    assert.equal(s.code, 0, s.stderr);
    const text = readFileSync(path.join(root, s.stdout.trim()), 'utf8');
    assert.match(text, /^kind: session$/m);
    assert.match(text, /^date: 2027-09-01$/m);
    assert.match(text, /^host: Ola$/m);
    assert.match(text, /^goal: asvs$/m);
    assert.match(text, /## Agenda\n\n## Material\n\n## What we took away\n/);
    const list = JSON.parse(learnings(root, 'list', '--goal', 'asvs', '--json').stdout) as Array<{ title: string }>;
    assert.deepEqual(list.map((n) => n.title).sort(), ['Lunch talk: CSP', 'OWASP lunch, part 1; the basics', 'Plan for session handling', 'Threat modelling workshop']);
    const bad = learnings(root, 'new', '--title', 'X', '--goal', 'nope');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no goal "nope" \(no \.learnings\/goals\/nope\.md\); known: asvs, observability, tests/);
    assert.equal(learnings(root, 'new', '--title', 'X', '--date', '2027-01-01').code, 2, '--date is for sessions');
    assert.equal(learnings(root, 'new', '--kind', 'session', '--title', 'X', '--date', '1 May').code, 2);
    assert.equal(learnings(root, 'check').code, 0, learnings(root, 'check').stdout);
  });

  it('check names a bad goal and a note whose goal names no goal, one line each, and still lists every note', () => {
    root = gitWorkspace({
      '.learnings/goals/broken.md': goal('Broken', 'due: next spring\nstatus: maybe\n'),
      '.learnings/notes/2027-01-30-stray.md': '---\ntitle: Stray\ngoal: asvs-level-3\ncreated: 2027-01-30\n---\nx\n',
    });
    const r = learnings(root, 'check');
    assert.equal(r.code, 1);
    const out = r.stdout + r.stderr;
    assert.match(out, /\.learnings\/goals\/broken\.md:4: error: due must be a date YYYY-MM-DD, not "next spring"/);
    assert.match(out, /\.learnings\/goals\/broken\.md:5: error: unknown status "maybe" \(known: open, met, dropped\)/);
    assert.match(out, /\.learnings\/notes\/2027-01-30-stray\.md:3: error: goal "asvs-level-3" names no goal/);
    assert.equal(JSON.parse(learnings(root, 'list', '--json').stdout).length, 9, 'every note still listed');
    writeFileSync(path.join(root, '.learnings/goals/asvs-level-3.md'), goal('Level 3', ''));
    assert.doesNotMatch(learnings(root, 'check').stdout, /stray/);
  });

  it('help lists goals and sessions', () => {
    root = gitWorkspace();
    assert.match(learnings(root, '--help').stdout, /goals \[--json\][\s\S]*sessions \[--json \| --ics\]/);
    assert.match(learnings(root, 'sessions', '--help').stdout, /RFC 5545/);
  });
});
