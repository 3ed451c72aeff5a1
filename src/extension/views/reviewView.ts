// The Review view: notes that touch the files changed on the current branch,
// and notes added on it (committed or not). On the base branch itself it
// shows the notes on uncommitted changes. Needs git; without it, the view
// says why it is empty. It follows the git extension as it opens the
// repository after a reload, trust being granted, and the base-branch setting.

import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import { shortCommit } from '../../core/anchors/gitHead';
import type { LearningsService } from '../service';
import { gitApi, type GitApi, type GitChange, type GitRepository } from '../git';
import { readConfig } from '../config';
import { noteTreeItem } from './noteItem';
import { Disposable } from '../disposable';

/** The git extension's Status enum: a file new in the index, untracked, or added with intent-to-add. */
const STATUS_ADDED = new Set([1, 7, 9]);

export type ReviewNode = { type: 'group'; id: 'touching' | 'added'; notes: Note[] } | { type: 'note'; note: Note };

/** Tried in this order when the setting names no base branch. */
const BASE_CANDIDATES = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master', 'origin/develop', 'develop'];

export interface ReviewResult {
  touching: Note[];
  added: Note[];
  message?: string;
  /** The current branch's name (a short hash when detached). */
  branch?: string;
  /** The branch compared with; undefined on the base branch itself (uncommitted changes only). */
  base?: string;
}

export class ReviewProvider extends Disposable implements vscode.TreeDataProvider<ReviewNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<ReviewNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  view: vscode.TreeView<ReviewNode> | undefined;
  private readonly watched = new WeakSet<GitRepository>();
  private watchedApi: GitApi | undefined;
  /** What the top of the view was last drawn from. */
  last: ReviewResult | undefined;

  constructor(private readonly service: LearningsService) {
    super();
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('teamLearnings.review.baseBranch', service.folder.uri)) this.refresh();
      }),
    );
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: ReviewNode): Promise<ReviewNode[]> {
    if (node) return node.type === 'group' ? node.notes.map((note) => ({ type: 'note' as const, note })) : [];
    const result = await this.compute();
    this.last = result;
    if (this.view) {
      this.view.message = result.message;
      this.view.description = result.branch;
    }
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

  async compute(): Promise<ReviewResult> {
    if (!vscode.workspace.isTrusted) {
      return { touching: [], added: [], message: vscode.l10n.t('Review needs git, which does not run in Restricted Mode. Trust the workspace to see the notes on your changes.') };
    }
    const api = await gitApi();
    if (api) this.watchApi(api);
    const repo = api?.getRepository(this.service.folder.uri) ?? api?.repositories[0];
    if (api && !repo && api.state === 'uninitialized') {
      return { touching: [], added: [], message: vscode.l10n.t('Waiting for git to open the repository…') };
    }
    if (!api || !repo) {
      return { touching: [], added: [], message: vscode.l10n.t('Review needs a git repository: with git, it lists the notes on the files your branch changes and the notes added on it.') };
    }
    if (!this.watched.has(repo)) {
      this.watched.add(repo);
      this._register(repo.state.onDidChange(() => this.refresh()));
    }
    const index = await this.service.afterFirstRows();
    const head = repo.state.HEAD;
    const branch = head?.name ?? (head?.commit ? shortCommit(head.commit) : undefined);
    const base = await findBase(repo, readConfig(this.service.folder.uri).reviewBaseBranch);
    let changes: GitChange[] = [];
    if (base) {
      try {
        changes = await repo.diffWith(base.mergeBase);
      } catch {
        return { touching: [], added: [], branch, message: vscode.l10n.t('git could not compare {0} with {1}.', branch ?? 'HEAD', base.name) };
      }
    }
    // Not yet committed (untracked notes above all): `git diff BASE` does not see them.
    const pending = [...(repo.state.indexChanges ?? []), ...(repo.state.workingTreeChanges ?? []), ...(repo.state.untrackedChanges ?? [])];
    const changed = new Set<string>();
    const added = new Map<string, Note>();
    for (const c of [...changes, ...pending]) {
      for (const uri of [c.uri, c.originalUri, c.renameUri]) {
        const p = uri ? this.service.relative(uri) : undefined;
        if (p) changed.add(p);
      }
      const note = STATUS_ADDED.has(c.status) ? index.get(this.service.relative(c.uri) ?? '') : undefined;
      if (note) added.set(note.path, note);
    }
    const touching = index.notes().filter((n) => !added.has(n.path) && n.anchors.some((a) => changed.has(a.path)));
    const found = touching.length + added.size > 0;
    const message = base
      ? found
        ? vscode.l10n.t('{0} compared with {1}', branch ?? 'HEAD', base.name)
        : vscode.l10n.t('No notes touch the files {0} changed since {1}.', branch ?? 'HEAD', base.name)
      : found
        ? vscode.l10n.t('On {0}: notes on the changes not yet committed. To compare with another branch, set teamLearnings.review.baseBranch.', branch ?? 'HEAD')
        : vscode.l10n.t('On {0}: no notes on the changes not yet committed. On a branch of your own, Review lists the notes on what it changes.', branch ?? 'HEAD');
    return { touching, added: [...added.values()], message, branch, base: base?.name };
  }

  /** Refreshes when the git extension opens a repository (after a reload it starts after us). */
  private watchApi(api: GitApi): void {
    if (this.watchedApi === api) return;
    this.watchedApi = api;
    this._register(api.onDidOpenRepository(() => this.refresh()));
    if (api.onDidChangeState) this._register(api.onDidChangeState(() => this.refresh()));
  }
}

/**
 * The branch to compare with and its merge base with HEAD: the configured
 * one, else the first candidate that exists and is not the current branch.
 * Undefined on the base branch itself.
 */
async function findBase(repo: GitRepository, configured: string): Promise<{ name: string; mergeBase: string } | undefined> {
  const head = repo.state.HEAD;
  const upstream = head?.upstream ? `${head.upstream.remote}/${head.upstream.name}` : undefined;
  for (const candidate of configured ? [configured] : BASE_CANDIDATES) {
    if (candidate === head?.name || candidate === upstream) continue;
    try {
      const mergeBase = await repo.getMergeBase(candidate, 'HEAD');
      // On the base branch (or behind it), the merge base is HEAD itself: nothing to compare.
      if (mergeBase && mergeBase !== head?.commit) return { name: candidate === 'origin/HEAD' ? await remoteHeadName(repo, candidate) : candidate, mergeBase };
    } catch {
      // That branch does not exist here: try the next one.
    }
  }
  return undefined;
}

/**
 * `origin/HEAD` by the branch of that remote it points at (origin/main), when
 * git says: a local branch on the same commit is not its name.
 */
async function remoteHeadName(repo: GitRepository, ref: string): Promise<string> {
  try {
    const remote = ref.slice(0, ref.indexOf('/'));
    // The merge base of a ref with itself is the commit it points at.
    const commit = await repo.getMergeBase(ref, ref);
    const branches = (await repo.getBranches?.({ remote: true })) ?? [];
    const same = branches.find((b) => b.name && b.name !== ref && b.name.startsWith(`${remote}/`) && b.commit === commit);
    return commit && same?.name ? same.name : ref;
  } catch {
    return ref;
  }
}
