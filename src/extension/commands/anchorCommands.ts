// "Re-anchor to Selection" and "Show Anchor Changes": the two ways a person
// settles a drifted anchor. Nothing is written to a note until they ask.

import * as vscode from 'vscode';
import { captureAnchor, CaptureError } from '../../core/captureAnchor';
import { editNote, type FrontMatterEdit } from '../../core/noteEditor';
import { formatLines } from '../../core/model';
import { parseLineRange } from '../../core/parseNote';
import type { LearningsService } from '../service';
import type { LiveAnchors } from '../editor/liveAnchors';
import { editNoteFile } from '../noteWriter';
import { notePathOf } from './navigation';
import { statusLabel } from '../anchorStatus';

export const SNIPPET_SCHEME = 'team-learnings-snippet';

interface AnchorRef {
  note: string;
  anchor: number;
}

/** The note and anchor a command is about: `{note, anchor}`, or a This File tree node. */
function anchorRefOf(service: LearningsService, arg: unknown): AnchorRef | undefined {
  const a = arg as { note?: unknown; anchor?: unknown; live?: { note?: { path?: string }; anchorIndex?: number } } | undefined;
  if (a?.live?.note?.path && typeof a.live.anchorIndex === 'number') return { note: a.live.note.path, anchor: a.live.anchorIndex };
  const note = notePathOf(service, a?.note);
  if (note && typeof a?.anchor === 'number') return { note, anchor: a.anchor };
  return undefined;
}

/** Shows the code an anchor captured beside the code as it is now. */
export class SnippetContentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly service: LearningsService) {}

  static uriFor(ref: AnchorRef, path: string): vscode.Uri {
    // The path keeps the file's extension, so the diff gets its language.
    return vscode.Uri.from({ scheme: SNIPPET_SCHEME, path: `/${path}`, query: JSON.stringify(ref) });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let ref: AnchorRef;
    try {
      ref = JSON.parse(uri.query) as AnchorRef;
    } catch {
      return '';
    }
    const note = (await this.service.ready()).get(ref.note);
    return note?.anchors[ref.anchor]?.snippet ?? '';
  }
}

export async function showAnchorChanges(service: LearningsService, live: LiveAnchors, arg: unknown): Promise<boolean> {
  const ref = anchorRefOf(service, arg) ?? (await pickAnchor(service, live));
  if (!ref) return false;
  const note = (await service.ready()).get(ref.note);
  const anchor = note?.anchors[ref.anchor];
  if (!note || !anchor) return false;
  const located = await live.locate(anchor);
  const left = SnippetContentProvider.uriFor(ref, anchor.path);
  const title = vscode.l10n.t('{0}: captured ↔ now', `${anchor.path}:${formatLines(anchor.lines)}`);
  if (!located) {
    // The code is gone: show what was captured, against nothing.
    await vscode.commands.executeCommand('vscode.diff', left, vscode.Uri.from({ scheme: 'untitled', path: `/${vscode.l10n.t('{0} (gone)', anchor.path)}` }), title);
    return true;
  }
  await vscode.commands.executeCommand('vscode.diff', left, service.uriOf(located.path), title, {
    selection: new vscode.Range(located.lines.start - 1, 0, located.lines.end - 1, 0),
    preview: true,
  } satisfies vscode.TextDocumentShowOptions);
  return true;
}

export interface ReanchorArgs {
  note?: string;
  anchor?: number;
  /** Where the code is now; the active editor's selection by default. */
  path?: string;
  lines?: string;
}

/** Moves an anchor to the selected code (or to `path`/`lines`), rewriting only that anchor's fields. */
export async function reanchorToSelection(service: LearningsService, live: LiveAnchors, arg: unknown): Promise<boolean> {
  const args = (arg && typeof arg === 'object' ? arg : {}) as ReanchorArgs;
  const ref = anchorRefOf(service, arg) ?? (await pickAnchor(service, live));
  if (!ref) return false;
  let path = args.path;
  let lines = args.lines ? parseLineRange(args.lines) : undefined;
  let text: string | undefined;
  const editor = vscode.window.activeTextEditor;
  if (!path) {
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Select the code the note is about now, then run Re-anchor to Selection.'));
      return false;
    }
    path = service.relative(editor.document.uri);
    const sel = editor.selection;
    const endLine = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line - 1 : sel.end.line;
    lines = { start: sel.start.line + 1, end: endLine + 1 };
    text = editor.document.getText();
  }
  if (!path || !lines) return false;
  try {
    const anchor = await captureAnchor(service.fs, path, lines, { text, withCommit: vscode.workspace.isTrusted });
    const edits: FrontMatterEdit[] = [
      { op: 'setAnchorField', index: ref.anchor, field: 'path', value: anchor.path },
      { op: 'setAnchorField', index: ref.anchor, field: 'lines', value: formatLines(anchor.lines) },
      { op: 'setAnchorField', index: ref.anchor, field: 'snippet', value: anchor.snippet },
    ];
    if (anchor.commit) edits.push({ op: 'setAnchorField', index: ref.anchor, field: 'commit', value: anchor.commit });
    await editNoteFile(service, ref.note, (t) => editNote(t, edits));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Anchor moved to {0}', `${anchor.path}:${formatLines(anchor.lines)}`), 4000);
    return true;
  } catch (err) {
    if (err instanceof CaptureError || err instanceof Error) void vscode.window.showErrorMessage(err.message);
    return false;
  }
}

/** With no argument: the anchors in the active editor that are not fresh, or all of them. */
async function pickAnchor(service: LearningsService, live: LiveAnchors): Promise<AnchorRef | undefined> {
  const editor = vscode.window.activeTextEditor;
  const anchors = editor ? await live.anchorsIn(editor.document) : [];
  const candidates = anchors.some((a) => a.status !== 'fresh') ? anchors.filter((a) => a.status !== 'fresh') : anchors;
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No notes are anchored in this file.'));
    return undefined;
  }
  if (candidates.length === 1) return { note: candidates[0].note.path, anchor: candidates[0].anchorIndex };
  const picked = await vscode.window.showQuickPick(
    candidates.map((a) => ({
      label: a.note.title,
      description: `${a.note.anchors[a.anchorIndex].path}:${formatLines(a.note.anchors[a.anchorIndex].lines)} · ${statusLabel(a.status, a.similarity)}`,
      ref: { note: a.note.path, anchor: a.anchorIndex },
    })),
    { title: vscode.l10n.t('Which anchor?') },
  );
  return picked?.ref;
}
