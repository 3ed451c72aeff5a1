// What a command's argument names, read in one place (src/extension/commandArgs.ts):
// every shape a command receives (palette, tree nodes, links, tests and
// other extensions) against the same functions, the active editor when none.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { anchorOf, anchorOrFirstOf, noteOf, noteOrActive, topicOf, type CommandFolder } from '../../src/extension/commandArgs';
import { api, closeAllEditors, restoresWorkspace, uri } from './helpers';

describe('Command arguments', function () {
  restoresWorkspace();
  this.timeout(30_000);
  let folder: CommandFolder;
  let notePath: string;
  before(async () => {
    const { service } = await api();
    folder = service;
    notePath = (await service.ready()).notes()[0].path;
  });
  after(closeAllEditors);

  it('a note: a path, a Uri, a tree node, a link, a This File row, a TreeItem', () => {
    const p = notePath;
    assert.equal(noteOf(p, folder), p);
    assert.equal(noteOf(uri(p), folder), p);
    assert.equal(noteOf({ type: 'note', note: { path: p } }, folder), p);
    assert.equal(noteOf({ note: p, anchor: 0 }, folder), p);
    assert.equal(noteOf({ live: { note: { path: p }, anchorIndex: 1 } }, folder), p);
    assert.equal(noteOf({ notePath: p }, folder), p);
    assert.equal(noteOf({ path: p }, folder), p);
    assert.equal(noteOf({ resourceUri: uri(p) }, folder), p);
    for (const none of [undefined, null, 3, {}, { note: null }, { note: 5 }]) assert.equal(noteOf(none, folder), undefined, JSON.stringify(none));
    // A Uri outside the folder names no note (not the active editor's).
    assert.equal(noteOrActive(vscode.Uri.file('/elsewhere/x.md'), folder), undefined);
  });

  it('nothing, or what names no note: the active editor\'s note', async () => {
    await vscode.window.showTextDocument(uri(notePath));
    assert.equal(noteOrActive(undefined, folder), notePath);
    assert.equal(noteOrActive({ unrelated: true }, folder), notePath);
    assert.deepEqual(anchorOf({ anchor: 2 }, folder), { note: notePath, anchor: 2 });
    assert.deepEqual(anchorOrFirstOf(undefined, folder), { note: notePath, anchor: 0 });
    await closeAllEditors();
    assert.equal(noteOrActive(undefined, folder), undefined);
    assert.equal(anchorOf({ anchor: 2 }, folder), undefined);
  });

  it('an anchor: {note, anchor} (a link, an attention row) or a This File row; the first when only a note is named', () => {
    const p = notePath;
    assert.deepEqual(anchorOf({ note: p, anchor: 1, path: 'src/elsewhere.ts', lines: '3-4' }, folder), { note: p, anchor: 1 });
    assert.deepEqual(anchorOf({ live: { note: { path: p }, anchorIndex: 2 } }, folder), { note: p, anchor: 2 });
    assert.equal(anchorOf({ note: p }, folder), undefined);
    assert.equal(anchorOf(p, folder), undefined);
    assert.deepEqual(anchorOrFirstOf({ note: p }, folder), { note: p, anchor: 0 });
    assert.deepEqual(anchorOrFirstOf(p, folder), { note: p, anchor: 0 });
    assert.deepEqual(anchorOrFirstOf({ note: p, anchor: 3 }, folder), { note: p, anchor: 3 });
  });

  it('a topic: its slug or a Topics node', () => {
    assert.equal(topicOf('payments/webhooks'), 'payments/webhooks');
    assert.equal(topicOf({ type: 'topic', topic: { slug: 'database' } }), 'database');
    for (const none of [undefined, null, 3, {}, { topic: {} }, { topic: { slug: 7 } }]) assert.equal(topicOf(none), undefined, JSON.stringify(none));
  });
});
