// One LearningsService (and its live anchors) per workspace folder: a
// multi-root workspace has every folder's notes served, each folder with its
// own notes folder setting, index and watcher. Nothing is read here: a
// service loads its notes the first time something asks for them.

import * as vscode from 'vscode';
import { LearningsService } from './service';
import type { IndexCacheStore } from './indexCacheStore';
import { LiveAnchors } from './editor/liveAnchors';

export interface FolderEntry {
  readonly folder: vscode.WorkspaceFolder;
  readonly service: LearningsService;
  readonly live: LiveAnchors;
  /** What was registered for this folder alone (its editor features), disposed when it leaves the workspace. */
  readonly subscriptions: vscode.Disposable[];
}

export class LearningsServices implements vscode.Disposable {
  private readonly entries = new Map<string, FolderEntry>();
  private readonly added = new vscode.EventEmitter<FolderEntry>();
  /** Fires for each folder added to the workspace after activation. */
  readonly onDidAddFolder = this.added.event;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the folders change, or when any folder's notes change. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.added, this.changed];
  /** Which folder each tree node shown in a view belongs to, so a command run on a node goes to its folder. */
  readonly owners = new WeakMap<object, FolderEntry>();

  /** `cacheStoreFor`: where each folder's warm-start index cache lives (none: every start is cold). */
  constructor(
    folders: readonly vscode.WorkspaceFolder[],
    private readonly cacheStoreFor: (folder: vscode.WorkspaceFolder, notesFolder: string) => IndexCacheStore | undefined = () => undefined,
  ) {
    for (const folder of folders) this.add(folder);
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const folder of e.removed) this.remove(folder);
        for (const folder of e.added) this.added.fire(this.add(folder));
        this.changed.fire();
      }),
    );
  }

  /** The first folder's: what a single-folder workspace has. */
  get primary(): FolderEntry {
    return this.all()[0];
  }

  all(): FolderEntry[] {
    return [...this.entries.values()].sort((a, b) => a.folder.index - b.folder.index);
  }

  /** The entry of the folder a URI is in (the innermost, as VS Code decides), or undefined. */
  forUri(uri: vscode.Uri | undefined): FolderEntry | undefined {
    if (!uri) return undefined;
    // `git:` documents (a diff's older side) carry the file's path.
    const target = uri.scheme === 'git' ? uri.with({ scheme: 'file', query: '' }) : uri;
    const folder = vscode.workspace.getWorkspaceFolder(target);
    return folder ? this.entries.get(folder.uri.toString()) : undefined;
  }

  /** The entry of the active editor's folder, else the first. */
  current(): FolderEntry {
    return this.forUri(vscode.window.activeTextEditor?.document.uri) ?? this.primary;
  }

  /**
   * The folder a command's argument is about: a Uri says; a tree node its
   * view's folder; a path, or nothing, means the active editor's folder.
   */
  forArg(arg: unknown): FolderEntry {
    if (arg instanceof vscode.Uri) return this.forUri(arg) ?? this.primary;
    const resource = (arg as { resourceUri?: unknown } | undefined)?.resourceUri;
    if (resource instanceof vscode.Uri) return this.forUri(resource) ?? this.primary;
    if (arg && typeof arg === 'object') return this.owners.get(arg) ?? this.primary;
    return this.current();
  }

  private add(folder: vscode.WorkspaceFolder): FolderEntry {
    const key = folder.uri.toString();
    const existing = this.entries.get(key);
    if (existing) return existing;
    const service = new LearningsService(folder, (notesFolder) => this.cacheStoreFor(folder, notesFolder));
    const live = new LiveAnchors(service);
    const entry: FolderEntry = { folder, service, live, subscriptions: [] };
    this.entries.set(key, entry);
    entry.subscriptions.push(service.onDidChange(() => this.changed.fire()));
    return entry;
  }

  private remove(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    const entry = this.entries.get(key);
    if (!entry || entry === this.primary) return; // the first folder's features hold on to it
    this.entries.delete(key);
    for (const d of entry.subscriptions) d.dispose();
    entry.live.dispose();
    entry.service.dispose();
  }

  dispose(): void {
    for (const entry of this.entries.values()) {
      for (const d of entry.subscriptions) d.dispose();
      entry.live.dispose();
      entry.service.dispose();
    }
    this.entries.clear();
    for (const d of this.disposables) d.dispose();
  }
}
