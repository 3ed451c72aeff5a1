// "Re-anchor to Selection" and "Show Anchor Changes": the two ways a person
// settles a drifted anchor. Nothing is written to a note until they ask.

import * as vscode from 'vscode';
import { captureAnchor, CaptureError, snippetOf } from '../../core/anchors/captureAnchor';
import { reanchorEdits } from '../../core/anchors/reanchor';
import { editNote } from '../../core/notes/noteEditor';
import { formatLines } from '../../core/model';
import { readAnchoredFile } from '../../core/anchors/readAnchoredFile';
import { parseLineRange } from '../../core/notes/parseNote';
import type { LearningsService } from '../service';
import type { LiveAnchor, LiveAnchors } from '../editor/liveAnchors';
import { editNoteFile } from '../noteWriter';
import { anchorOf, type AnchorRef } from '../commandArgs';
import { statusLabel } from '../anchorStatus';

export const SNIPPET_SCHEME = 'team-learnings-snippet';

/**
 * The two sides of Show Anchor Changes: the snippet a note captured (from the
 * index), and the code it resolved to, as it was when the diff was opened.
 */
export class SnippetContentProvider implements vscode.TextDocumentContentProvider {
  /** The code now, by the URI's query: set just before the diff opens. */
  private readonly current = new Map<string, string>();

  constructor(private readonly service: LearningsService) {}

  static uriFor(ref: AnchorRef, path: string): vscode.Uri {
    // The path keeps the file's extension, so the diff gets its language.
    return vscode.Uri.from({ scheme: SNIPPET_SCHEME, path: `/${path}`, query: JSON.stringify(ref) });
  }

  /** A document holding `text`: the code an anchor resolved to, at `path:lines`. */
  currentUri(ref: AnchorRef, path: string, lines: string, text: string): vscode.Uri {
    const query = JSON.stringify({ ...ref, now: `${path}:${lines}` });
    this.current.set(query, text);
    return vscode.Uri.from({ scheme: SNIPPET_SCHEME, path: `/${path}`, query });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const now = this.current.get(uri.query);
    if (now !== undefined) return now;
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

/** Compares the snippet a note captured with the code its anchor resolves to now (not the whole file). */
export async function showAnchorChanges(service: LearningsService, live: LiveAnchors, snippets: SnippetContentProvider, arg: unknown): Promise<boolean> {
  const ref = anchorOf(arg, service) ?? (await pickAnchor(service, live));
  if (!ref) return false;
  const note = (await service.ready()).get(ref.note);
  const anchor = note?.anchors[ref.anchor];
  if (!note || !anchor) return false;
  const located = await live.locate(note, ref.anchor);
  const lines = located?.lines ? parseLineRange(located.lines) : undefined;
  const left = SnippetContentProvider.uriFor(ref, anchor.path);
  if (!located || !lines) {
    // The code is gone: show what was captured, against nothing.
    const title = vscode.l10n.t('{0}: captured ↔ gone', `${anchor.path}:${formatLines(anchor.lines)}`);
    await vscode.commands.executeCommand('vscode.diff', left, snippets.currentUri(ref, anchor.path, '', ''), title);
    return true;
  }
  const text = await textOf(service, located.path);
  const code = text === undefined ? '' : snippetOf(text, lines);
  const title = vscode.l10n.t('{0}: captured ↔ now at {1}', `${anchor.path}:${formatLines(anchor.lines)}`, `${located.path}:${located.lines}`);
  await vscode.commands.executeCommand('vscode.diff', left, snippets.currentUri(ref, located.path, located.lines!, code), title, { preview: true } satisfies vscode.TextDocumentShowOptions);
  return true;
}

/** A workspace file's text: its open editor's when there is one, else the disk's. */
async function textOf(service: LearningsService, path: string): Promise<string | undefined> {
  const uri = service.uriOf(path).toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  return open ? open.getText() : (await readAnchoredFile(service.fs, path)).text;
}

export interface ReanchorArgs {
  note?: string;
  anchor?: number;
  /** Where the code is now; the active editor's selection when `path` or `lines` is absent. */
  path?: string;
  lines?: string;
}

/**
 * Moves an anchor to the selected code, or to `path`/`lines` (the code it
 * resolved to, from the hover or the attention view), rewriting only that anchor's fields.
 */
export async function reanchorToSelection(service: LearningsService, live: LiveAnchors, arg: unknown, toMatch = false): Promise<boolean> {
  const args = (arg && typeof arg === 'object' ? arg : {}) as ReanchorArgs & { result?: unknown };
  // A row of the attention view says where the anchor resolved: that place is for "Re-anchor to the Code Found" only.
  const place = toMatch || args.result === undefined;
  const ref = anchorOf(arg, service) ?? (await pickAnchor(service, live));
  if (!ref) return false;
  let path = place && typeof args.path === 'string' && typeof args.lines === 'string' ? args.path : undefined;
  let lines = path ? parseLineRange(args.lines) : undefined;
  // A This File row: where its anchor is in the editor now.
  const row = (arg as { live?: LiveAnchor } | undefined)?.live;
  if (toMatch && row?.range) {
    path = row.path;
    lines = { start: row.range.start.line + 1, end: row.range.end.line + 1 };
  }
  let text: string | undefined;
  const editor = vscode.window.activeTextEditor;
  if (!path || !lines) {
    if (!editor || editor.selection.isEmpty || !service.relative(editor.document.uri)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Select the code the note is about now, then run Re-anchor to Selection.'));
      return false;
    }
    path = service.relative(editor.document.uri);
    const sel = editor.selection;
    const endLine = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line - 1 : sel.end.line;
    lines = { start: sel.start.line + 1, end: endLine + 1 };
    text = editor.document.getText();
  } else {
    // The code as the user sees it: an unsaved editor's text, not the disk's.
    const uri = service.uriOf(path).toString();
    text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText();
  }
  if (!path || !lines) return false;
  if (path.startsWith(`${service.layout.folder}/`)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('A note cannot be anchored in the notes folder ({0}).', service.layout.folder));
    return false;
  }
  try {
    const anchor = await captureAnchor(service.fs, path, lines, { text, withCommit: vscode.workspace.isTrusted });
    const note = (await service.ready()).get(ref.note);
    if (!note) throw new Error(vscode.l10n.t('{0} is not a note any more.', ref.note));
    const code = text ?? (await readAnchoredFile(service.fs, anchor.path)).text ?? '';
    const edits = reanchorEdits(note, ref.anchor, { path: anchor.path, range: anchor.lines, text: code, head: anchor.commit, notesFolder: service.layout.folder });
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
