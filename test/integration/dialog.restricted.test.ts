// The dialog in Restricted Mode, run by the restricted pass: the comment
// threads at the anchors show the note and its replies; writing a reply uses
// teamLearnings.authorName and never asks git (which knows another name).

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { api, readText, remove, root, uri, waitFor } from './helpers';

const SQL = 'src/db/migrations/2026-03-add-idempotency-keys.sql';
const REPLIES = '.learnings/replies/2026-07-23-set-lock-timeout-in-every-migration';

describe('Restricted Mode: the dialog', function () {
  this.timeout(60_000);
  let written: string | undefined;
  const config = () => vscode.workspace.getConfiguration('teamLearnings', root());

  before(() => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner opened the folder in Restricted Mode');
    execFileSync('git', ['-C', root().fsPath, 'config', 'user.name', 'Repo Configured Name']);
  });

  after(async () => {
    await config().update('authorName', undefined, vscode.ConfigurationTarget.Workspace);
    if (written) await remove(written);
  });

  it('shows the thread at the anchor (the note, then its replies) and writes a reply under the set name, not git\'s', async () => {
    const ext = await api();
    const doc = await vscode.workspace.openTextDocument(uri(SQL));
    await vscode.window.showTextDocument(doc);
    const thread = await waitFor('a comment thread with the note and its two replies', async () => {
      await ext.dialog.settled();
      return ext.dialog.threadsOf(doc.uri).find((t) => t.comments.length === 3);
    }, 20_000);
    assert.deepEqual(thread.comments.map((c) => c.author.name), ['Mette Jensen', 'Priya Raman', 'Aisha Khan']);
    assert.equal(thread.range.start.line, 6, 'the thread sits at the anchored lines 7-10');
    const body = thread.comments[1].body as vscode.MarkdownString;
    assert.ok(!body.isTrusted, 'a reply is untrusted markdown');

    await config().update('authorName', 'Restricted Writer', vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('teamLearnings.dialog.reply', { thread, text: 'Written in Restricted Mode.' });
    const index = await ext.service.ready();
    written = await waitFor('the reply file', () => index.replies().find((r) => r.path.startsWith(`${REPLIES}/`) && r.author === 'Restricted Writer')?.path, 15_000);
    assert.match(written, /-restricted-writer\.md$/);
    assert.match(await readText(written), /^---\nauthor: Restricted Writer\ncreated: \d{4}-\d\d-\d\d\n---\n\nWritten in Restricted Mode\.\n$/);
    assert.ok(!index.replies().some((r) => r.author === 'Repo Configured Name'), 'git was not asked for a name');
  });
});
