// Shared by the integration suites: the extension's API, the workspace, waiting.

import * as vscode from 'vscode';
import type { TeamLearningsApi } from '../../src/extension/extension';

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
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
