// The one way the editor resolves anchors: core's checkAnchors, with the
// history `learnings check` uses (anchorHistory) and the text of unsaved
// editors. This File, CodeLens, gutter, hover, preview, dashboard, digest
// and the attention view all ask here, so they agree with the CLI and with
// each other. It also says, debounced, when statuses may have changed: as
// the user types, on save, when files are created, deleted or renamed.

import * as vscode from 'vscode';
import { checkAnchors, type AnchorResult, type CheckResult } from '../core/anchors/checkAnchors';
import type { FileSystem } from '../core/fileSystem';
import type { Note } from '../core/model';
import { anchorHistoryFor } from './anchorHistory';
import { withLocalReads } from './localReads';
import type { LearningsService } from './service';

/** Typing pauses and saves within this window are re-checked once. */
export const RECHECK_DELAY_MS = 300;
/** Typing that goes on without a pause is re-checked at least this often. */
const RECHECK_MAX_WAIT_MS = 1000;
/**
 * How long one history (its git answers) serves the checks that follow
 * typing: git runs synchronously, and what it says (renames, the commit that
 * added each note) changes with saves, commits and file operations, which
 * start a new one at once.
 */
const HISTORY_REUSE_MS = 5000;

export interface AnchorsChange {
  /** Every anchor may have changed (a save, a file created, deleted or renamed). */
  all: boolean;
  /** Documents typed in: their anchors may have changed. */
  uris: vscode.Uri[];
}

export class AnchorResolver implements vscode.Disposable {
  private readonly fs: FileSystem;
  /** Files renamed in this session: new path -> the paths notes recorded. */
  private readonly renamedFrom = new Map<string, string[]>();
  private readonly emitter = new vscode.EventEmitter<AnchorsChange>();
  /**
   * Fires after typing, saves and file operations: at once for the first
   * change after a quiet spell (the status turns as the user starts typing),
   * then once the changes pause for RECHECK_DELAY_MS, or every
   * RECHECK_MAX_WAIT_MS while they go on.
   */
  readonly onDidChange = this.emitter.event;
  private pending: { all: boolean; uris: Map<string, vscode.Uri> } = { all: false, uris: new Map() };
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last change was told (0: never), and when the changes told next began. */
  private lastFired = 0;
  private burstStart: number | undefined;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Notes whose anchors the checks so far found in another file than recorded: path now -> note paths. */
  private readonly moved = new Map<string, Set<string>>();
  private workspaceChecked = false;
  private history: { value: ReturnType<typeof anchorHistoryFor>; until: number } | undefined;

