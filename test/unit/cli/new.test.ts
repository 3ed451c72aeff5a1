// `learnings new` writes what New Note in the editor writes: the same core
// createNote, so a plan gets its review date, status and owner on both
// surfaces. Through the built CLI on a real git workspace, the day fixed
// with --today, the note committed as a team commits it.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { learnings, workspace } from '../../support/builtCli';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { createNote } from '../../../src/core/notes/createNote';
import { layoutFor } from '../../../src/core/layout';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Kari', GIT_AUTHOR_EMAIL: 'k@example.com', GIT_COMMITTER_NAME: 'Kari', GIT_COMMITTER_EMAIL: 'k@example.com' };

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, env: ENV, encoding: 'utf8' });
}

describe('learnings new', () => {
  let root: string;
  beforeEach(() => {
    root = workspace({ '.learnings/topics/.keep': '', 'src/x.ts': 'export const x = 1;\n' });
    git(root, 'init', '-q');
    git(root, 'config', 'user.name', 'Kari Nordmann');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'start');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('--kind plan --today writes the defaults the editor writes: review 14 days on, open, the git user as owner', async () => {
    const r = learnings(root, 'new', '--kind', 'plan', '--title', 'Practise pairing', '--topic', 'testing', '--today', '2026-12-25');
    assert.equal(r.code, 0, r.stderr);
    const rel = r.stdout.trim();
    assert.equal(rel, '.learnings/notes/2026-12-25-practise-pairing.md');
    const text = readFileSync(path.join(root, rel), 'utf8');
    assert.match(text, /^created: 2026-12-25$/m);
    assert.match(text, /^review: 2027-01-08$/m);
    assert.match(text, /^status: open$/m);
    assert.match(text, /^owner: Kari Nordmann$/m);
    // Byte for byte what the editor's New Note hands to createNote (kind, title, topics, git's author, its clock).
    const editor = await createNote(new MemoryFileSystem(), layoutFor(), { title: 'Practise pairing', kind: 'plan', topics: ['testing'], author: 'Kari Nordmann', created: '2026-12-25', anchors: [], topicsKey: 'topics' }, { allowRepoTemplates: true });
    assert.equal(text, editor.text);

    // Committed, it is a follow-up due on its review date.
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'A plan');
    const due = learnings(root, 'followups', '--json', '--today', '2027-01-08');
    assert.equal(due.code, 0, due.stderr);
    assert.deepEqual(JSON.parse(due.stdout), [{ path: rel, title: 'Practise pairing', owner: 'Kari Nordmann', review: '2027-01-08', state: 'due', dueInDays: 0 }]);
  });

  it('--today dates any note; a lesson gets no plan fields', () => {
    const r = learnings(root, 'new', '--title', 'A lesson', '--author', 'Lars', '--today', '2026-02-20');
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(path.join(root, r.stdout.trim()), 'utf8');
    assert.match(text, /^created: 2026-02-20$/m);
    assert.doesNotMatch(text, /^(review|status|owner):/m);
  });

  it('refuses a --today that is not a date, with exit 2', () => {
    const r = learnings(root, 'new', '--kind', 'plan', '--title', 'T', '--today', '2026-02-30');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--today must be a date YYYY-MM-DD, not "2026-02-30"/);
  });
});
