// The Topics and This File views over every folder of a multi-root
// workspace. Topics: with one folder that has notes, its topics at the top
// as before; with several, one row per folder and its topics under it.
// This File: the notes of the folder the active file is in. Each folder's
// own provider does the work; this only groups and routes.

import * as vscode from 'vscode';
import type { LearningsServices, FolderEntry } from '../services';
import { TopicsProvider, type TopicsNode } from './topicsView';
import { ThisFileProvider, type ThisFileNode } from './thisFileView';
import { Disposable } from '../disposable';
import { editorInView } from './editorInView';

export type FolderTopicsNode = TopicsNode | { type: 'folder'; entry: FolderEntry };

export class FolderTopicsProvider extends Disposable implements vscode.TreeDataProvider<FolderTopicsNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<FolderTopicsNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly providers = new Map<FolderEntry, TopicsProvider>();
  private readonly folderNodes = new Map<FolderEntry, FolderTopicsNode>();
  private grouped = false;

  constructor(
    private readonly services: LearningsServices,
    /** The first folder's provider, which the rest of the extension knows as `views.topics`. */
    primary: TopicsProvider,
  ) {
    super();
    this.providers.set(services.primary, primary);
    // The first folder's provider is refreshed by the views' own wiring; each other folder's when its notes change.
    this._registerAll(
      primary.onDidChangeTreeData(() => this.emitter.fire(undefined)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.emitter.fire(undefined)),
    );
  }

  private provider(entry: FolderEntry): TopicsProvider {
    let p = this.providers.get(entry);
    if (!p) {
      const created = this._register(new TopicsProvider(entry.service));
      this.providers.set(entry, created);
      this._registerAll(entry.service.onDidChange(() => created.refresh()), created.onDidChangeTreeData(() => this.emitter.fire(undefined)));
      p = created;
    }
    return p;
  }

  async getChildren(node?: FolderTopicsNode): Promise<FolderTopicsNode[]> {
    if (!node) {
      const entries = this.services.all();
      if (entries.length === 1) {
        this.grouped = false;
        return this.own(entries[0], await this.provider(entries[0]).getChildren());
      }
      // Only folders with notes get a row; the others would be empty.
      const withNotes: FolderEntry[] = [];
      for (const entry of entries) {
        const index = await entry.service.ready();
        if (index.notes().length > 0 || index.pages().length > 0) withNotes.push(entry);
      }
      this.grouped = withNotes.length > 1;
      if (!this.grouped) return withNotes.length ? this.own(withNotes[0], await this.provider(withNotes[0]).getChildren()) : [];
      return withNotes.map((entry) => this.folderNode(entry));
    }
    if (node.type === 'folder') return this.own(node.entry, await this.provider(node.entry).getChildren());
    const entry = this.services.owners.get(node) ?? this.services.primary;
    return this.own(entry, await this.provider(entry).getChildren(node));
  }

  getParent(node: FolderTopicsNode): FolderTopicsNode | undefined {
    if (node.type === 'folder') return undefined;
    const entry = this.services.owners.get(node) ?? this.services.primary;
    const parent = this.provider(entry).getParent(node);
    if (parent) return this.own(entry, [parent])[0];
    return this.grouped ? this.folderNode(entry) : undefined;
  }

  getTreeItem(node: FolderTopicsNode): vscode.TreeItem {
    if (node.type === 'folder') {
      const item = new vscode.TreeItem(node.entry.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.entry.folder.uri.toString()}`;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.resourceUri = node.entry.folder.uri;
      item.contextValue = 'folder';
      return item;
    }
    const entry = this.services.owners.get(node) ?? this.services.primary;
    const item = this.provider(entry).getTreeItem(node);
    if (entry !== this.services.primary && item.id) item.id = `${entry.folder.uri.toString()}\u0000${item.id}`;
    // With several folders a note opens by its URI, which says which folder.
    if (this.services.all().length > 1 && node.type === 'note' && item.command) item.command = { ...item.command, arguments: [entry.service.uriOf(node.note.path)] };
    return item;
  }

  /** The node of a topic in the first folder, for `TreeView.reveal`. */
  nodeFor(slug: string): Promise<TopicsNode | undefined> {
    return this.provider(this.services.primary).nodeFor(slug);
  }

  private own(entry: FolderEntry, nodes: FolderTopicsNode[]): FolderTopicsNode[] {
    for (const n of nodes) this.services.owners.set(n, entry);
    return nodes;
  }

  private folderNode(entry: FolderEntry): FolderTopicsNode {
    let node = this.folderNodes.get(entry);
    if (!node) {
      node = { type: 'folder', entry };
      this.folderNodes.set(entry, node);
    }
    return node;
  }
}

/** This File for the folder of the active file. */
export class FolderThisFileProvider extends Disposable implements vscode.TreeDataProvider<ThisFileNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<ThisFileNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly providers = new Map<FolderEntry, ThisFileProvider>();

  constructor(
    private readonly services: LearningsServices,
    primary: ThisFileProvider,
  ) {
    super();
    this.providers.set(services.primary, primary);
    this._registerAll(primary.onDidChangeTreeData(() => this.emitter.fire(undefined)));
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  private provider(entry: FolderEntry): ThisFileProvider {
    let p = this.providers.get(entry);
    if (!p) {
      p = this._register(new ThisFileProvider(entry.service, entry.live));
      this.providers.set(entry, p);
      this._registerAll(entry.live.onDidChange(() => this.refresh()), entry.service.onDidChange(() => this.refresh()));
    }
    return p;
  }

  async getChildren(node?: ThisFileNode): Promise<ThisFileNode[]> {
    const entry = node ? (this.services.owners.get(node) ?? this.services.primary) : this.activeEntry();
    const nodes = await this.provider(entry).getChildren(node);
    for (const n of nodes) this.services.owners.set(n, entry);
    return nodes;
  }

  getTreeItem(node: ThisFileNode): vscode.TreeItem {
    const entry = this.services.owners.get(node) ?? this.services.primary;
    const item = this.provider(entry).getTreeItem(node);
    if (this.services.all().length > 1 && node.type === 'note' && item.command) {
      item.command = { ...item.command, arguments: [entry.service.uriOf(node.note.path)] };
    }
    return item;
  }

  private activeEntry(): FolderEntry {
    const editor = editorInView();
    return this.services.forUri(editor?.document.uri) ?? this.services.primary;
  }
}

/** A folder's row in a view grouped by folder. */
export class FolderRow {
  constructor(readonly entry: FolderEntry) {}
}

/** What a folder's own provider of Follow-ups, Review or attention offers. */
interface FolderProvider<N> extends vscode.TreeDataProvider<N> {
  refresh(): void;
  onDidChangeTreeData: vscode.Event<N | undefined>;
  getChildren(node?: N): vscode.ProviderResult<N[]>;
}

/**
 * Follow-ups, Review and Anchors Needing Attention over every folder: with
 * one folder, its provider as it is; with several, the folders that have
 * rows, each under its own row when more than one does.
 */
export class FolderGroupedProvider<N extends object, P extends FolderProvider<N> = FolderProvider<N>> extends Disposable implements vscode.TreeDataProvider<N | FolderRow> {
  private readonly emitter = this._register(new vscode.EventEmitter<N | FolderRow | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly providers = new Map<FolderEntry, P>();
  private readonly rows = new Map<FolderEntry, FolderRow>();
  /** Each folder's top rows, from the last time the view's top was drawn. */
  private readonly roots = new Map<FolderEntry, N[]>();
  view: vscode.TreeView<N | FolderRow> | undefined;

  constructor(
    private readonly services: LearningsServices,
    primary: P,
    private readonly create: (entry: FolderEntry) => P,
    /** Sets the view's message or badge from what each shown folder has (several folders only). */
    private readonly summarize?: (view: vscode.TreeView<N | FolderRow> | undefined, shown: Array<{ entry: FolderEntry; provider: P; rows: N[] }>, grouped: boolean) => void,
  ) {
    super();
    this.providers.set(services.primary, primary);
    this._registerAll(
      primary.onDidChangeTreeData(() => this.emitter.fire(undefined)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.emitter.fire(undefined)),
    );
  }

  /** Each folder's provider (the first folder's is the one given). */
  provider(entry: FolderEntry): P {
    let p = this.providers.get(entry);
    if (!p) {
      const created = this.create(entry);
      this.providers.set(entry, created);
      this._registerAll(entry.service.onDidChange(() => created.refresh()), created.onDidChangeTreeData(() => this.emitter.fire(undefined)));
      if (isDisposable(created)) this._register(created);
      p = created;
    }
    return p;
  }

  refresh(): void {
    for (const p of this.providers.values()) p.refresh();
    this.emitter.fire(undefined);
  }

  async getChildren(node?: N | FolderRow): Promise<Array<N | FolderRow>> {
    if (node instanceof FolderRow) return this.roots.get(node.entry) ?? this.own(node.entry, (await this.provider(node.entry).getChildren()) ?? []);
    if (node) {
      const entry = this.services.owners.get(node) ?? this.services.primary;
      return this.own(entry, (await this.provider(entry).getChildren(node)) ?? []);
    }
    const entries = this.services.all();
    if (entries.length === 1) return this.own(entries[0], (await this.provider(entries[0]).getChildren()) ?? []);
    this.roots.clear();
    const shown: Array<{ entry: FolderEntry; provider: P; rows: N[] }> = [];
    for (const entry of entries) {
      const index = await entry.service.ready();
      if (index.notes().length === 0) continue;
      const provider = this.provider(entry);
      const rows = this.own(entry, (await provider.getChildren()) ?? []);
      this.roots.set(entry, rows);
      if (rows.length > 0) shown.push({ entry, provider, rows });
    }
    const grouped = shown.length > 1;
    this.summarize?.(this.view, shown, grouped);
    if (!grouped) return shown[0]?.rows ?? [];
    return shown.map(({ entry }) => this.folderRow(entry));
  }

  getTreeItem(node: N | FolderRow): vscode.TreeItem | Thenable<vscode.TreeItem> {
    if (node instanceof FolderRow) {
      const item = new vscode.TreeItem(node.entry.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.entry.folder.uri.toString()}`;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.resourceUri = node.entry.folder.uri;
      item.description = String(this.roots.get(node.entry)?.length ?? '');
      item.contextValue = 'folder';
      return item;
    }
    const entry = this.services.owners.get(node) ?? this.services.primary;
    const several = this.services.all().length > 1;
    return Promise.resolve(this.provider(entry).getTreeItem(node)).then((item) => {
      if (!several) return item;
      if (entry !== this.services.primary && item.id) item.id = `${entry.folder.uri.toString()}\u0000${item.id}`;
      // A note path names no folder: with several, the row's command gets its URI.
      const first = item.command?.arguments?.[0];
      if (item.command && typeof first === 'string') item.command = { ...item.command, arguments: [entry.service.uriOf(first), ...item.command.arguments!.slice(1)] };
      return item;
    });
  }

  private own(entry: FolderEntry, nodes: N[]): N[] {
    for (const n of nodes) this.services.owners.set(n, entry);
    return nodes;
  }

  private folderRow(entry: FolderEntry): FolderRow {
    let row = this.rows.get(entry);
    if (!row) {
      row = new FolderRow(entry);
      this.rows.set(entry, row);
    }
    return row;
  }
}

function isDisposable(value: unknown): value is vscode.Disposable {
  return typeof (value as { dispose?: unknown }).dispose === 'function';
}
