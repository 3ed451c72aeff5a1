// The dialog through the built CLI on a real git workspace, the notes and
// replies committed as a team commits them: reply, show, list --json, check.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { learnings, runCli, workspace } from '../../support/builtCli';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Kari Nordmann', GIT_AUTHOR_EMAIL: 'kari@example.com', GIT_COMMITTER_NAME: 'Kari Nordmann', GIT_COMMITTER_EMAIL: 'kari@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' };
const NOTE = '.learnings/notes/2026-11-23-retry-webhooks.md';
const DIR = '.learnings/replies/2026-11-23-retry-webhooks';
const NOTE_TEXT = '---\ntitle: Retry webhooks idempotently\nkind: lesson\ntopics: [payments]\nauthor: Kari Nordmann\ncreated: 2026-11-23\n---\n\nThe provider retries for 72 hours.\n';

describe('learnings reply, and the thread in show, list, check (built CLI, git)', () => {
  let root: string;
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { env: ENV, encoding: 'utf8' });
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  beforeEach(() => {
    root = workspace({ [NOTE]: NOTE_TEXT }, 'learnings-reply-');
    git('init', '-q', '-b', 'main');
    commit('A lesson');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes one new file per reply; two the same day by the same person sit side by side', () => {
    const first = learnings(root, 'reply', NOTE, '--body', 'Does this still hold after the v2 client?', '--author', 'Ana Berg', '--today', '2026-12-01');
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout.trim(), `${DIR}/2026-12-01-ana-berg.md`);
    commit('A question');
    const second = runCli(root, ['reply', '2026-11-23-retry-webhooks', '--body', '-', '--author', 'Ana Berg', '--today', '2026-12-01'], 'It does: the key is ours.\n');
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout.trim(), `${DIR}/2026-12-01-ana-berg-2.md`);
    assert.equal(readFileSync(path.join(root, first.stdout.trim()), 'utf8'), '---\nauthor: Ana Berg\ncreated: 2026-12-01\n---\n\nDoes this still hold after the v2 client?\n');
    assert.equal(readFileSync(path.join(root, second.stdout.trim()), 'utf8'), '---\nauthor: Ana Berg\ncreated: 2026-12-01\n---\n\nIt does: the key is ours.\n');
    // Nothing else changed: one new file, the first reply and the note as committed.
    assert.equal(git('status', '--porcelain', '--untracked-files=all'), `?? ${DIR}/2026-12-01-ana-berg-2.md\n`);
  });

  it('--resolve and --reopen add a reply that says so, and change no other byte; list --json gives the count and state', () => {
    const state = () => JSON.parse(learnings(root, 'list', '--json').stdout)[0];
    assert.deepEqual([state().replies, state().thread], [0, 'none']);
    learnings(root, 'reply', NOTE, '--body', 'Still true after v2?', '--author', 'Ana Berg', '--today', '2026-12-01');
    commit('Q');
    assert.deepEqual([state().replies, state().thread], [1, 'open']);
    const resolved = learnings(root, 'reply', NOTE, '--body', 'Fixed in #812, resolving.', '--resolve', '--author', 'Kari Nordmann', '--today', '2026-12-02');
    assert.equal(resolved.code, 0, resolved.stderr);
    assert.equal(git('status', '--porcelain', '--untracked-files=all'), `?? ${DIR}/2026-12-02-kari-nordmann.md\n`);
    assert.match(readFileSync(path.join(root, resolved.stdout.trim()), 'utf8'), /^---\nauthor: Kari Nordmann\ncreated: 2026-12-02\nresolved: true\n---\n/);
    commit('Resolved');
    assert.deepEqual([state().replies, state().thread], [2, 'resolved']);
    const reopened = learnings(root, 'reply', NOTE, '--body', 'Not in refunds.', '--reopen', '--author', 'Bo Lind', '--today', '2026-12-03');
    assert.equal(git('status', '--porcelain', '--untracked-files=all'), `?? ${DIR}/2026-12-03-bo-lind.md\n`);
    assert.match(readFileSync(path.join(root, reopened.stdout.trim()), 'utf8'), /\nresolved: false\n/);
    assert.deepEqual([state().replies, state().thread], [3, 'open']);
    assert.equal(learnings(root, 'reply', NOTE, '--body', 'x', '--resolve', '--reopen', '--author', 'A').code, 2);
  });

  it('exits 2 for a note that does not exist, and writes nothing', () => {
    const r = learnings(root, 'reply', 'no-such-note', '--body', 'Hello?', '--author', 'Ana');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no note matches "no-such-note"/);
    assert.equal(git('status', '--porcelain', '--untracked-files=all'), '');
  });

  it('show prints the thread under the note: who, when, resolved, the text', () => {
    learnings(root, 'reply', NOTE, '--body', 'Does this still hold?', '--author', 'Ana Berg', '--today', '2026-12-01');
    learnings(root, 'reply', NOTE, '--body', 'Yes: fixed in #812.', '--resolve', '--author', 'Kari Nordmann', '--today', '2026-12-02');
    commit('Thread');
    const r = learnings(root, 'show', NOTE);
    assert.equal(r.code, 0, r.stderr);
    const tail = r.stdout.slice(r.stdout.indexOf('The provider retries'));
    assert.equal(
      tail,
      [
        'The provider retries for 72 hours.',
        '',
        'Replies (2, resolved; Kari Nordmann, Ana Berg; last 2026-12-02)',
        '',
        '  Ana Berg · 2026-12-01',
        '    Does this still hold?',
        '',
        '  Kari Nordmann · 2026-12-02 · resolved',
        '    Yes: fixed in #812.',
        '',
        NOTE,
        '',
      ].join('\n'),
    );
    const json = JSON.parse(learnings(root, 'show', NOTE, '--json').stdout);
    assert.equal(json.thread.state, 'resolved');
    assert.deepEqual(json.thread.replies.map((x: { author: string }) => x.author), ['Ana Berg', 'Kari Nordmann']);
  });

  it('check names a broken reply (exit 1) and warns about a reply to a missing note, naming both', () => {
    writeFileSync(path.join(root, '.learnings/notes/x.md'), '---\ntitle: X\n---\n');
    learnings(root, 'reply', NOTE, '--body', 'Fine.', '--author', 'Ana', '--today', '2026-12-01');
    assert.equal(learnings(root, 'check').code, 0);
    const bad = `${DIR}/2026-12-02-bo.md`;
    writeFileSync(path.join(root, bad), '---\nauthor: Bo\ncreated: 2026-12-02\nresolved: yes please\n---\nDone.\n');
    execFileSync('mkdir', ['-p', path.join(root, '.learnings/replies/2026-01-01-gone')]);
    writeFileSync(path.join(root, '.learnings/replies/2026-01-01-gone/2026-12-01-ana.md'), '---\nauthor: Ana\ncreated: 2026-12-01\n---\nHello?\n');
    commit('Broken reply');
    const r = learnings(root, 'check');
    assert.equal(r.code, 1);
    const all = r.stdout + r.stderr;
    assert.ok(all.includes(`${bad}:4: error: resolved must be true or false, not "yes please"`), all);
    assert.ok(all.includes('.learnings/replies/2026-01-01-gone/2026-12-01-ana.md: warning: reply to .learnings/notes/2026-01-01-gone.md, which does not exist'), all);
    // Named on the command line (a pre-commit hook passes the staged files): checked alone.
    const one = learnings(root, 'check', path.join(root, bad));
    assert.equal(one.code, 1);
    assert.ok((one.stdout + one.stderr).includes(bad));
    assert.ok(!(one.stdout + one.stderr).includes('2026-01-01-gone'));
    // The good note and its good reply are still there.
    assert.equal(JSON.parse(learnings(root, 'list', '--json').stdout).find((n: { path: string }) => n.path === NOTE).replies, 2);
  });

  it('digest lists the open questions and counts the replies of the period', () => {
    learnings(root, 'reply', NOTE, '--body', 'Still true after v2?', '--author', 'Ana Berg', '--today', '2026-12-01');
    commit('Q');
    const r = learnings(root, 'digest', '--since', '2026-11-20', '--until', '2026-12-03', '--today', '2026-12-03');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## Open questions\n\n- \[\*\*Retry webhooks idempotently\*\*\]\(<\.learnings\/notes\/2026-11-23-retry-webhooks\.md>\): 1 reply from Ana Berg, last 2026-12-01\n\n1 reply in this period\.$/m);
    assert.match(r.stdout, /Kari Nordmann \(1\), Ana Berg \(0 notes, 1 reply\)|Ana Berg \(0 notes, 1 reply\), Kari Nordmann \(1\)/);
    learnings(root, 'reply', NOTE, '--body', 'Yes.', '--resolve', '--author', 'Kari Nordmann', '--today', '2026-12-02');
    assert.ok(!learnings(root, 'digest', '--since', '2026-12-03', '--until', '2026-12-03', '--today', '2026-12-03').stdout.includes('## Open questions'));
  });
});
