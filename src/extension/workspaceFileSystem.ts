// The core's FileSystem over `vscode.workspace.fs`, rooted at a workspace
// folder: works on the desktop, in remote hosts and in VS Code for the Web.

import * as vscode from 'vscode';
import { FileExistsError, type FileStat, type FileSystem } from '../core/fileSystem';

export class WorkspaceFileSystem implements FileSystem {
  constructor(readonly root: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return path === '' ? this.root : vscode.Uri.joinPath(this.root, ...path.split('/'));
  }

  /** The workspace-relative path of a URI inside the root, or undefined. */
  relative(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.root.scheme || uri.authority !== this.root.authority) return undefined;
    const root = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    return uri.path.startsWith(root) ? uri.path.slice(root.length) : undefined;
  }

  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(this.uri(path));
  }

  async writeFile(path: string, data: Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
    const uri = this.uri(path);
    if (options.exclusive) {
      // workspace.fs has no exclusive create: the check and the write are as
      // close as the API allows, and `create: true, overwrite: false` refuses
      // when the file appeared in between.
      try {
        await vscode.workspace.fs.stat(uri);
        throw new FileExistsError(path);
      } catch (err) {
        if (err instanceof FileExistsError) throw err;
      }
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: data });
      const applied = await vscode.workspace.applyEdit(edit);
      if (!applied) throw new FileExistsError(path);
      const written = await vscode.workspace.fs.readFile(uri);
      if (!sameBytes(written, data)) throw new FileExistsError(path);
      return;
    }
    await vscode.workspace.fs.writeFile(uri, data);
  }

  async readDirectory(path: string): Promise<Array<[string, FileStat['type']]>> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
      return entries.map(([name, type]) => [name, toType(type)]);
    } catch {
      return [];
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(this.uri(path));
      return { type: toType(s.type), size: s.size, mtime: s.mtime };
    } catch {
      return undefined;
    }
  }

  async realPath(path: string): Promise<string | undefined> {
    // workspace.fs cannot tell where a symlink points: a symlinked note or
    // anchored file is refused rather than followed out of the workspace.
    const s = await this.stat(path);
    return s && s.type !== 'symlink' ? path : undefined;
  }

  async delete(path: string): Promise<void> {
    await vscode.workspace.fs.delete(this.uri(path), { useTrash: false }).then(undefined, () => undefined);
  }

  async createDirectory(path: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.uri(path));
  }
}

function toType(type: vscode.FileType): FileStat['type'] {
  if (type & vscode.FileType.SymbolicLink) return 'symlink';
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
