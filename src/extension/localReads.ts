// Reading the notes folder from the Node extension host. `workspace.fs`
// costs a round trip to the workbench per call (VS Code's consumer file
// system awaits `$ensureActivation` before every stat and read), about
// 150-450 µs a call here: 3-4 s to load 10,000 notes, against under a
// second from node:fs. So where the folder is on this machine's disk (a
// `file:` URI: local, remote and WSL hosts alike), stat, the reads and the
// listing go to node:fs, with workspace.fs's rules: a folder reached through
// any symlink is neither listed nor resolved (as WorkspaceFileSystem does,
// which cannot tell where a symlink points), so what is indexed and refused
// is decided as before, without a round trip per folder; every write stays
// on workspace.fs.
// The browser build takes localReads.web.ts instead (see scripts/build.mjs).

import type * as vscode from 'vscode';
import { WriteRefusedError, type FileSystem } from '../core/fileSystem';
import { viaSymlink } from './workspaceFileSystem';
import { NodeFileSystem } from '../node/nodeFileSystem';

export function withLocalReads(fs: FileSystem, root: vscode.Uri): FileSystem {
  if (root.scheme !== 'file') return fs;
  const local = new NodeFileSystem(root.fsPath);
  return {
    readFile: (path) => local.readFile(path),
    readFileWithLimit: (path, maxBytes) => local.readFileWithLimit(path, maxBytes),
    readFilesWithLimit: (paths, maxBytes) => local.readFilesWithLimit(paths, maxBytes),
    stat: (path) => local.stat(path),
    // WorkspaceFileSystem.readDirectory and realPath, over lstat: any symlink on the way refuses.
    readDirectory: async (path) => ((await viaSymlink(local, path, true)) ? [] : local.readDirectory(path)),
    realPath: fs.realPath && (async (path) => ((await viaSymlink(local, path, true)) || !(await local.stat(path)) ? undefined : path)),
    writeFile: (path, data, options) => fs.writeFile(path, data, options),
    createDirectory: (path) => fs.createDirectory(path),
    delete: (path) => fs.delete(path),
    // A note rewritten in place takes the same lock and compare-and-swap as the CLI's (cli/guardedWrite.ts).
    replaceIfUnchanged: async (path, expected, data) => {
      if (await viaSymlink(fs, path)) throw new WriteRefusedError(`${path} leads out of the workspace through a symlinked folder: refused`);
      return local.replaceIfUnchanged(path, expected, data);
    },
  };
}
