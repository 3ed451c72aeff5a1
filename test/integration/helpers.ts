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

interface WorkspaceSnapshot {
  branch: string;
  commit: string;
  branches: Set<string>;
  /** The notes and topic pages the index holds. */
  files: string[];
}

/** The workspace as the runner made it (a fresh git copy of the fixture), recorded before the first suite that asks for it. */
let fixture: WorkspaceSnapshot | undefined;

async function indexedFiles(): Promise<string[]> {
  const index = await (await api()).service.ready();
  return [...index.notes().map((n) => n.path), ...index.pages().map((p) => p.path)].sort();
}

/** Puts git back to `to` (branch, commit, working tree, no branch it did not have), editors closed, and waits until the index has its notes again. */
async function resetTo(to: WorkspaceSnapshot): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
  await closeAllEditors();
  const clean = gitIn('status', '--porcelain', '--untracked-files=all') === '';
  const same = clean && gitIn('rev-parse', '--abbrev-ref', 'HEAD') === to.branch && gitIn('rev-parse', 'HEAD') === to.commit;
  if (!same) {
    gitIn('checkout', '-q', '-f', to.branch);
    gitIn('reset', '-q', '--hard', to.commit);
    gitIn('clean', '-q', '-fd');
  }
  for (const b of gitIn('branch', '--format=%(refname:short)').split('\n').filter(Boolean)) if (!to.branches.has(b)) gitIn('branch', '-q', '-D', b);
  const want = JSON.stringify(to.files);
  const before = new Set(to.files);
  let lastDiffer: string[] = [];
  await waitFor(() => `the index to have the notes of the fixture again (still differing: ${lastDiffer.join(', ')})`, async () => {
    const service = (await api()).service;
    await service.settled();
    const now = await indexedFiles();
    if (JSON.stringify(now) === want) return true;
    // The clean-up is not under test: a file created and removed inside one
    // watcher batch may never be reported, so the differing paths are re-read.
    const differ = [...now.filter((f) => !before.has(f)), ...to.files.filter((f) => !now.includes(f))];
    lastDiffer = differ;
    await service.refresh(differ);
    return false;
  }, 30_000);
}

/**
 * Gives the calling suite a fresh workspace, whatever the suites before it
 * did: before the suite (and again after it, for a suite after it that does
 * not ask) git is put back to the fixture as the runner committed it (branch,
 * commit, working tree, no other branch), unsaved editors reverted and
 * closed, and the index waited for until it has the fixture's notes. The
 * first suite that calls it records the fixture. When nothing changed, the
 * reset is a few git reads. Call inside `describe`.
 */
export function restoresWorkspace(): void {
  before(async function () {
    this.timeout(60_000);
    await (await api()).service.settled();
    if (!fixture) {
      fixture = {
        branch: gitIn('rev-parse', '--abbrev-ref', 'HEAD'),
        commit: gitIn('rev-parse', 'HEAD'),
        branches: new Set(gitIn('branch', '--format=%(refname:short)').split('\n').filter(Boolean)),
        files: await indexedFiles(),
      };
    } else {
      await resetTo(fixture);
    }
  });
  after(async function () {
    this.timeout(60_000);
    if (fixture) await resetTo(fixture);
  });
}
