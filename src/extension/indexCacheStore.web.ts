// The browser build's indexCacheStore (scripts/build.mjs resolves `.web.ts`
// first): VS Code for the Web has no local disk to stat notes on quickly, so
// every start loads the notes as the first one did.

import type * as vscode from 'vscode';
import type { IndexCacheStore } from './indexCacheStore';

export function indexCacheStore(_context: vscode.ExtensionContext, _folder: vscode.WorkspaceFolder, _notesFolder: string): IndexCacheStore | undefined {
  return undefined;
}
