// The extension's one model of the workspace: the core's LearningsWorkspace
// over workspace.fs, loaded the first time a view or editor feature asks,
// and kept current by a watcher on the notes folder only.

import * as vscode from 'vscode';
import { forEachLimited, LearningsWorkspace, listMarkdown } from '../core/index/workspace';
import { BatchQueue } from '../core/index/batchQueue';
import type { NoteIndex } from '../core/index/noteIndex';
import type { Note } from '../core/model';
import { WorkspaceFileSystem } from './workspaceFileSystem';
import { withLocalReads } from './localReads';
import { readConfig } from './config';
import { makeIndexCache, parseIndexCache } from '../core/index/indexCache';
import type { IndexCacheStore } from './indexCacheStore';
import { AnchorResolver } from './anchorResolver';
import { systemClock, type Clock } from '../core/dates';

/** File events arriving within this window are applied together: a branch switch is one refresh. */
const BATCH_MS = 60;
/** After the first load, when the search text of every note is made (10,000 notes: about 15 ms). */
const SEARCH_TEXT_DELAY_MS = 2000;
/** Quiet time after a change before the warm-start cache is written again. */
const CACHE_WRITE_DELAY_MS = 3000;
/** Longer than the watcher takes to coalesce events: see `refresh`. */
const RECHECK_MS = 1500;
/** Files re-read at once in a batch: a branch switch of thousands of notes never opens thousands of reads. */
const READ_CONCURRENCY = 32;

