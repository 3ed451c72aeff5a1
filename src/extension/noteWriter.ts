// Every change the extension makes to a note goes through here. An open
// document is edited in the editor (undoable, and the user's unsaved typing
// is kept); a closed file is written only if it still holds what was read.

import * as vscode from 'vscode';
import { decodeText } from '../core/fileSystem';
import { writeIfUnchanged } from '../core/writes/applyChanges';
import type { FileChange } from '../core/writes/applyChanges';
import type { LearningsService } from './service';

export class NoteChangedError extends Error {}

/** The text of a file as the user sees it: the open document's, or the disk's. */
export async function currentText(service: LearningsService, path: string): Promise<string | undefined> {
  const uri = service.uriOf(path);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  const stat = await service.fs.stat(path);
  return stat?.type === 'file' ? decodeText(await service.fs.readFile(path)) : undefined;
}

/** Applies `transform` to one note; refuses when the file changed between read and write. */
export async function editNoteFile(service: LearningsService, path: string, transform: (text: string) => string): Promise<void> {
  const uri = service.uriOf(path);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const before = open.getText();
    const wasDirty = open.isDirty;
    const edit = new vscode.WorkspaceEdit();
    replaceChangedRange(edit, open, before, transform(before));
    if (!(await vscode.workspace.applyEdit(edit))) throw new NoteChangedError(vscode.l10n.t('{0} could not be edited.', path));
    // Saving a document the user is still typing in would save their half-done text too.
    if (!wasDirty) await open.save();
  } else {
    const before = await currentText(service, path);
    if (before === undefined) throw new NoteChangedError(vscode.l10n.t('{0} is gone.', path));
    const after = transform(before);
    if (after === before) return;
    if (!(await writeIfUnchanged(service.fs, path, before, after))) {
      throw new NoteChangedError(vscode.l10n.t('{0} changed on disk while it was being edited: nothing was written. Try again.', path));
    }
  }
  await service.refresh([path]);
}

/**
 * One workspace edit for many files (one undo, one refactoring preview).
 * Each open or opened document must still hold what the plan read.
 */
export async function applyAsWorkspaceEdit(service: LearningsService, changes: FileChange[], label: string, preview: boolean): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  // Every change is pre-checked in the preview (VS Code checks exactly the entries that need no confirmation).
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  const docs: vscode.TextDocument[] = [];
  for (const change of changes) {
    const uri = service.uriOf(change.path);
    if (change.before === undefined) {
      edit.createFile(uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(change.after ?? '') }, metadata);
      continue;
    }
    if (change.after === undefined) {
      edit.deleteFile(uri, { ignoreIfNotExists: true }, metadata);
      continue;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    // A document holds the text without its BOM (the editor keeps the BOM when it saves).
    const before = withoutBom(change.before);
    if (doc.getText() !== before) {
      throw new NoteChangedError(vscode.l10n.t('{0} changed while the edit was prepared: nothing was written. Try again.', change.path));
    }
    replaceChangedRange(edit, doc, before, withoutBom(change.after), metadata);
    docs.push(doc);
  }
  const existing = changes.find((c) => c.before !== undefined && c.after !== undefined); // edited, so still there afterwards
  if (preview && existing) {
    // VS Code opens the refactoring preview only when an entry needs confirmation, and leaves such
    // entries unchecked. This one changes nothing (it "creates" a file that exists, ignoreIfExists):
    // the preview hides it, so the user sees every real change checked and Apply writes them all.
    edit.createFile(service.uriOf(existing.path), { ignoreIfExists: true }, { label, needsConfirmation: true });
  }
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (!applied) return false;
  await Promise.all(docs.filter((d) => d.isDirty).map((d) => d.save()));
  await service.refresh(changes.map((c) => c.path));
  return true;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Replaces only the span that differs: the rest of the document is untouched (and so are its markers). */
function replaceChangedRange(edit: vscode.WorkspaceEdit, doc: vscode.TextDocument, before: string, after: string, metadata?: vscode.WorkspaceEditEntryMetadata): void {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(before.length - end));
  const text = after.slice(start, after.length - end);
  if (metadata) edit.replace(doc.uri, range, text, metadata);
  else edit.replace(doc.uri, range, text);
}
