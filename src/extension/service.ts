// The extension's one model of the workspace: the core's LearningsWorkspace
// over workspace.fs, loaded the first time a view or editor feature asks,
// and kept current by a watcher on the notes folder only.

import * as vscode from 'vscode';
import { LearningsWorkspace } from '../core/index/workspace';
import { BatchQueue } from '../core/index/batchQueue';
import type { NoteIndex } from '../core/index/noteIndex';
import type { Note } from '../core/model';
import { WorkspaceFileSystem } from './workspaceFileSystem';
import { withLocalReads } from './localReads';
import { readConfig } from './config';
import { makeIndexCache, makeIndexHead, parseIndexCache, parseIndexHead } from '../core/index/indexCache';
import type { IndexCacheStore } from './indexCacheStore';
import { sameTopicTree, type Topic } from '../core/topics/topics';
import { AnchorResolver } from './anchorResolver';
import { Disposable, DisposableStore } from './disposable';
import { systemClock, type Clock } from '../core/dates';

/** What the Topics view's first rows are drawn from: the index, or on a warm start the topic tree kept with its cache. */
export interface TopicRows {
  topics(): Topic[];
}

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
/** After the Topics view handed out its first rows, what waits for them (see afterFirstRows) waits this much longer: the workbench draws them meanwhile. */
const FIRST_ROWS_HEAD_START_MS = 100;
/** When no Topics view asks (it is collapsed, or another view opened first), how long after the first load the rest waits. */
const FIRST_ROWS_FALLBACK_MS = 300;
/** How long the validation of a warm-start cache waits for a Topics view that never asks. */
const HEAD_VALIDATE_FALLBACK_MS = 300;

export class LearningsService extends Disposable {
  readonly fs: WorkspaceFileSystem;
  /** Resolves anchors for every surface, as `learnings check` does. */
  readonly anchors: AnchorResolver;
  /** What day it is for every surface of this folder (dashboard, digest, follow-ups, capture): the calendar unless a test sets another. */
  clock: Clock = systemClock;
  private workspace: LearningsWorkspace;
  private loading: Promise<NoteIndex> | undefined;
  /** The watchers of the notes folder and their listeners: replaced when the folder setting changes. */
  private readonly watching = this._register(new DisposableStore());
  private readonly loadWaiters: Array<(index: NoteIndex) => void> = [];
  private readonly queue = new BatchQueue<string>((paths) => this.applyBatch(paths), {
    delayMs: BATCH_MS,
    onError: (err) => console.error(`Team Learnings: could not re-read changed notes: ${(err as Error)?.message ?? String(err)}`),
  });
  /** Timers still to fire (rechecks after our writes, the delayed search text): cleared on dispose. */
  private readonly rechecks = new Set<ReturnType<typeof setTimeout>>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires once per batch of changes, after the index is updated. */
  readonly onDidChange = this.changed.event;

  private cacheStore: IndexCacheStore | undefined;
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves once the first Topics rows are served (or the fallback time after the first load is over). */
  private firstRows: Promise<void> | undefined;
  private openFirstRows: (() => void) | undefined;
  /** Set while rows drawn from the cache's head wait to be served; see afterHeadRows. */
  private headRowsServed: (() => void) | undefined;
  /** The index restored from the warm-start cache, before it is validated; see firstRowsIndex. */
  private early: Promise<TopicRows> | undefined;

