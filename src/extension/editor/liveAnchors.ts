// Where each note's anchors are in the open editors, right now. Resolved
// from the snippet when a document is first needed, then shifted with every
// edit as the user types and carried along when a file is renamed. Nothing
// is written to a note from here: that waits until the user asks.

import * as vscode from 'vscode';
import type { Anchor, LineRange, Note } from '../../core/model';
import { readAnchoredFile } from '../../core/checkAnchors';
import { isFresh, lineChangeOf, prepareFile, relocateAnchor, shiftRange, type AnchorStatus } from '../../core/anchors';
import { loadAnchorHistory } from '../gitAnchorHistory';
import type { LearningsService } from '../service';

export interface LiveAnchor {
  note: Note;
  anchorIndex: number;
  status: AnchorStatus;
  /** 0-based lines in the document; absent when orphaned. */
  range?: vscode.Range;
  similarity?: number;
}

interface DocumentAnchors {
  anchors: LiveAnchor[];
}

export class LiveAnchors implements vscode.Disposable {
  private readonly docs = new Map<string, DocumentAnchors>();
  /** Files renamed in this session: new path -> the path notes recorded. */
  private readonly renamedFrom = new Map<string, string[]>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly service: LearningsService) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.docs.delete(d.uri.toString())),
      vscode.workspace.onDidRenameFiles((e) => this.onRename(e)),
      service.onDidChange(() => {
        this.docs.clear();
        this.emitter.fire(undefined);
      }),
    );
  }

  /** The anchors in `document`, resolving them the first time. */
  async anchorsIn(document: vscode.TextDocument): Promise<LiveAnchor[]> {
    const key = document.uri.toString();
    const cached = this.docs.get(key);
    if (cached) return cached.anchors;
    const path = this.service.relative(workspaceUriOf(document.uri));
    if (!path || path.startsWith(`${this.service.layout.folder}/`)) return [];
    const index = await this.service.ready();
    const text = document.getText();
    const file = prepareFile(text);
    const here: Array<{ note: Note; anchorIndex: number; anchor: Anchor }> = [];
    for (const recorded of [path, ...(this.renamedFrom.get(path) ?? [])]) {
      for (const note of index.notesForFile(recorded)) {
        note.anchors.forEach((anchor, anchorIndex) => {
          if (anchor.path === recorded) here.push({ note, anchorIndex, anchor });
        });
      }
    }
    // Git is asked only when some anchor is not where it was recorded.
    const stale = here.filter((h) => !isFresh(h.anchor, file)).map((h) => h.anchor);
    const history = stale.length > 0 ? await loadAnchorHistory(this.service, stale) : undefined;
    const anchors: LiveAnchor[] = here.map(({ note, anchorIndex, anchor }) => {
      const r = relocateAnchor(anchor, { text: file }, { history });
      // Moved into another file by git's account: this document no longer holds it.
      const inThisFile = r.lines && (r.path === anchor.path || r.path === path);
      return {
        note,
        anchorIndex,
        status: r.status,
        similarity: r.similarity,
        range: inThisFile ? new vscode.Range(r.lines!.start - 1, 0, r.lines!.end - 1, 0) : undefined,
      };
    });
    // The document may have been edited while the index loaded: resolve again then.
    if (document.getText() === text) this.docs.set(key, { anchors });
    return anchors;
  }

  /** Anchors of the document if they are resolved already (no work). */
  peek(uri: vscode.Uri): LiveAnchor[] | undefined {
    return this.docs.get(uri.toString())?.anchors;
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.docs.get(e.document.uri.toString());
    if (!entry || e.contentChanges.length === 0) return;
    // Changes of one event do not overlap and are given last-first in the
    // document for most edits; apply them bottom-up so earlier ones stay valid.
    const changes = [...e.contentChanges].sort((a, b) => b.range.start.compareTo(a.range.start));
    for (const change of changes) {
      const { start, end } = change.range;
      const text = change.text.replace(/\r\n/g, '\n');
      const lineChange = lineChangeOf(
        { line: start.line, character: start.character },
        { line: end.line, character: end.character },
        text,
        changes.length === 1 ? oldLineLengthIfEndedThere(e.document, change, text) : undefined,
      );
      for (const live of entry.anchors) {
        if (!live.range) continue;
        const shifted = shiftRange({ start: live.range.start.line + 1, end: live.range.end.line + 1 }, lineChange);
        live.range = new vscode.Range(shifted.range.start - 1, 0, Math.max(shifted.range.start, shifted.range.end) - 1, 0);
        if (shifted.deleted) {
          live.status = 'drifted';
          live.similarity = 0;
        }
      }
    }
    this.emitter.fire(e.document.uri);
  }

  private onRename(e: vscode.FileRenameEvent): void {
    for (const { oldUri, newUri } of e.files) {
      const from = this.service.relative(oldUri);
      const to = this.service.relative(newUri);
      if (!from || !to) continue;
      // A folder rename moves every file under it.
      const index = this.service.indexIfLoaded;
      const recorded = index ? index.anchoredFiles().filter((p) => p === from || p.startsWith(`${from}/`)) : [from];
      for (const path of recorded) {
        const now = to + path.slice(from.length);
        const earlier = this.renamedFrom.get(path) ?? [];
        this.renamedFrom.set(now, [...new Set([path, ...earlier, ...(this.renamedFrom.get(now) ?? [])])]);
      }
      for (const key of [...this.docs.keys()]) if (key === oldUri.toString() || key === newUri.toString()) this.docs.delete(key);
    }
    this.emitter.fire(undefined);
  }

  /** Where the anchor's code is now: in an open editor's text if it is open, else on disk. */
  async locate(anchor: Anchor): Promise<{ path: string; lines: LineRange } | undefined> {
    for (const path of [anchor.path, ...this.renamedTo(anchor.path)]) {
      const uri = this.service.uriOf(path);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : (await readAnchoredFile(this.service.fs, path)).text;
      if (text === undefined) continue;
      const r = relocateAnchor(anchor, { text });
      if (r.lines) return { path, lines: r.lines };
    }
    return undefined;
  }

  /** Where a file that notes recorded as `path` went in this session's renames. */
  renamedTo(path: string): string[] {
    return [...this.renamedFrom].filter(([, from]) => from.includes(path)).map(([now]) => now);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Enter typed at the end of a line adds a line below it, not inside it. The
 * event comes after the edit, so tell it from the new text: when nothing of
 * the old line followed the insertion point, the old line ended there.
 */
function oldLineLengthIfEndedThere(document: vscode.TextDocument, change: vscode.TextDocumentContentChangeEvent, text: string): number | undefined {
  if (!change.range.isEmpty || !text.includes('\n')) return undefined;
  const lastSegment = text.slice(text.lastIndexOf('\n') + 1);
  const line = change.range.start.line + (text.match(/\n/g) ?? []).length;
  if (line >= document.lineCount) return undefined;
  return document.lineAt(line).text.length === lastSegment.length ? change.range.start.character : undefined;
}

/**
 * The workspace file a document shows: itself, or for the left side of a
 * diff editor (the git extension's `git:` documents, an older version) the
 * file it is a version of. Anchors are then resolved in that version's text.
 */
export function workspaceUriOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === 'git' ? uri.with({ scheme: 'file', query: '', fragment: '' }) : uri;
}
