// Where each note's anchors are in the open editors, right now. Resolved
// through the service's AnchorResolver (the resolver `learnings check` uses,
// with git history and the unsaved text) when a document is first needed;
// then shifted with every edit as the user types, and resolved again when
// typing pauses, on save and when files are renamed. Nothing is written to a
// note from here: that waits until the user asks.

import * as vscode from 'vscode';
import type { AnchorResult } from '../../core/anchors/checkAnchors';
import { parseLineRange } from '../../core/notes/parseNote';
import type { Note } from '../../core/model';
import { lineChangeOf, shiftRange, type AnchorStatus } from '../../core/anchors';
import type { AnchorsChange } from '../anchorResolver';
import type { LearningsService } from '../service';

export interface LiveAnchor {
  note: Note;
  anchorIndex: number;
  status: AnchorStatus;
  /** 0-based lines in the document; absent when orphaned or resolved into another file. */
  range?: vscode.Range;
  similarity?: number;
  /** Where the resolver put it: the path now (the recorded one when orphaned). */
  path: string;
  /** `path:START-END` as the resolver said, for an anchor resolved into another file; absent when orphaned. */
  place?: string;
}

interface DocumentAnchors {
  anchors: LiveAnchor[];
}

export class LiveAnchors implements vscode.Disposable {
  private readonly docs = new Map<string, DocumentAnchors>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Bumped when every cached document is dropped: a resolve begun before must not be kept. */
  private generation = 0;

