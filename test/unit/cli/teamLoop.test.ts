// The team loop through the built CLI: topics rename and merge with a
// byte-for-byte check, follow-ups on a given day, the digest for a date
// range and for a git ref, and stats.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { learnings, workspace } from '../../support/builtCli';

// Comments, odd quoting, key order and CRLF: everything but the topic entries must survive.
const COMMENTED = `---
# Written by hand, please keep this comment
kind: lesson   # the kind first, on purpose
title: "Hooks: retry them"
topics:
  - 'payments/webhooks'   # the main one
  - reliability
created: 2026-11-02
author: Kari
---
Body mentions payments/webhooks, which must stay.
`;
const CRLF = '---\r\ntitle: CRLF note\r\ntopics: [payments/webhooks/retries, "security"]\r\ncreated: 2026-11-03\r\n---\r\nBody\r\n';
const FLOW = '---\ntitle: Flow\ntopics: [ reliability ,payments/webhooks ]\ncreated: 2026-10-01\n---\nx\n';
const OTHER = '---\ntitle: Untouched\ntopics: [database]\ncreated: 2026-10-02\n---\nnot about webhooks\n';

function files() {
  return {
    '.learnings/notes/a.md': COMMENTED,
    '.learnings/notes/b.md': CRLF,
    '.learnings/notes/c.md': FLOW,
    '.learnings/notes/d.md': OTHER,
    '.learnings/topics/payments/webhooks.md': '---\ntitle: Webhooks\nambassadors: [Kari]\naliases: [hooks]\n---\nCallbacks.\n',
  };
}

describe('learnings topics rename / merge (built CLI)', () => {
  let root: string;
  const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
  beforeEach(() => (root = workspace(files())));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('rename changes only the topic entries, byte for byte, and keeps the old name as an alias', () => {
    const r = learnings(root, 'topics', 'rename', 'payments/webhooks', 'payments/callbacks');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(read('.learnings/notes/a.md'), COMMENTED.replace("- 'payments/webhooks'", "- 'payments/callbacks'"));
    assert.equal(read('.learnings/notes/b.md'), CRLF.replace('payments/webhooks/retries', 'payments/callbacks/retries'));
    assert.equal(read('.learnings/notes/c.md'), FLOW.replace(',payments/webhooks ]', ',payments/callbacks ]'));
    assert.equal(read('.learnings/notes/d.md'), OTHER);
    assert.ok(!existsSync(path.join(root, '.learnings/topics/payments/webhooks.md')), 'the page moved');
    assert.equal(read('.learnings/topics/payments/callbacks.md'), '---\ntitle: Webhooks\nambassadors: [Kari]\naliases: [hooks, payments/webhooks]\n---\nCallbacks.\n');
    const list = JSON.parse(learnings(root, 'list', '--topic', 'payments/webhooks', '--json').stdout);
    assert.deepEqual(list.map((n: { title: string }) => n.title).sort(), ['CRLF note', 'Flow', 'Hooks: retry them'], 'the old name still finds the notes');
  });

  it('merge moves the notes and makes FROM an alias of INTO', () => {
    const r = learnings(root, 'topics', 'merge', 'reliability', 'payments/webhooks');
    assert.equal(r.code, 0, r.stderr);
    // a.md had both: the reliability entry goes, its line and comment with it.
    assert.equal(read('.learnings/notes/a.md'), COMMENTED.replace('  - reliability\n', ''));
    assert.equal(read('.learnings/notes/c.md'), FLOW.replace(' reliability ,', ' '));
    assert.equal(read('.learnings/topics/payments/webhooks.md'), '---\ntitle: Webhooks\nambassadors: [Kari]\naliases: [hooks, reliability]\n---\nCallbacks.\n');
    const topics = JSON.parse(learnings(root, 'topics', '--json').stdout).map((t: { slug: string }) => t.slug);
    assert.ok(!topics.includes('reliability'));
  });

  it('refuses bad requests with one line and changes nothing', () => {
    for (const args of [['rename', 'nope', 'x'], ['rename', 'reliability', 'database'], ['merge', 'reliability', 'nowhere'], ['rename', 'reliability', 'Bad Slug']]) {
      const r = learnings(root, 'topics', ...args);
      // How the command was called is wrong: a usage error, its one line and the pointer to --help.
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.deepEqual(r.stderr.trim().split('\n').slice(1), ['Run "learnings --help" for usage.']);
    }
    assert.equal(learnings(root, 'topics', 'rename', 'only-one').code, 2);
    for (const [rel, text] of Object.entries(files())) assert.equal(read(rel), text);
  });
});

const PLAN = (title: string, review: string, status = 'open') =>
  `---\ntitle: ${title}\nkind: plan\ntopics: [team-practices]\nauthor: Lars\ncreated: 2026-10-01\nreview: ${review}\nstatus: ${status}\nowner: Lars\n---\n## Goal\n\nX\n\n## Check-ins\n\n- 2026-11-05: halfway there\n`;

