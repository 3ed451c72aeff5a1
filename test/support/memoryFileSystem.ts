// An in-memory FileSystem for tests and for the browser's unit tests: the
// same contract as the Node and workspace.fs implementations.

import { FileExistsError, dirname, type FileStat, type FileSystem } from '../../src/core/fileSystem';

export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly dirs = new Set<string>(['']);
  private clock = 1;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) {
      this.put(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    const file = this.files.get(path);
    if (!file) throw new Error(`ENOENT: ${path}`);
    return file.data;
  }

  async writeFile(path: string, data: Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
    if (options.exclusive && this.files.has(path)) throw new FileExistsError(path);
    this.put(path, data);
  }

  async readDirectory(path: string): Promise<Array<[string, FileStat['type']]>> {
    const prefix = path === '' ? '' : `${path}/`;
    const out = new Map<string, FileStat['type']>();
    for (const dir of this.dirs) {
      if (dir.startsWith(prefix) && dir !== path) {
        const name = dir.slice(prefix.length).split('/')[0];
        if (name) out.set(name, 'directory');
      }
    }
    for (const file of this.files.keys()) {
      if (file.startsWith(prefix) && !file.slice(prefix.length).includes('/')) out.set(file.slice(prefix.length), 'file');
    }
    return [...out];
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const file = this.files.get(path);
    if (file) return { type: 'file', size: file.data.length, mtime: file.mtime };
    if (this.dirs.has(path)) return { type: 'directory', size: 0, mtime: 0 };
    return undefined;
  }

  async realPath(path: string): Promise<string | undefined> {
    return this.files.has(path) || this.dirs.has(path) ? path : undefined;
  }

  async createDirectory(path: string): Promise<void> {
    this.addDirs(path);
  }

  async delete(path: string): Promise<void> {
    this.files.delete(path);
  }

  /** Synchronous read for assertions in tests. */
  text(path: string): string | undefined {
    const file = this.files.get(path);
    return file ? new TextDecoder().decode(file.data) : undefined;
  }

  private put(path: string, data: Uint8Array): void {
    this.files.set(path, { data, mtime: this.clock++ });
    this.addDirs(dirname(path));
  }

  private addDirs(path: string): void {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
  }
}