  constructor(private readonly service: LearningsService) {
    this.fs = withLocalReads(service.fs, service.folder.uri);
    const all = () => {
      this.history = undefined;
      this.schedule(undefined);
    };
    this.disposables.push(
      service.onDidChange(() => (this.history = undefined)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isCode(e.document.uri)) this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.isCode(d.uri)) all();
      }),
      vscode.workspace.onDidCreateFiles(all),
      vscode.workspace.onDidDeleteFiles(all),
    );
  }

  /** Resolves every anchor of `notes` as `learnings check` does, the unsaved editors' text (and `texts`) in place of the disk's. */
  async check(notes: readonly Note[], texts?: ReadonlyMap<string, string>): Promise<CheckResult> {
    const overrides = this.unsavedTexts();
    for (const [path, text] of texts ?? []) overrides.set(path, text);
    const history = this.currentHistory();
    const result = await checkAnchors(this.fs, [...notes], { history, overrides, notesFolder: this.service.layout.folder });
    this.remember(notes, result);
    if (this.renamedFrom.size === 0) return result;
    // A file renamed in this session whose rename git does not see yet: look in its new place.
    const byPath = new Map(notes.map((n) => [n.path, n]));
    const retries: Array<{ at: number; note: Note }> = [];
    result.anchors.forEach((r, at) => {
      const note = byPath.get(r.note);
      const anchor = note?.anchors[r.anchorIndex];
      const to = anchor && r.status === 'orphaned' ? this.renamedTo(anchor.path)[0] : undefined;
      if (note && anchor && to) retries.push({ at, note: { ...note, anchors: [{ ...anchor, path: to }] } });
    });
    if (retries.length === 0) return result;
    const again = await checkAnchors(this.fs, retries.map((r) => r.note), { history, overrides, notesFolder: this.service.layout.folder });
    again.anchors.forEach((r, k) => {
      const before = result.anchors[retries[k].at];
      if (r.status !== 'orphaned') result.anchors[retries[k].at] = { ...r, note: before.note, anchorIndex: before.anchorIndex, was: before.was };
    });
    return result;
  }

  /** The history of the last few seconds' checks, or a new one (see HISTORY_REUSE_MS). */
  private currentHistory(): ReturnType<typeof anchorHistoryFor> {
    const now = Date.now();
    if (!this.history || now > this.history.until) this.history = { value: anchorHistoryFor(this.service.folder.uri), until: now + HISTORY_REUSE_MS };
    return this.history.value;
  }

  /** Every anchor of the workspace. */
  async checkAll(): Promise<CheckResult> {
    // Every note's anchors: not before the first Topics rows (see LearningsService.afterFirstRows).
    const index = await this.service.afterFirstRows();
    this.workspaceChecked = true;
    return this.check(index.notes());
  }

  /**
   * Notes with an anchor the checks so far found in `path` though recorded
   * in another file. The first call checks the whole workspace once, in the
   * background, and tells the surfaces when it found anchors moved between files.
   */
  movedInto(path: string): string[] {
    if (!this.workspaceChecked) {
      this.workspaceChecked = true;
      const before = this.moved.size;
      void this.checkAll().then(
        () => {
          if (this.moved.size !== before) this.schedule(undefined);
        },
        () => undefined,
      );
    }
    return [...(this.moved.get(path) ?? [])];
  }

  private remember(notes: readonly Note[], result: CheckResult): void {
    const byPath = new Map(notes.map((n) => [n.path, n]));
    for (const set of this.moved.values()) for (const note of set) if (byPath.has(note)) set.delete(note);
    for (const r of result.anchors) {
      const recorded = byPath.get(r.note)?.anchors[r.anchorIndex]?.path;
      if (!recorded || !r.lines || recorded === r.path) continue;
      const set = this.moved.get(r.path) ?? new Set<string>();
      set.add(r.note);
      this.moved.set(r.path, set);
    }
  }

  /** One anchor of a note, or undefined when the note has no such anchor. */
  async resolveOne(note: Note, anchorIndex: number): Promise<AnchorResult | undefined> {
    if (!note.anchors[anchorIndex]) return undefined;
    const { anchors } = await this.check([note]);
    return anchors.find((a) => a.anchorIndex === anchorIndex);
  }

  /** Remembers files renamed in the editor, so their anchors follow before git sees the rename. */
  noteRenames(e: vscode.FileRenameEvent): void {
    this.history = undefined;
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
    }
    this.schedule(undefined);
  }

  /** The paths notes recorded for a file renamed to `path` in this session. */
  renamedFromPaths(path: string): string[] {
    return this.renamedFrom.get(path) ?? [];
  }

  /** Where a file that notes recorded as `path` went in this session's renames. */
  renamedTo(path: string): string[] {
    return [...this.renamedFrom].filter(([, from]) => from.includes(path)).map(([now]) => now);
  }

  /** The text of every unsaved editor on a workspace file, by path. */
  private unsavedTexts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const doc of vscode.workspace.textDocuments) {
      if (!doc.isDirty || doc.uri.scheme !== this.service.folder.uri.scheme) continue;
      const path = this.service.relative(doc.uri);
      if (path) out.set(path, doc.getText());
    }
    return out;
  }

  /** A workspace file outside the notes folder. */
  private isCode(uri: vscode.Uri): boolean {
    if (uri.scheme !== this.service.folder.uri.scheme) return false;
    const path = this.service.relative(uri);
    return !!path && !path.startsWith(`${this.service.layout.folder}/`);
  }

  private schedule(uri: vscode.Uri | undefined): void {
    if (uri) this.pending.uris.set(uri.toString(), uri);
    else this.pending.all = true;
    const now = Date.now();
    if (!this.timer && now - this.lastFired >= RECHECK_DELAY_MS) {
      this.fire();
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.burstStart ??= now;
    const wait = Math.max(0, Math.min(RECHECK_DELAY_MS, this.burstStart + RECHECK_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.fire(), wait);
  }

  private fire(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.burstStart = undefined;
    this.lastFired = Date.now();
    const { all, uris } = this.pending;
    this.pending = { all: false, uris: new Map() };
    this.emitter.fire({ all, uris: [...uris.values()] });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
