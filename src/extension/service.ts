// The extension's one model of the workspace: the core's LearningsWorkspace
// over workspace.fs, loaded the first time a view or editor feature asks,
// and kept current by a watcher on the notes folder only.

import * as vscode from 'vscode';
import { LearningsWorkspace } from '../core/workspace';
import type { NoteIndex } from '../core/noteIndex';
import type { Note } from '../core/model';
import { WorkspaceFileSystem } from './workspaceFileSystem';
import { readConfig } from './config';

/** File events arriving within this window are applied together: a branch switch is one refresh. */
const BATCH_MS = 60;

export class LearningsService implements vscode.Disposable {
  readonly fs: WorkspaceFileSystem;
  private workspace: LearningsWorkspace;
  private loading: Promise<NoteIndex> | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly pending = new Set<string>();
  private readonly loadWaiters: Array<(index: NoteIndex) => void> = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires once per batch of changes, after the index is updated. */
  readonly onDidChange = this.changed.event;

  constructor(readonly folder: vscode.WorkspaceFolder) {
    this.fs = new WorkspaceFileSystem(folder.uri);
    this.workspace = new LearningsWorkspace(this.fs, { folder: readConfig(folder.uri).folder });
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('teamLearnings.folder', folder.uri)) this.reset();
      }),
    );
  }

  get layout() {
    return this.workspace.layout;
  }

  get loaded(): boolean {
    return this.loading !== undefined;
  }

  /** The index, loading it on first use. */
  ready(): Promise<NoteIndex> {
    if (!this.loading) {
      this.startWatching();
      this.loading = this.workspace.load();
      const waiters = this.loadWaiters.splice(0);
      void this.loading.then((index) => waiters.forEach((w) => w(index)));
    }
    return this.loading;
  }

  /** Resolves after the first load, whoever starts it; never starts one itself. */
  whenLoaded(): Promise<NoteIndex> {
    return new Promise((resolve) => {
      if (this.loading) {
        void this.loading.then(resolve);
        return;
      }
      this.loadWaiters.push(resolve);
    });
  }

  /** The index if it is loaded already; never starts a scan. */
  get indexIfLoaded(): NoteIndex | undefined {
    return this.loading ? this.workspace.index : undefined;
  }

  uriOf(path: string): vscode.Uri {
    return this.fs.uri(path);
  }

  relative(uri: vscode.Uri): string | undefined {
    return this.fs.relative(uri);
  }

  noteAt(uri: vscode.Uri): Note | undefined {
    const path = this.relative(uri);
    return path ? this.workspace.index.get(path) : undefined;
  }

  /** Re-reads files now (after our own writes), without waiting for the watcher. */
  async refresh(paths: string[]): Promise<void> {
    await this.ready();
    for (const p of paths) this.pending.add(p);
    await this.flush();
  }

  /** Resolves when every file event seen so far has been applied. */
  async settled(): Promise<void> {
    if (this.flushTimer) await this.flush();
    await this.flushing;
  }

  private startWatching(): void {
    const pattern = new vscode.RelativePattern(this.folder, `${this.workspace.layout.folder}/**/*.md`);
    this.watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const queue = (uri: vscode.Uri) => {
      const path = this.relative(uri);
      if (!path) return;
      this.pending.add(path);
      if (this.flushTimer === undefined) this.flushTimer = setTimeout(() => void this.flush(), BATCH_MS);
    };
    this.watcher.onDidCreate(queue);
    this.watcher.onDidChange(queue);
    this.watcher.onDidDelete(queue);
    // A whole folder deleted (a branch switch) may come as one event for the folder.
    this.disposables.push(
      this.watcher,
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(queue)),
    );
  }

  private flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const paths = [...this.pending];
      this.pending.clear();
      await this.loading;
      const index = this.workspace.index;
      const folders = paths.filter((p) => !p.endsWith('.md'));
      for (const folder of folders) {
        for (const note of index.notes()) if (note.path.startsWith(`${folder}/`)) paths.push(note.path);
        for (const page of index.pages()) if (page.path.startsWith(`${folder}/`)) paths.push(page.path);
      }
      await Promise.all(paths.filter((p) => p.endsWith('.md')).map((p) => this.workspace.refresh(p)));
      this.changed.fire();
    });
    return this.flushing;
  }

  private reset(): void {
    this.watcher?.dispose();
    this.workspace = new LearningsWorkspace(this.fs, { folder: readConfig(this.folder.uri).folder });
    const wasLoaded = this.loading !== undefined;
    this.loading = undefined;
    if (wasLoaded) void this.ready().then(() => this.changed.fire());
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
