// The FileSystem over node:fs, rooted at the workspace folder. Writes are
// atomic (temp file + rename), so a crash never leaves half a note.

import { promises as fsp, constants } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileExistsError, type FileStat, type FileSystem } from '../core/fileSystem';

export class NodeFileSystem implements FileSystem {
  private realRoot: Promise<string> | undefined;

  constructor(readonly root: string) {}

  private abs(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  async readFile(rel: string): Promise<Uint8Array> {
    return fsp.readFile(this.abs(rel));
  }

  async writeFile(rel: string, data: Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
    const target = this.abs(rel);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    if (options.exclusive) {
      try {
        // Write the content first under a temp name, then link it into place:
        // `link` fails when the target exists, so nothing is ever replaced.
        const temp = await this.writeTemp(target, data);
        try {
          await fsp.link(temp, target);
        } finally {
          await fsp.unlink(temp).catch(() => undefined);
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(rel);
        throw err;
      }
      return;
    }
    const temp = await this.writeTemp(target, data);
    await fsp.rename(temp, target);
  }

  private async writeTemp(target: string, data: Uint8Array): Promise<string> {
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fsp.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  }

  async readDirectory(rel: string): Promise<Array<[string, FileStat['type']]>> {
    try {
      const entries = await fsp.readdir(this.abs(rel), { withFileTypes: true });
      return entries.map((e) => [e.name, e.isDirectory() ? 'directory' : e.isFile() ? 'file' : e.isSymbolicLink() ? 'symlink' : 'other']);
    } catch {
      return [];
    }
  }

  async stat(rel: string): Promise<FileStat | undefined> {
    try {
      const s = await fsp.lstat(this.abs(rel));
      const type = s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other';
      return { type, size: s.size, mtime: s.mtimeMs };
    } catch {
      return undefined;
    }
  }

  async realPath(rel: string): Promise<string | undefined> {
    try {
      this.realRoot ??= fsp.realpath(this.root);
      const [root, real] = await Promise.all([this.realRoot, fsp.realpath(this.abs(rel))]);
      const inside = path.relative(root, real);
      if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
      return inside.split(path.sep).join('/');
    } catch {
      return undefined;
    }
  }

  async delete(rel: string): Promise<void> {
    await fsp.rm(this.abs(rel), { force: true });
  }

  async createDirectory(rel: string): Promise<void> {
    await fsp.mkdir(this.abs(rel), { recursive: true });
  }
}
