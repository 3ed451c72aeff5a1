// The team loop in a real VS Code: rename a topic as one undoable edit,
// endorse a note, add a check-in to a plan, and the Review view on a branch.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { api, closeAllEditors, readText, remove, root, uri, waitFor, writeText, restoresWorkspace } from './helpers';

const WEBHOOK_NOTES = () => vscode.workspace.findFiles('.learnings/notes/*.md');

function git(...args: string[]): string {
  return execFileSync('git', ['-C', root().fsPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

describe('Team loop', function () {
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  this.timeout(40_000);
  afterEach(closeAllEditors);

  it('Rename Topic rewrites every note in one undoable workspace edit', async () => {
    const { service } = await api();
    const index = await service.ready();
    const using = index.query({ topic: 'onboarding' }).map((n) => n.path);
    assert.ok(using.length >= 2, 'the demo has several onboarding notes');
    const before = new Map<string, string>();
    for (const p of using) before.set(p, await readText(p));

    const applied = await vscode.commands.executeCommand('teamLearnings.renameTopic', { from: 'onboarding', to: 'getting-started', preview: false });
    assert.equal(applied, true);
    for (const p of using) {
      const text = await readText(p);
      const expected = before.get(p)!.replace(/(topics:[^\n]*?)\bonboarding\b/, '$1getting-started');
      assert.equal(text, expected, `${p} changed only in its topic entry`);
    }
    await waitFor('the index to see the new topic', () => (index.topic('getting-started')?.slug === 'getting-started' ? true : undefined));
    assert.equal(index.topic('onboarding')?.slug, 'getting-started', 'the old name is an alias now');
    assert.equal(await readText('.learnings/topics/getting-started.md'), '---\naliases: [onboarding]\n---\n');

    // One edit: a single undo in one of the files reverts the files of the edit together.
    const doc = await vscode.workspace.openTextDocument(uri(using[0]));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor('every note to be back', async () => {
      for (const p of using) {
        const d = await vscode.workspace.openTextDocument(uri(p));
        if (d.getText() !== before.get(p)) return undefined;
      }
      return true;
    });
    for (const p of using) {
      const d = await vscode.workspace.openTextDocument(uri(p));
      if (d.isDirty) assert.equal(await d.save(), true, `${p} saved`);
      assert.equal(await readText(p), before.get(p));
    }
    assert.ok((await WEBHOOK_NOTES()).length > 0);
  });

  it('Endorse adds the ambassador to the note, which then sorts first', async () => {
    const { service } = await api();
    const index = await service.ready();
    const note = index.query({ topic: 'security' }).find((n) => n.endorsed.length === 0)!;
    const before = await readText(note.path);
    assert.equal(await vscode.commands.executeCommand('teamLearnings.endorseNote', { note: note.path, name: 'Aisha Khan' }), true);
    const after = await readText(note.path);
    assert.ok(after.includes('endorsed: [Aisha Khan]\n'), after.slice(0, 300));
    assert.equal(after.replace('endorsed: [Aisha Khan]\n', ''), before, 'only the endorsed line was added');
    await waitFor('the index to see the endorsement', () => (index.get(note.path)?.endorsed.includes('Aisha Khan') ? true : undefined));
    assert.equal(index.query({ topic: 'security' })[0].path, note.path);
  });

  it('Add Check-in appends a dated entry and moves the review date on', async () => {
    const { service } = await api();
    const index = await service.ready();
    const plan = index.query({ kind: 'plan' }).find((n) => n.status === 'open' && n.review)!;
    const before = await readText(plan.path);
    assert.equal(await vscode.commands.executeCommand('teamLearnings.addCheckIn', { note: plan.path, text: 'Indexes reviewed with the team', date: '2026-11-23', nextInDays: 14 }), true);
    const after = await readText(plan.path);
    assert.ok(after.includes('\n- 2026-11-23: Indexes reviewed with the team\n'), after);
    assert.ok(after.includes('review: 2026-12-07'));
    assert.ok(!after.includes(`review: ${plan.review}`));
    // Nothing else moved: remove the two changes and the text is what it was.
    assert.equal(after.replace('- 2026-11-23: Indexes reviewed with the team\n', '').replace('review: 2026-12-07', `review: ${plan.review}`), before);
  });

  it('Review on main: no "no base branch", the notes not yet committed', async () => {
    const { views, service } = await api();
    assert.equal(git('rev-parse', '--abbrev-ref', 'HEAD').trim(), 'main');
    const path = '.learnings/notes/2026-11-24-uncommitted-on-main.md';
    await writeText(path, '---\ntitle: Written on main, not committed\nkind: lesson\ntopics: [reliability]\ncreated: 2026-11-24\n---\nx\n');
    await service.refresh([path]);
    const result = await waitFor('Review to list the uncommitted note on main', async () => {
      const r = await views.review.compute();
      return r.added.some((n) => n.path === path) ? r : undefined;
    }, 15_000);
    assert.equal(result.branch, 'main');
    assert.equal(result.base, undefined, 'on the base branch there is nothing to compare with');
    assert.doesNotMatch(result.message ?? '', /No base branch/);
    await remove(path);
    await service.refresh([path]);
  });

  it('the Review view on a branch: its name, the notes on the changed files, the notes added (committed or not)', async () => {
    const { views, service } = await api();
    git('checkout', '-q', '-b', 'feature/retry-tuning');
    const code = await readText('src/jobs/retry.ts');
    await writeText('src/jobs/retry.ts', `${code}\n// tuned\n`);
    await writeText('.learnings/notes/2026-11-23-branch-note.md', '---\ntitle: Added on the branch\nkind: lesson\ntopics: [reliability]\ncreated: 2026-11-23\n---\nx\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'tune retries');
    const uncommitted = '.learnings/notes/2026-11-23-not-yet-committed.md';
    await writeText(uncommitted, '---\ntitle: Not yet committed\nkind: lesson\ntopics: [reliability]\ncreated: 2026-11-23\n---\nx\n');
    await service.refresh(['.learnings/notes/2026-11-23-branch-note.md', uncommitted]);
    const index = await service.ready();
    const expected = index.notesForFile('src/jobs/retry.ts').map((n) => n.title).sort();
    assert.ok(expected.length > 0, 'the demo anchors notes in retry.ts');
    const result = await waitFor(
      'the review to see the branch and the uncommitted note',
      async () => {
        views.review.refresh();
        const r = await views.review.compute();
        return r.touching.length > 0 && r.added.length >= 2 ? r : undefined;
      },
      15_000,
    );
    assert.equal(result.branch, 'feature/retry-tuning', 'the branch by name, not a hash');
    assert.equal(result.base, 'main');
    assert.match(result.message ?? '', /feature\/retry-tuning compared with main/);
    assert.deepEqual(result.touching.map((n) => n.title).sort(), expected);
    assert.deepEqual(result.added.map((n) => n.title).sort(), ['Added on the branch', 'Not yet committed']);
    const groups = await views.review.getChildren();
    assert.deepEqual(groups.map((g) => (g.type === 'group' ? g.id : '')), ['touching', 'added']);
  });

  it('the base branch can be set (teamLearnings.review.baseBranch)', async () => {
    const { views } = await api();
    git('branch', '-q', 'release', 'HEAD~1');
    const config = vscode.workspace.getConfiguration('teamLearnings');
    await config.update('review.baseBranch', 'release', vscode.ConfigurationTarget.Workspace);
    try {
      const r = await waitFor('Review to compare with release', async () => {
        const x = await views.review.compute();
        return x.base === 'release' ? x : undefined;
      });
      assert.match(r.message ?? '', /compared with release/);
    } finally {
      await config.update('review.baseBranch', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('compares with origin/HEAD first, named by the branch it points at, before a local main', async () => {
    const { views } = await api();
    // The remote's default branch is "trunk", one commit behind this branch: origin/HEAD points at it.
    git('update-ref', 'refs/remotes/origin/trunk', 'HEAD~1');
    git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    try {
      let last: unknown;
      const r = await waitFor('Review to compare with the remote default branch', async () => {
        views.review.refresh();
        const x = await views.review.compute();
        last = { base: x.base, branch: x.branch, message: x.message };
        return x.base && x.base !== 'main' ? x : undefined;
      }).catch((e: Error) => {
        throw new Error(`${e.message}; last: ${JSON.stringify(last)}`);
      });
      assert.equal(r.base, 'origin/trunk');
      assert.match(r.message ?? '', /compared with origin\/trunk/);
    } finally {
      git('symbolic-ref', '--delete', 'refs/remotes/origin/HEAD');
      git('update-ref', '-d', 'refs/remotes/origin/trunk');
    }
  });

  it('the hover shows on the older side of a diff editor too (a git: document)', async () => {
    const { service } = await api();
    const index = await service.ready();
    const note = index.notesForFile('src/payments/webhook.ts')[0];
    const anchor = note.anchors.find((a) => a.path === 'src/payments/webhook.ts')!;
    const file = uri('src/payments/webhook.ts');
    // The git extension's URI for a file at a ref: what a diff editor shows on its left.
    const old = file.with({ scheme: 'git', query: JSON.stringify({ path: file.fsPath, ref: 'HEAD' }) });
    const doc = await waitFor('the git document', () => Promise.resolve(vscode.workspace.openTextDocument(old).then((d) => (d.getText().length > 0 ? d : undefined), () => undefined)));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(anchor.lines.start - 1, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.ok(text.includes('command:teamLearnings.previewNote'), `a note hover on the git side: ${text.slice(0, 200)}`);
  });
});