  /** `cacheStoreFor`: where a warm-start cache for a notes folder lives (none: every start is cold). */
  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly cacheStoreFor: (notesFolder: string) => IndexCacheStore | undefined = () => undefined,
  ) {
    super();
    this._register({ dispose: () => this.queue.dispose() });
    this.fs = new WorkspaceFileSystem(folder.uri);
    this.anchors = this._register(new AnchorResolver(this));
    this.workspace = new LearningsWorkspace(withLocalReads(this.fs, folder.uri), { folder: readConfig(folder.uri).folder });
    this.cacheStore = cacheStoreFor(this.workspace.layout.folder);
    this._register(
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
      // With a warm-start cache, the Topics view's first rows are drawn from its head (the topic
      // tree) at once (firstRowsIndex); the load that reads the cache and validates it (listing,
      // a stat of every file, reading what changed) waits until those rows are out (afterHeadRows).
      const head = store ? parseIndexHead(store.readHead(), store) : undefined;
      const workspace = this.workspace;
      const headRows: TopicRows | undefined = head && head.length > 0 ? { topics: () => head } : undefined;
      this.early = headRows ? Promise.resolve(headRows) : undefined;
      let cached = 0;
      const load = () => {
        const cache = store ? parseIndexCache(store.read(), store) : undefined;
        cached = cache?.size ?? 0;
        return workspace.load(store && cache ? { cache, stat: (paths: string[]) => store.stat(paths) } : undefined);
      };
      this.loading = headRows ? this.afterHeadRows().then(load) : load();
      const waiters = this.loadWaiters.splice(0);
      void this.loading.then((index) => {
        if (head && headRows && workspace === this.workspace) {
          // From now on the validated index serves the rows; those drawn from the head are
          // redrawn if it showed anything else (a note changed, added or deleted meanwhile).
          this.early = undefined;
          if (!sameTopicTree(head, index.topics())) this.changed.fire();
        }
        if (!cached || workspace.lastLoad.read > 0 || cached !== workspace.lastLoad.restored) this.scheduleCacheWrite();
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

  /**
   * The index, for work that no first row of the Topics view waits for
   * (the other views of the sidebar, the Problems view, the status bar, the
   * whole-workspace anchor check): it resolves once the Topics view has
   * served its first rows after the first load, so that at start-up those
   * rows are not queued behind the rest; from then on, as soon as loaded.
   */
  async afterFirstRows(): Promise<NoteIndex> {
    const index = await this.ready();
    await this.firstRowsGate();
    return index;
  }

  /**
   * Resolves when the rows drawn from the cache's head have left the host: the load that
   * validates the cache (parsing it, a stat of every file) would otherwise hold the host
   * before they are sent. Once the Topics view has served them, with a head start to draw
   * them; soon, when the view never asks.
   */
  private afterHeadRows(): Promise<void> {
    return new Promise<void>((resolve) => {
      const later = (ms: number) => {
        const timer = setTimeout(() => {
          this.rechecks.delete(timer);
          this.headRowsServed = undefined;
          resolve();
        }, ms);
        this.rechecks.add(timer);
        return timer;
      };
      const fallback = later(HEAD_VALIDATE_FALLBACK_MS);
      this.headRowsServed = () => {
        clearTimeout(fallback);
        this.rechecks.delete(fallback);
        later(FIRST_ROWS_HEAD_START_MS);
      };
    });
  }

  /** Called by the Topics view when it has handed out its first root rows. */
  firstRowsServed(): void {
    const served = this.headRowsServed;
    this.headRowsServed = undefined;
    served?.();
    const open = this.openFirstRows;
    if (!open) return;
    this.openFirstRows = undefined;
    // A task later (the rows still travel to the workbench), and a head start to draw them.
    const timer = setTimeout(() => {
      this.rechecks.delete(timer);
      open();
    }, FIRST_ROWS_HEAD_START_MS);
    this.rechecks.add(timer);
  }

  private firstRowsGate(): Promise<void> {
    if (!this.firstRows) {
      this.firstRows = new Promise<void>((resolve) => (this.openFirstRows = resolve));
      void this.ready().then(() => {
        const timer = setTimeout(() => {
          this.rechecks.delete(timer);
          const open = this.openFirstRows;
          this.openFirstRows = undefined;
          open?.();
        }, FIRST_ROWS_FALLBACK_MS);
        this.rechecks.add(timer);
      });
    }
    return this.firstRows;
  }

  /**
   * The index for the Topics view's first rows. With a warm-start cache,
   * what the cache holds, before the load has validated it (a stat of every
   * file): when that finds a file changed, added or deleted, onDidChange
   * fires and the views show what is on disk. Everything else waits for
   * ready(), which is the validated index.
   */
  firstRowsIndex(): Promise<TopicRows> {
    const loading = this.ready();
    return this.early ?? loading;
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
    const watching = this.watching;
    const watcher = watching.add(vscode.workspace.createFileSystemWatcher(pattern));
    const queue = (uri: vscode.Uri) => {
      const path = this.relative(uri);
      if (path) this.queue.add(path);
    };
    watching.add(watcher.onDidCreate(queue));
    watching.add(watcher.onDidChange(queue));
    watching.add(watcher.onDidDelete(queue));
    const folderPattern = new vscode.RelativePattern(this.folder, `{${this.workspace.layout.folder},${this.workspace.layout.folder}/**}`);
    const folderWatcher = watching.add(vscode.workspace.createFileSystemWatcher(folderPattern, false, true, false));
    const queueFolder = (uri: vscode.Uri) => {
      // Notes come from the other watcher; our own temporary files are not folders.
      if (!uri.path.endsWith('.md') && !uri.path.endsWith('.tmp')) queue(uri);
    };
    watching.add(folderWatcher.onDidCreate(queueFolder));
    watching.add(folderWatcher.onDidDelete(queueFolder));
    // A whole folder deleted (a branch switch) may come as one event for the folder.
    watching.add(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(queue)));
  }

  /** One batch of changed paths: re-read them, then tell the views once. */
  private async applyBatch(paths: string[]): Promise<void> {
    await this.loading;
    try {
      // A folder's path stands for its files (the workspace expands it).
      await this.workspace.refreshAll(paths, READ_CONCURRENCY);
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
        const cache = makeIndexCache(entries, statOf, store);
        store.write(JSON.stringify(cache), JSON.stringify(makeIndexHead(cache)));
      })().catch((err) => console.error(`Team Learnings: could not write the index cache: ${(err as Error)?.message ?? String(err)}`));
    }, CACHE_WRITE_DELAY_MS);
  }

  private reset(): void {
    // The old folder's watchers and listeners go (the next load watches the new folder).
    this.watching.clear();
    this.workspace = new LearningsWorkspace(withLocalReads(this.fs, this.folder.uri), { folder: readConfig(this.folder.uri).folder });
    this.cacheStore = this.cacheStoreFor(this.workspace.layout.folder);
    const wasLoaded = this.loading !== undefined;
    this.loading = undefined;
    this.early = undefined;
    if (wasLoaded) void this.ready().then(() => this.changed.fire());
  }

  override dispose(): void {
    for (const timer of this.rechecks) clearTimeout(timer);
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    super.dispose();
  }
}
