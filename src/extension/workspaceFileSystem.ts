// The core's FileSystem over `vscode.workspace.fs`, rooted at a workspace
// folder: works on the desktop, in remote hosts and in VS Code for the Web.

import * as vscode from 'vscode';
import { FileExistsError, WriteRefusedError, type FileStat, type FileSystem } from '../core/fileSystem';

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

  /** Folders checked for reads: a note read costs no extra stat once its folder is known. */
  private readonly checkedDirs = new Map<string, Promise<boolean>>();

  private async refuseThroughSymlink(path: string, fresh: boolean): Promise<void> {
    const dir = path.slice(0, Math.max(0, path.lastIndexOf('/')));
    let known = fresh ? undefined : this.checkedDirs.get(dir);
    if (!known) {
      known = viaSymlink(this, dir, true);
      if (!fresh) this.checkedDirs.set(dir, known);
    }
    if (await known) throw new WriteRefusedError(`${path} leads out of the workspace through a symlinked folder: refused`);
  }

  async readFile(path: string): Promise<Uint8Array> {
    await this.refuseThroughSymlink(path, false);
    return vscode.workspace.fs.readFile(this.uri(path));
  }

  async writeFile(path: string, data: Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
    await this.refuseThroughSymlink(path, true);
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
    // Atomic: the whole content goes to a temporary file next to the target,
    // then replaces it in one rename, so a crash never leaves half a note.
    const temp = vscode.Uri.joinPath(uri, '..', `.${basename(path)}.${randomHex()}.tmp`);
    await vscode.workspace.fs.writeFile(temp, data);
    try {
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (err) {
      await vscode.workspace.fs.delete(temp, { useTrash: false }).then(undefined, () => undefined);
      throw err;
    }
  }

  async readDirectory(path: string): Promise<Array<[string, FileStat['type']]>> {
    if (await viaSymlink(this, path, true)) return [];
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
      // vscode.FileType looked up once, not three times an entry (each a getter call: 10,000 notes, tens of ms).
      const types = fileTypes();
      return entries.map(([name, type]) => [name, toType(type, types)]);
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
    // workspace.fs cannot tell where a symlink points: a path through one,
    // as the file or as any folder on the way, is refused rather than
    // followed out of the workspace.
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const s = await this.stat(parts.slice(0, i).join('/'));
      if (!s || s.type === 'symlink') return undefined;
    }
    return path;
  }

  async delete(path: string): Promise<void> {
    await this.refuseThroughSymlink(path, true);
    await vscode.workspace.fs.delete(this.uri(path), { useTrash: false }).then(undefined, () => undefined);
  }

  async createDirectory(path: string): Promise<void> {
    if (await viaSymlink(this, path, true)) throw new WriteRefusedError(`${path} leads out of the workspace through a symlinked folder: refused`);
    await vscode.workspace.fs.createDirectory(this.uri(path));
  }
}

/**
 * Whether a folder on the way to `path` (and `path` itself, with
 * `includeLast`) is a symlink: workspace.fs cannot tell where one points,
 * so every one is refused. Components that do not exist yet end the check.
 */
export async function viaSymlink(fs: Pick<FileSystem, 'stat'>, path: string, includeLast = false): Promise<boolean> {
  if (path === '') return false;
  const parts = path.split('/');
  const last = includeLast ? parts.length : parts.length - 1;
  for (let i = 1; i <= last; i++) {
    const s = await fs.stat(parts.slice(0, i).join('/'));
    if (!s) return false;
    if (s.type === 'symlink') return true;
  }
  return false;
}

function fileTypes(): { SymbolicLink: number; Directory: number; File: number } {
  const { SymbolicLink, Directory, File } = vscode.FileType;
  return { SymbolicLink, Directory, File };
}

function toType(type: vscode.FileType, types = fileTypes()): FileStat['type'] {
  if (type & types.SymbolicLink) return 'symlink';
  if (type & types.Directory) return 'directory';
  if (type & types.File) return 'file';
  return 'other';
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A name no other writer picks: crypto randomness, which the Node and browser hosts both have. */
function randomHex(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