export class LearningsService implements vscode.Disposable {
  readonly fs: WorkspaceFileSystem;
  /** Resolves anchors for every surface, as `learnings check` does. */
  readonly anchors: AnchorResolver;
  /** What day it is for every surface of this folder (dashboard, digest, follow-ups, capture): the calendar unless a test sets another. */
  clock: Clock = systemClock;
  private workspace: LearningsWorkspace;
  private loading: Promise<NoteIndex> | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  /** Folders created or deleted under the notes folder: a branch switch or a move may report only the folder, not its files. */
  private folderWatcher: vscode.FileSystemWatcher | undefined;
  private readonly loadWaiters: Array<(index: NoteIndex) => void> = [];
  private readonly queue = new BatchQueue<string>((paths) => this.applyBatch(paths), {
    delayMs: BATCH_MS,
    onError: (err) => console.error(`Team Learnings: could not re-read changed notes: ${(err as Error)?.message ?? String(err)}`),
  });
  /** Timers still to fire (rechecks after our writes, the delayed search text): cleared on dispose. */
  private readonly rechecks = new Set<ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed, { dispose: () => this.queue.dispose() }];
  /** Fires once per batch of changes, after the index is updated. */
  readonly onDidChange = this.changed.event;

  private cacheStore: IndexCacheStore | undefined;
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;

  /** `cacheStoreFor`: where a warm-start cache for a notes folder lives (none: every start is cold). */
  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly cacheStoreFor: (notesFolder: string) => IndexCacheStore | undefined = () => undefined,
  ) {
    this.fs = new WorkspaceFileSystem(folder.uri);
    this.anchors = new AnchorResolver(this);
    this.disposables.push(this.anchors);
    this.workspace = new LearningsWorkspace(withLocalReads(this.fs, folder.uri), { folder: readConfig(folder.uri).folder });
    this.cacheStore = cacheStoreFor(this.workspace.layout.folder);
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('teamLearnings.folder', folder.uri)) this.reset();
      }),
    );
  }

  get layout() {
    return this.workspace.layout;
  }

  /** How the last load went: files read, and files taken from the warm-start cache. */
  get lastLoad() {
    return this.workspace.lastLoad;
  }

  get loaded(): boolean {
    return this.loading !== undefined;
  }

  /** The index, loading it on first use. */
  ready(): Promise<NoteIndex> {
    if (!this.loading) {
      this.startWatching();
      const store = this.cacheStore;
      const cache = store ? parseIndexCache(store.read(), store) : undefined;
      this.loading = this.workspace.load(store && cache ? { cache, stat: (paths) => store.stat(paths) } : undefined);
      const waiters = this.loadWaiters.splice(0);
      void this.loading.then((index) => {
        if (!cache || this.workspace.lastLoad.read > 0 || cache.size !== this.workspace.lastLoad.restored) this.scheduleCacheWrite();
        // The caller that needed the index (a view showing its first items)
        // goes first; those only waiting for it (diagnostics) a task later.
        setTimeout(() => waiters.forEach((w) => w(index)), 0);
        // The search text is made when the host is idle, not by the first search.
        const timer = setTimeout(() => {
          this.rechecks.delete(timer);
          index.prepareSearch();
        }, SEARCH_TEXT_DELAY_MS);
        this.rechecks.add(timer);
      });
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
    for (const p of paths) this.queue.add(p);
    await this.queue.flush();
    // The watcher reports nothing for a file created and deleted within one of
    // its batches: a file we just indexed is looked at again once that is over.
    const timer = setTimeout(() => {
      this.rechecks.delete(timer);
      for (const p of paths) this.queue.add(p);
    }, RECHECK_MS);
    this.rechecks.add(timer);
  }

  /** Resolves when every file event seen so far has been applied. */
  settled(): Promise<void> {
    return this.queue.settled();
  }

  private startWatching(): void {
    const pattern = new vscode.RelativePattern(this.folder, `${this.workspace.layout.folder}/**/*.md`);
    this.watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const queue = (uri: vscode.Uri) => {
      const path = this.relative(uri);
      if (path) this.queue.add(path);
    };
    this.watcher.onDidCreate(queue);
    this.watcher.onDidChange(queue);
    this.watcher.onDidDelete(queue);
    const folderPattern = new vscode.RelativePattern(this.folder, `{${this.workspace.layout.folder},${this.workspace.layout.folder}/**}`);
    this.folderWatcher = vscode.workspace.createFileSystemWatcher(folderPattern, false, true, false);
    const queueFolder = (uri: vscode.Uri) => {
      // Notes come from the other watcher; our own temporary files are not folders.
      if (!uri.path.endsWith('.md') && !uri.path.endsWith('.tmp')) queue(uri);
    };
    this.folderWatcher.onDidCreate(queueFolder);
    this.folderWatcher.onDidDelete(queueFolder);
    // A whole folder deleted (a branch switch) may come as one event for the folder.
    this.disposables.push(
      this.watcher,
      this.folderWatcher,
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(queue)),
    );
  }

  /** One batch of changed paths: re-read them, then tell the views once. */
  private async applyBatch(paths: string[]): Promise<void> {
    await this.loading;
    const index = this.workspace.index;
    const files = new Set(paths.filter((p) => p.endsWith('.md')));
    // A folder event stands for every file indexed under it (a folder deleted)
    // and every file now in it (a folder created or moved in).
    const folders = paths.filter((p) => !p.endsWith('.md'));
    if (folders.length > 0) {
      const known = [...index.notes().map((n) => n.path), ...index.pages().map((p) => p.path), ...index.problems().map((p) => p.file)];
      for (const file of known) {
        if (folders.some((f) => file.startsWith(`${f}/`))) files.add(file);
      }
      for (const folder of folders) {
        if ((await this.fs.stat(folder))?.type !== 'directory') continue;
        for (const file of await listMarkdown(this.fs, folder)) files.add(file.path);
      }
    }
    try {
      await forEachLimited([...files], READ_CONCURRENCY, (p) => this.workspace.refresh(p));
    } finally {
      this.changed.fire();
      this.scheduleCacheWrite();
    }
  }

  /** Writes the warm-start cache once things are quiet; a failure only costs the next start its speed. */
  private scheduleCacheWrite(): void {
    const store = this.cacheStore;
    if (!store) return;
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    const workspace = this.workspace;
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = undefined;
      void (async () => {
        if (workspace !== this.workspace) return;
        const entries = [...workspace.cacheEntries()];
        const stats = await store.stat(entries.map((e) => e.path));
        const statOf = new Map(entries.map((e, i) => [e.path, stats[i]]));
        store.write(JSON.stringify(makeIndexCache(entries, statOf, store)));
      })().catch((err) => console.error(`Team Learnings: could not write the index cache: ${(err as Error)?.message ?? String(err)}`));
    }, CACHE_WRITE_DELAY_MS);
  }

  private reset(): void {
    this.watcher?.dispose();
    this.folderWatcher?.dispose();
    this.workspace = new LearningsWorkspace(withLocalReads(this.fs, this.folder.uri), { folder: readConfig(this.folder.uri).folder });
    this.cacheStore = this.cacheStoreFor(this.workspace.layout.folder);
    const wasLoaded = this.loading !== undefined;
    this.loading = undefined;
    if (wasLoaded) void this.ready().then(() => this.changed.fire());
  }

  dispose(): void {
    for (const timer of this.rechecks) clearTimeout(timer);
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.watcher?.dispose();
    this.folderWatcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
