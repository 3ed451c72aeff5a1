// Nothing lost (issue #7), in a real VS Code: when a note changes on disk
// between the extension's read and its write, the write is refused with a
// message and the other writer's bytes stay; an open note is edited through
// its document, the user's unsaved typing kept; a new note never replaces a file.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, fixesToday, readText, remove, root, uri, waitFor, writeText, restoresWorkspace } from './helpers';
import type { FileSystem } from '../../src/core/fileSystem';

/**
 * Makes another writer save `theirs` to `target` right after the extension's
 * first read of it: the moment between read and write that the guard is for.
 * Returns how many times the extension read the file, and a restore function.
 */
function otherWriterAfterFirstRead(fsys: FileSystem, target: string, theirs: Uint8Array): { reads: () => number; restore: () => void } {
  const original = fsys.readFile.bind(fsys);
  let reads = 0;
  fsys.readFile = async (p: string) => {
    const bytes = await original(p);
    if (p === target && ++reads === 1) fs.writeFileSync(path.join(root().fsPath, ...target.split('/')), theirs);
    return bytes;
  };
  return { reads: () => reads, restore: () => void (fsys.readFile = original) };
}

/** A demo note, not one another suite just created and is about to remove. */
function onDisk(p: string): boolean {
  return fs.existsSync(uri(p).fsPath) && /^\.learnings\/notes\/2026-(0[6-9]|1[01])-/.test(p);
}

/** A demo note no document holds: the extension edits an open one through its document, a closed one on disk. */
function closed(p: string): boolean {
  return onDisk(p) && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri(p).toString());
}

/** Captures the error messages the extension shows, without showing them. */
function captureErrors(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = vscode.window.showErrorMessage;
  (vscode.window as { showErrorMessage: unknown }).showErrorMessage = async (message: string) => {
    messages.push(message);
    return undefined;
  };
  return { messages, restore: () => void ((vscode.window as { showErrorMessage: unknown }).showErrorMessage = original) };
}

/** The day a new note is created on (the services' clock, not the calendar): its file name starts with it. */
const TODAY = '2026-11-23';

describe('Nothing lost: a note changed on disk between read and write', function () {
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  fixesToday(TODAY);
  this.timeout(40_000);
  const restoreText = new Map<string, string>();

  beforeEach(closeAllEditors);
  afterEach(async () => {
    await closeAllEditors();
    for (const [p, text] of restoreText) await writeText(p, text);
    restoreText.clear();
    await (await api()).service.settled();
  });

  it('Endorse refuses to write, says so, and the other writer’s bytes stay, byte for byte', async () => {
    const { service } = await api();
    const note = (await service.ready()).notes().find((n) => n.endorsed.length === 0 && closed(n.path))!;
    restoreText.set(note.path, await readText(note.path));
    const theirs = new TextEncoder().encode(`${restoreText.get(note.path)!.replace(/^title: .*$/m, 'title: Retitled by a teammate')}\n<!-- saved by another editor -->\n`);
    const writer = otherWriterAfterFirstRead(service.fs, note.path, theirs);
    const errors = captureErrors();
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand('teamLearnings.endorseNote', { note: note.path, name: 'Nothing Lost' });
    } finally {
      writer.restore();
      errors.restore();
    }
    assert.equal(result, false, 'the endorsement is refused');
    assert.ok(writer.reads() >= 2, 'read once to edit, and again by the guard before writing');
    assert.deepEqual(new Uint8Array(fs.readFileSync(uri(note.path).fsPath)), theirs, 'the file holds exactly what the other writer saved');
    assert.equal(errors.messages.length, 1, `one message: ${errors.messages.join(' | ')}`);
    assert.match(errors.messages[0], /changed on disk while it was being edited: nothing was written/);
    assert.ok(errors.messages[0].includes(note.path), 'the message names the note');
    await waitFor('the index to show the teammate’s version', () => service.indexIfLoaded?.get(note.path)?.title === 'Retitled by a teammate');
  });

  it('Add Check-in refuses in the same way', async () => {
    const { service } = await api();
    const plan = (await service.ready()).query({ kind: 'plan' }).find((n) => (n.status ?? 'open') === 'open' && closed(n.path))!;
    restoreText.set(plan.path, await readText(plan.path));
    const theirs = new TextEncoder().encode(`${restoreText.get(plan.path)}\n- 2026-11-20: a check-in written elsewhere\n`);
    const writer = otherWriterAfterFirstRead(service.fs, plan.path, theirs);
    const errors = captureErrors();
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand('teamLearnings.addCheckIn', { note: plan.path, text: 'Ours', date: '2026-11-21' });
    } finally {
      writer.restore();
      errors.restore();
    }
    assert.equal(result, false);
    assert.deepEqual(new Uint8Array(fs.readFileSync(uri(plan.path).fsPath)), theirs);
    assert.match(errors.messages.join('\n'), /nothing was written/);
  });

  it('an open note with unsaved typing is edited through its document: the typing stays, nothing is saved over it', async () => {
    const { service } = await api();
    const note = (await service.ready()).notes().find((n) => n.endorsed.length === 0 && onDisk(n.path))!;
    const saved = await readText(note.path);
    restoreText.set(note.path, saved);
    const doc = await vscode.workspace.openTextDocument(uri(note.path));
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\nUnsaved words of the user.\n'));
    assert.equal(await vscode.commands.executeCommand('teamLearnings.endorseNote', { note: note.path, name: 'Through The Editor' }), true);
    assert.ok(doc.getText().includes('Unsaved words of the user.'), 'the typing is kept');
    assert.match(doc.getText(), /endorsed: \[Through The Editor\]/);
    assert.equal(doc.isDirty, true, 'still the user’s to save');
    assert.equal(await readText(note.path), saved, 'the file on disk is untouched until the user saves');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a guarded write replaces the note whole, through a temporary file it does not leave behind', async () => {
    const { service } = await api();
    // A note no document holds: an open one is written by the editor's own save.
    const note = (await service.ready()).notes().find((n) => n.endorsed.length === 0 && closed(n.path))!;
    const before = await readText(note.path);
    restoreText.set(note.path, before);
    const folder = path.dirname(uri(note.path).fsPath);
    const inode = fs.statSync(uri(note.path).fsPath).ino;
    assert.equal(await vscode.commands.executeCommand('teamLearnings.endorseNote', { note: note.path, name: 'Atomic Writer' }), true);
    const after = await readText(note.path);
    assert.ok(after.includes('Atomic Writer'));
    assert.equal(after.replace(/endorsed: \[Atomic Writer\]\n/, ''), before, 'only the endorsement was added');
    assert.notEqual(fs.statSync(uri(note.path).fsPath).ino, inode, 'a new file was renamed into place, not the old one rewritten');
    assert.deepEqual(fs.readdirSync(folder).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('a new note never replaces a file: the name taken, it gets the next one', async () => {
    const { service } = await api();
    await service.ready();
    const taken = `.learnings/notes/${TODAY}-a-name-already-taken.md`;
    const mine = '---\ntitle: Mine, not to be replaced\n---\nKeep me.\n';
    await writeText(taken, mine);
    const result = await vscode.commands.executeCommand<{ path: string }>('teamLearnings.newNote', { kind: 'lesson', title: 'A name already taken', topics: [], open: false });
    try {
      assert.equal(result.path, taken.replace(/\.md$/, '-2.md'));
      assert.equal(await readText(taken), mine);
    } finally {
      await remove(taken);
      await remove(result.path);
    }
  });
});
