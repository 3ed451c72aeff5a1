// Opening notes and the code they point to.

import * as vscode from 'vscode';
import type { LearningsService } from '../service';
import { unsafePathReason } from '../../core/workspacePath';
import { parseLineRange } from '../../core/notes/parseNote';
import type { LiveAnchors } from '../editor/liveAnchors';

/** A note path from what a command receives: a path, a Uri, a tree node, or the active editor. */
export function notePathOf(service: LearningsService, arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof vscode.Uri) return service.relative(arg);
  if (arg && typeof arg === 'object') {
    const o = arg as { note?: { path?: unknown } | string; notePath?: unknown; path?: unknown; live?: { note?: { path?: unknown } } };
    if (typeof o.note === 'string') return o.note;
    if (typeof o.note?.path === 'string') return o.note.path;
    if (typeof o.live?.note?.path === 'string') return o.live.note.path;
    if (typeof o.notePath === 'string') return o.notePath;
    if (typeof o.path === 'string') return o.path;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? service.relative(active) : undefined;
}

export async function openNote(service: LearningsService, arg: unknown): Promise<void> {
  const path = notePathOf(service, arg);
  // A path from a link or another extension: only files inside the workspace.
  if (!path || unsafePathReason(path)) return;
  await vscode.window.showTextDocument(service.uriOf(path), { preview: false });
}

/** Opens the code of a note's anchor where it is now (relocated), selecting its lines. */
export async function openAnchor(service: LearningsService, live: LiveAnchors, arg: unknown): Promise<void> {
  const a = arg as { note?: unknown; anchor?: unknown; live?: { note?: { path?: string }; anchorIndex?: number } } | undefined;
  const path = a?.live?.note?.path ?? notePathOf(service, a?.note ?? a);
  const index = await service.ready();
  const note = path ? index.get(path) : undefined;
  const i = typeof a?.anchor === 'number' ? a.anchor : (a?.live?.anchorIndex ?? 0);
  const anchor = note?.anchors[i];
  if (!note || !anchor) return;
  const located = await live.locate(note, i);
  const lines = located?.lines ? parseLineRange(located.lines) : undefined;
  if (!located || !lines) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The code of this anchor is gone ({0}:{1}-{2}).', anchor.path, anchor.lines.start, anchor.lines.end));
    return;
  }
  // Every anchored line selected, the last one to its end.
  const doc = await vscode.workspace.openTextDocument(service.uriOf(located.path));
  const last = Math.min(lines.end, doc.lineCount) - 1;
  await vscode.window.showTextDocument(doc, {
    selection: new vscode.Range(lines.start - 1, 0, last, doc.lineAt(Math.max(0, last)).range.end.character),
    preview: true,
  });
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