  constructor(private readonly service: LearningsService) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.docs.delete(d.uri.toString())),
      vscode.workspace.onDidRenameFiles((e) => this.onRename(e)),
      service.anchors.onDidChange((change) => void this.recheck(change)),
      service.onDidChange(() => {
        this.clear();
        this.emitter.fire(undefined);
      }),
    );
  }

  /** The anchors in `document`, resolving them the first time. */
  async anchorsIn(document: vscode.TextDocument): Promise<LiveAnchor[]> {
    const key = document.uri.toString();
    const cached = this.docs.get(key);
    if (cached) return cached.anchors;
    const generation = this.generation;
    const version = document.version;
    const anchors = await this.resolve(document);
    // Edited while it resolved, or everything changed: resolve again next time.
    if (document.version === version && generation === this.generation) this.docs.set(key, { anchors });
    return anchors;
  }

  /** Anchors of the document if they are resolved already (no work). */
  peek(uri: vscode.Uri): LiveAnchor[] | undefined {
    return this.docs.get(uri.toString())?.anchors;
  }

  /** Where the anchor's code is now, as `learnings check` says (open editors' text included). */
  async locate(note: Note, anchorIndex: number): Promise<AnchorResult | undefined> {
    return this.service.anchors.resolveOne(note, anchorIndex);
  }

  private async resolve(document: vscode.TextDocument): Promise<LiveAnchor[]> {
    const path = this.service.relative(workspaceUriOf(document.uri));
    if (!path || path.startsWith(`${this.service.layout.folder}/`)) return [];
    const index = await this.service.ready();
    // The notes anchored in this file as recorded, or in a file renamed to it in this session.
    const recorded = new Set([path, ...this.service.anchors.renamedFromPaths(path)]);
    const notes = new Set<Note>();
    for (const p of recorded) for (const note of index.notesForFile(p)) notes.add(note);
    // And those the last check found here, moved from another file (a rename git knows about).
    for (const notePath of this.service.anchors.movedInto(path)) {
      const note = index.get(notePath);
      if (note) notes.add(note);
    }
    if (notes.size === 0) return [];
    // The document's own text: unsaved, or an older version (the left side of a diff editor).
    const { anchors: results } = await this.service.anchors.check([...notes], new Map([[path, document.getText()]]));
    const byPath = new Map([...notes].map((n) => [n.path, n]));
    const out: LiveAnchor[] = [];
    for (const r of results) {
      const note = byPath.get(r.note);
      const anchor = note?.anchors[r.anchorIndex];
      if (!note || !anchor || !(recorded.has(anchor.path) || r.path === path)) continue;
      const lines = r.lines ? parseLineRange(r.lines) : undefined;
      out.push({
        note,
        anchorIndex: r.anchorIndex,
        status: r.status,
        similarity: r.similarity,
        path: r.path,
        ...(r.lines ? { place: `${r.path}:${r.lines}` } : {}),
        // Moved into another file by git's account: this document no longer holds it.
        range: lines && r.path === path ? new vscode.Range(lines.start - 1, 0, lines.end - 1, 0) : undefined,
      });
    }
    return out;
  }

  /** Typing paused, a file was saved or renamed: resolve the documents concerned again, then tell the surfaces. */
  private async recheck(change: AnchorsChange): Promise<void> {
    const keys = change.all ? [...this.docs.keys()] : change.uris.map((u) => u.toString()).filter((k) => this.docs.has(k));
    if (keys.length === 0) {
      if (change.all) this.emitter.fire(undefined);
      return;
    }
    const generation = this.generation;
    const changed: string[] = [];
    await Promise.all(
      keys.map(async (key) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (!document) return;
        const version = document.version;
        const anchors = await this.resolve(document);
        const before = this.docs.get(key);
        if (document.version !== version || generation !== this.generation || !before) return;
        this.docs.set(key, { anchors });
        if (!sameAnchors(before.anchors, anchors)) changed.push(key);
      }),
    );
    // What reads as before is not redrawn: CodeLens, gutter, threads and views each cost
    // the workbench a render, and typing keeps it busy enough.
    if (changed.length === 0) return;
    if (change.all) this.emitter.fire(undefined);
    else for (const key of changed) this.emitter.fire(vscode.Uri.parse(key));
  }

  private clear(): void {
    this.docs.clear();
    this.generation++;
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.docs.get(e.document.uri.toString());
    if (!entry || e.contentChanges.length === 0) return;
    // Changes of one event do not overlap and are given last-first in the
    // document for most edits; apply them bottom-up so earlier ones stay valid.
    const changes = [...e.contentChanges].sort((a, b) => b.range.start.compareTo(a.range.start));
    let moved = false;
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
        const range = new vscode.Range(shifted.range.start - 1, 0, Math.max(shifted.range.start, shifted.range.end) - 1, 0);
        if (!range.isEqual(live.range)) moved = true;
        live.range = range;
        if (shifted.deleted) {
          if (live.status !== 'drifted' || live.similarity !== 0) moved = true;
          live.status = 'drifted';
          live.similarity = 0;
        }
      }
    }
    // Typing within lines moves nothing: the surfaces are not redrawn for every key, which
    // kept the renderer busy while a person typed. The status follows when typing pauses
    // (the resolver's onDidChange).
    if (moved) this.emitter.fire(e.document.uri);
  }

  private onRename(e: vscode.FileRenameEvent): void {
    this.service.anchors.noteRenames(e);
    for (const { oldUri, newUri } of e.files) {
      for (const key of [...this.docs.keys()]) if (key === oldUri.toString() || key === newUri.toString()) this.docs.delete(key);
    }
    this.emitter.fire(undefined);
  }

  /** Where a file that notes recorded as `path` went in this session's renames. */
  renamedTo(path: string): string[] {
    return this.service.anchors.renamedTo(path);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The same anchors, each with the same status, similarity and place. */
function sameAnchors(a: readonly LiveAnchor[], b: readonly LiveAnchor[]): boolean {
  const key = (x: LiveAnchor) =>
    [x.note.path, x.anchorIndex, x.status, x.similarity ?? '', x.path, x.place ?? '', x.range ? `${x.range.start.line}-${x.range.end.line}` : ''].join('\u0000');
  return a.length === b.length && a.every((x, i) => key(x) === key(b[i]));
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
