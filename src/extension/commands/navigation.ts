// Opening notes and the code they point to.

import * as vscode from 'vscode';
import type { LearningsService } from '../service';
import { unsafePathReason } from '../../core/workspacePath';
import { parseLineRange } from '../../core/notes/parseNote';
import type { LiveAnchors } from '../editor/liveAnchors';
import { anchorOrFirstOf, noteOrActive } from '../commandArgs';
import { anchoredSelection } from '../editor/anchoredSelection';

export async function openNote(service: LearningsService, arg: unknown): Promise<void> {
  const path = noteOrActive(arg, service);
  // A path from a link or another extension: only files inside the workspace.
  if (!path || unsafePathReason(path)) return;
  await vscode.window.showTextDocument(service.uriOf(path), { preview: false });
}

/** Opens the code of a note's anchor where it is now (relocated), selecting its lines. */
export async function openAnchor(service: LearningsService, live: LiveAnchors, arg: unknown): Promise<void> {
  const ref = anchorOrFirstOf(arg, service);
  const index = await service.ready();
  const note = ref ? index.get(ref.note) : undefined;
  const i = ref?.anchor ?? 0;
  const anchor = note?.anchors[i];
  if (!note || !anchor) return;
  const located = await live.locate(note, i);
  const lines = located?.lines ? parseLineRange(located.lines) : undefined;
  if (!located || !lines) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The code of this anchor is gone ({0}:{1}-{2}).', anchor.path, anchor.lines.start, anchor.lines.end));
    return;
  }
  const doc = await vscode.workspace.openTextDocument(service.uriOf(located.path));
  await vscode.window.showTextDocument(doc, { selection: anchoredSelection(doc, lines.start - 1, lines.end - 1), preview: true });
}

export async function pickNote(service: LearningsService, paths: unknown): Promise<void> {
  if (!Array.isArray(paths)) return;
  const index = await service.ready();
  const notes = paths.filter((p): p is string => typeof p === 'string').map((p) => index.get(p)).filter((n) => n !== undefined);
  const picked = await vscode.window.showQuickPick(
    notes.map((n) => ({ label: n.title, description: n.topics.join(', '), path: n.path })),
    { title: vscode.l10n.t('Notes on this code') },
  );
  if (picked) await vscode.commands.executeCommand('teamLearnings.previewNote', picked.path);
}
