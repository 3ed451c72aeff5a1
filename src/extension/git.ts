// The built-in git extension's API, when there is one and the workspace is
// trusted. Everything that uses it degrades to "not available" without it.

import * as vscode from 'vscode';

export interface GitChange {
  uri: vscode.Uri;
  originalUri: vscode.Uri;
  renameUri?: vscode.Uri;
  status: number;
}

export interface GitRepository {
  rootUri: vscode.Uri;
  state: {
    HEAD?: { name?: string; commit?: string; upstream?: { name: string; remote: string } };
    /** Changes not yet committed (the git extension's Status enum: 1 index added, 7 untracked, 9 intent to add). */
    indexChanges?: GitChange[];
    workingTreeChanges?: GitChange[];
    untrackedChanges?: GitChange[];
    onDidChange: vscode.Event<void>;
  };
  getConfig(key: string): Promise<string>;
  getGlobalConfig?(key: string): Promise<string>;
  diffWith(ref: string): Promise<GitChange[]>;
  getMergeBase(ref1: string, ref2: string): Promise<string | undefined>;
  getBranches?(query: { remote?: boolean }): Promise<Array<{ name?: string; remote?: string; commit?: string }>>;
  log?(options: { maxEntries?: number; path?: string }): Promise<Array<{ hash: string }>>;
}

export interface GitApi {
  repositories: GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  onDidOpenRepository: vscode.Event<GitRepository>;
  /** `uninitialized` while the git extension is still looking for repositories. */
  state?: 'uninitialized' | 'initialized';
  onDidChangeState?: vscode.Event<'uninitialized' | 'initialized'>;
}

export async function gitApi(): Promise<GitApi | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  const ext = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi; enabled?: boolean }>('vscode.git');
  if (!ext) return undefined;
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    if (exports.enabled === false) return undefined;
    return exports.getAPI(1);
  } catch {
    return undefined;
  }
}

/** The author for new notes: the setting, else git's user.name, else nothing. */
export async function authorName(configured: string, folder: vscode.Uri): Promise<string | undefined> {
  if (configured) return configured;
  const api = await gitApi();
  const repo = api?.getRepository(folder) ?? api?.repositories[0];
  if (!repo) return undefined;
  try {
    const name = (await repo.getConfig('user.name')).trim() || (await repo.getGlobalConfig?.('user.name'))?.trim();
    return name || undefined;
  } catch {
    return undefined;
  }
}
