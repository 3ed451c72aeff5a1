// Shared by the integration suites: the extension's API, the workspace, waiting.

import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { TeamLearningsApi } from '../../src/extension/extension';
import { fixedClock, type Clock } from '../../src/core/dates';
import type { LearningsService } from '../../src/extension/service';

export const EXTENSION_ID = 'team-learnings.team-learnings';

export async function api(): Promise<TeamLearningsApi> {
  const ext = vscode.extensions.getExtension<TeamLearningsApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const exports = ext.isActive ? ext.exports : await ext.activate();
  if (!exports) throw new Error('the extension returned no API: is a folder open?');
  return exports;
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return folder.uri;
}

export function uri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...path.split('/'));
}

export async function writeText(path: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri(path), new TextEncoder().encode(text));
}

export async function readText(path: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(path)));
}

export async function remove(path: string): Promise<void> {
  await vscode.workspace.fs.delete(uri(path), { useTrash: false }).then(undefined, () => undefined);
}

/** Polls until `check` returns a value other than undefined/false, or fails after `ms`. */
export async function waitFor<T>(what: string | (() => string), check: () => T | undefined | false | Promise<T | undefined | false>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Fixes the day every surface of every folder sees (the services' clock) for
 * the calling suite, and gives the calendar back after it: no assertion
 * depends on the day the suite runs. Call inside `describe`.
 */
export function fixesToday(day: string): void {
  const saved = new Map<LearningsService, Clock>();
  before(async () => {
    for (const { service } of (await api()).services.all()) {
      saved.set(service, service.clock);
      service.clock = fixedClock(day);
    }
  });
  after(() => {
    for (const [service, clock] of saved) service.clock = clock;
    saved.clear();
  });
}

function gitIn(...args: string[]): string {
  return execFileSync('git', ['-C', root().fsPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' },
  }).trim();
}

/**
 * Gives the calling suite the workspace as it found it, and the next suite
 * too: records the branch, the commit and the notes before the suite, and
 * after it puts git back (branch, commit, working tree, branches it made) and
 * waits until the index has the same notes again. Call inside `describe`.
 */
export function restoresWorkspace(): void {
  let snapshot: { branch: string; commit: string; branches: Set<string>; files: string[] } | undefined;
  const files = async () => {
    const index = await (await api()).service.ready();
    return [...index.notes().map((n) => n.path), ...index.pages().map((p) => p.path)].sort();
  };
  before(async () => {
    await (await api()).service.settled();
    snapshot = {
      branch: gitIn('rev-parse', '--abbrev-ref', 'HEAD'),
      commit: gitIn('rev-parse', 'HEAD'),
      branches: new Set(gitIn('branch', '--format=%(refname:short)').split('\n').filter(Boolean)),
      files: await files(),
    };
  });
  after(async function () {
    this.timeout(60_000);
    if (!snapshot) return;
    await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
    await closeAllEditors();
    gitIn('checkout', '-q', '-f', snapshot.branch);
    gitIn('reset', '-q', '--hard', snapshot.commit);
    gitIn('clean', '-q', '-fd');
    for (const b of gitIn('branch', '--format=%(refname:short)').split('\n').filter(Boolean)) if (!snapshot.branches.has(b)) gitIn('branch', '-q', '-D', b);
    const want = JSON.stringify(snapshot.files);
    const before = new Set(snapshot.files);
    let lastDiffer: string[] = [];
    await waitFor(() => `the index to have the notes of before the suite again (still differing: ${lastDiffer.join(', ')})`, async () => {
      const service = (await api()).service;
      await service.settled();
      const now = await files();
      if (JSON.stringify(now) === want) return true;
      // The clean-up is not under test: a file created and removed inside one
      // watcher batch may never be reported, so the differing paths are re-read.
      const differ = [...now.filter((f) => !before.has(f)), ...snapshot!.files.filter((f) => !now.includes(f))];
      lastDiffer = differ;
      await service.refresh(differ);
      return false;
    }, 30_000);
  });
}
