// The Review view: notes that touch the files changed on the current branch,
// and notes added on it. Needs git; without it, the view says why it is empty.

import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import type { LearningsService } from '../service';
import { gitApi, type GitRepository } from '../git';
import { noteTreeItem } from './noteItem';

const STATUS_ADDED = 1;

export type ReviewNode = { type: 'group'; id: 'touching' | 'added'; notes: Note[] } | { type: 'note'; note: Note };

/** Branches a feature branch is usually cut from, in the order they are tried. */
const BASE_CANDIDATES = ['origin/main', 'origin/master', 'main', 'master', 'origin/develop', 'develop'];

export class ReviewProvider implements vscode.TreeDataProvider<ReviewNode> {
  private readonly emitter = new vscode.EventEmitter<ReviewNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  view: vscode.TreeView<ReviewNode> | undefined;
  private watched = new WeakSet<GitRepository>();

  constructor(private readonly service: LearningsService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: ReviewNode): Promise<ReviewNode[]> {
    if (node) return node.type === 'group' ? node.notes.map((note) => ({ type: 'note' as const, note })) : [];
    const result = await this.compute();
    if (this.view) this.view.message = result.message;
    const groups: ReviewNode[] = [];
    if (result.touching.length) groups.push({ type: 'group', id: 'touching', notes: result.touching });
    if (result.added.length) groups.push({ type: 'group', id: 'added', notes: result.added });
    return groups;
  }

  getTreeItem(node: ReviewNode): vscode.TreeItem {
    if (node.type === 'note') return noteTreeItem(this.service, node.note);
    const label = node.id === 'touching' ? vscode.l10n.t('Notes on the changed files') : vscode.l10n.t('Notes added on this branch');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.description = String(node.notes.length);
    item.iconPath = new vscode.ThemeIcon(node.id === 'touching' ? 'git-compare' : 'diff-added');
    item.contextValue = `review:${node.id}`;
    return item;
  }

  async compute(): Promise<{ touching: Note[]; added: Note[]; message?: string; base?: string }> {
    if (!vscode.workspace.isTrusted) {
      return { touching: [], added: [], message: vscode.l10n.t('Review needs git, which does not run in Restricted Mode. Trust the workspace to see the notes on your changes.') };
    }
    const api = await gitApi();
    const repo = api?.getRepository(this.service.folder.uri) ?? api?.repositories[0];
    if (!api || !repo) {
      return { touching: [], added: [], message: vscode.l10n.t('Review needs a git repository: with git, it lists the notes on the files your branch changes and the notes added on it.') };
    }
    if (!this.watched.has(repo)) {
      this.watched.add(repo);
      repo.state.onDidChange(() => this.refresh());
    }
    const index = await this.service.ready();
    const base = await findBase(repo);
    if (!base) {
      return { touching: [], added: [], message: vscode.l10n.t('No base branch found (main, master or develop) to compare this branch with.') };
    }
    let changes: Awaited<ReturnType<GitRepository['diffWith']>>;
    try {
      changes = await repo.diffWith(base);
    } catch {
      return { touching: [], added: [], message: vscode.l10n.t('git could not compare this branch with {0}.', base) };
    }
    const changed = new Set<string>();
    const added: Note[] = [];
    for (const c of changes) {
      for (const uri of [c.uri, c.originalUri, c.renameUri]) {
        const p = uri ? this.service.relative(uri) : undefined;
        if (p) changed.add(p);
      }
      // `git diff BASE` reports a file new since the base as INDEX_ADDED (1) in the git extension's Status enum.
      const note = c.status === STATUS_ADDED ? index.get(this.service.relative(c.uri) ?? '') : undefined;
      if (note) added.push(note);
    }
    const touching = index.notes().filter((n) => n.anchors.some((a) => changed.has(a.path)));
    const message =
      touching.length + added.length === 0 ? vscode.l10n.t('No notes touch the files changed since {0}.', base) : vscode.l10n.t('Compared with {0}', base);
    return { touching, added, message, base };
  }
}

async function findBase(repo: GitRepository): Promise<string | undefined> {
  const head = repo.state.HEAD;
  const upstream = head?.upstream ? `${head.upstream.remote}/${head.upstream.name}` : undefined;
  for (const candidate of BASE_CANDIDATES) {
    if (candidate === head?.name || candidate === upstream) continue;
    try {
      const mergeBase = await repo.getMergeBase(candidate, 'HEAD');
      if (mergeBase) return mergeBase;
    } catch {
      // That branch does not exist here: try the next one.
    }
  }
  return undefined;
}
