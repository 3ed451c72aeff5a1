// The browser build's localReads (scripts/build.mjs resolves `.web.ts`
// first): VS Code for the Web has no local disk, so every read stays on
// workspace.fs.

import type * as vscode from 'vscode';
import type { FileSystem } from '../core/fileSystem';

export function withLocalReads(fs: FileSystem, _root: vscode.Uri): FileSystem {
  return fs;
}