describe('learnings followups, digest and stats (built CLI)', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('followups lists the plans due on a given day, overdue first', () => {
    root = workspace({
      '.learnings/notes/p1.md': PLAN('Overdue plan', '2026-11-10'),
      '.learnings/notes/p2.md': PLAN('Due soon', '2026-11-25'),
      '.learnings/notes/p3.md': PLAN('Later', '2026-12-20'),
      '.learnings/notes/p4.md': PLAN('Finished', '2026-11-01', 'done'),
    });
    const json = JSON.parse(learnings(root, 'followups', '--json', '--today', '2026-11-23').stdout);
    assert.deepEqual(json.map((f: { title: string; state: string; dueInDays: number }) => [f.title, f.state, f.dueInDays]), [
      ['Overdue plan', 'overdue', -13],
      ['Due soon', 'due', 2],
    ]);
    const all = JSON.parse(learnings(root, 'followups', '--json', '--all', '--today', '2026-11-23').stdout);
    assert.equal(all.length, 3);
    assert.match(learnings(root, 'followups', '--today', '2026-11-23').stdout, /overdue by 13 days {2}Overdue plan/);
  });

  it('digest for a date range: new notes by topic, wins, plans, check-ins, contributors; html escaped', () => {
    root = workspace({
      '.learnings/notes/old.md': '---\ntitle: Old news\ntopics: [database]\nauthor: Ann\ncreated: 2026-09-01\n---\nOld.\n',
      '.learnings/notes/new.md': '---\ntitle: Pool <script>alert(1)</script>\ntopics: [database]\nauthor: Ben\ncreated: 2026-11-10\n---\n## What happened\n\nThe pool ran dry at <b onmouseover=x>noon</b>. [x](javascript:alert(1))\n',
      '.learnings/notes/win.md': '---\ntitle: Shipped it\nkind: win\ntopics: [team-practices]\nauthor: Cy\ncreated: 2026-11-12\n---\n## The result\n\nZero incidents.\n',
      '.learnings/notes/plan.md': PLAN('Course plan', '2026-11-20'),
    });
    const r = learnings(root, 'digest', '--since', '2026-11-01', '--until', '2026-11-23', '--today', '2026-11-23');
    assert.equal(r.code, 0, r.stderr);
    const md = r.stdout;
    assert.match(md, /^# Team learnings, 2026-11-01 to 2026-11-23$/m);
    assert.match(md, /^2 new notes from 2 people, 1 win, 1 plan due for a check-in\.$/m);
    assert.match(md, /^### database$/m);
    assert.ok(!md.includes('Old news'));
    assert.match(md, /^## Wins to celebrate\n\n- \[\*\*Shipped it\*\*\]\(<\.learnings\/notes\/win\.md>\) \(win, Cy, 2026-11-12\): Zero incidents\.$/m);
    assert.ok(!/^### team-practices$/m.test(md), 'a win is listed under Wins only, not under its topic too');
    assert.match(md, /^- Due: \*\*Course plan\*\* \(overdue by 3 days, owner Lars\)$/m);
    assert.match(md, /^- \[\*\*Course plan\*\*\]\(<\.learnings\/notes\/plan\.md>\)\n {2}- 2026-11-05: halfway there$/m);
    assert.match(md, /^Ben \(1\), Cy \(1\)\. Thank you!$/m);

    const html = learnings(root, 'digest', '--since', '2026-11-01', '--format', 'html', '--today', '2026-11-23').stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes('Pool &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/\son\w+=/i.test(html.replace(/&lt;[^&]*&gt;/g, '')), 'no event attribute');
    assert.ok(!/href=["']?javascript:/i.test(html), 'no javascript: link');
    assert.ok(!/(src|href)=["']?https?:/i.test(html), 'nothing remote');
  });

  it('digest for a git ref lists the notes added since it', function () {
    root = workspace({ '.learnings/notes/before.md': '---\ntitle: Before the release\ncreated: 2026-11-20\nauthor: Ann\n---\nx\n' });
    // The release is committed on a fixed day, before the --today the digest is given: nothing here reads the calendar.
    const date = '2026-11-21T12:00:00Z';
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'release');
    git('tag', 'v1.0');
    writeFileSync(path.join(root, '.learnings/notes/after.md'), '---\ntitle: After the release\ncreated: 2026-11-01\nauthor: Ben\n---\nx\n');
    const r = learnings(root, 'digest', '--since', 'v1.0', '--today', '2026-11-23');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes('After the release'), 'added since the tag, though created earlier');
    assert.ok(!r.stdout.includes('Before the release'));
    assert.equal(learnings(root, 'digest', '--since', 'no-such-ref', '--today', '2026-11-23').code, 2);
  });

  it('stats --json gives the indicators', () => {
    root = workspace({
      '.learnings/notes/a.md': '---\ntitle: A\ntopics: [payments/webhooks]\nauthor: Ann\ncreated: 2026-11-02\n---\nx\n',
      '.learnings/notes/b.md': '---\ntitle: B\ntopics: [payments]\nauthor: Ann\ncreated: 2026-10-02\n---\nx\n',
      '.learnings/notes/p.md': PLAN('Plan', '2026-11-01'),
    });
    const s = JSON.parse(learnings(root, 'stats', '--json', '--today', '2026-11-23').stdout);
    assert.equal(s.notes, 3);
    assert.deepEqual(s.perMonth.map((m: { month: string; total: number }) => [m.month, m.total]), [
      ['2026-06', 0],
      ['2026-07', 0],
      ['2026-08', 0],
      ['2026-09', 0],
      ['2026-10', 2],
      ['2026-11', 1],
    ]);
    assert.deepEqual(s.perMonth[5].byTopic, { payments: 1 });
    assert.deepEqual(s.plans, { open: 1, due: 0, overdue: 1, done: 0, dropped: 0 });
    assert.deepEqual(s.contributorsThisMonth, [{ name: 'Ann', notes: 1 }]);
  });
});
