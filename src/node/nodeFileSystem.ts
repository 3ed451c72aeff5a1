// The FileSystem over node:fs, rooted at the workspace folder. Writes are
// atomic (temp file + rename), so a crash never leaves half a note.

import { promises as fsp, closeSync, constants, fstat, fstatSync, open, openSync, read, readFile, readSync } from 'node:fs';
import * as path from 'node:path';
import { FileExistsError, WriteRefusedError, type FileStat, type FileSystem } from '../core/fileSystem';
import { replaceIfUnchanged, writeTemp } from './guardedWrite';

/** A path that goes out of the workspace through a symlinked folder: refused for reads and writes alike. */
export class OutsideWorkspaceError extends WriteRefusedError {
  constructor(readonly path: string) {
    super(`${path} leads out of the workspace through a symlinked folder: refused`);
  }
}

/** A FIFO, socket or device where a file was expected: never opened for a blocking read. */
export class NotRegularFileError extends WriteRefusedError {
  constructor(readonly path: string) {
    super(`${path} is not a regular file (a FIFO, socket or device): not read`);
  }
}

/** O_NOFOLLOW where the platform has it (not Windows). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

function openForRead(abs: string): Promise<number> {
  return new Promise((resolve, reject) => open(abs, constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0), (err, fd) => (err ? reject(err) : resolve(fd))));
}

/** What open with O_NOFOLLOW says of a final symlink: ELOOP (Linux, macOS), EMLINK (FreeBSD). */
function isSymlinkRefusal(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return NOFOLLOW !== 0 && (code === 'ELOOP' || code === 'EMLINK');
}

/** `a/b.md`: no empty, `.` or `..` segment, not absolute. */
const PLAIN_RELATIVE = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/;
/** readFileWithLimit's first read: larger than nearly every note. */
const CHUNK = 16 * 1024;
/** Chunks not in use; at most one per read in flight is ever made. */
const chunks: Buffer[] = [];
/**
 * readFilesWithLimit: a read that takes longer than this (a cold disk, a
 * network mount) ends the synchronous reads of this file system for good;
 * from then on each file is read asynchronously, as readFileWithLimit does.
 */
const SLOW_READ_MS = 4;

type LimitedRead = Uint8Array | { tooLarge: number } | undefined;

export class NodeFileSystem implements FileSystem {
  private realRoot: Promise<string> | undefined;

  /** What path.join puts before a plain relative path: the normalized root and a separator. */
  private readonly prefix: string;

  constructor(readonly root: string) {
    this.prefix = path.join(root, '_').slice(0, -1);
  }

  /** Folders already found inside the workspace, for reads (a note read costs no extra call). */
  private readonly insideDirs = new Map<string, Promise<boolean>>();

  /**
   * Whether the folder `relDir` (or, when it does not exist yet, its
   * nearest existing ancestor) resolves, after every symlink on the way, to
   * a place inside the workspace.
   */
  private async dirInside(relDir: string): Promise<boolean> {
    this.realRoot ??= fsp.realpath(this.root);
    const root = await this.realRoot;
    let abs = relDir === '' ? this.root : this.abs(relDir);
    for (;;) {
      try {
        const real = await fsp.realpath(abs);
        const inside = path.relative(root, real);
        return inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') return false;
        const up = path.dirname(abs);
        if (up === abs) return false;
        abs = up;
      }
    }
  }

  /** For reads: the folder of `rel` checked once per folder. */
  private async readable(relDir: string): Promise<boolean> {
    let known = this.insideDirs.get(relDir);
    if (!known) {
      known = this.dirInside(relDir);
      this.insideDirs.set(relDir, known);
    }
    return known;
  }

  /** For writes: checked afresh each time. */
  private async assertWritable(rel: string): Promise<void> {
    if (!(await this.dirInside(parentOf(rel)))) throw new OutsideWorkspaceError(rel);
  }

  private abs(rel: string): string {
    // What path.join gives, without its work, for a plain relative path (most calls, every note read).
    if (path.sep === '/' && PLAIN_RELATIVE.test(rel)) return this.prefix + rel;
    return path.join(this.root, ...rel.split('/'));
  }

  // The callback API: on a 2-core machine, fs.promises costs about twice as
  // much per small file (FileHandle objects, more promise hops).
  //
  // Opened with O_NONBLOCK (a FIFO named like a note must not hang the
  // read) and, where the platform has it, O_NOFOLLOW: a final symlink is
  // followed only to a place inside the workspace. Anything but a regular
  // file (a FIFO, a socket, a device) is refused unread.
  async readFile(rel: string): Promise<Uint8Array> {
    if (!(await this.readable(parentOf(rel)))) throw new OutsideWorkspaceError(rel);
    let fd: number;
    try {
      fd = await openForRead(this.abs(rel));
    } catch (err) {
      if (!isSymlinkRefusal(err)) throw err;
      const real = await this.realPath(rel);
      if (real === undefined) throw new OutsideWorkspaceError(rel);
      fd = await openForRead(this.abs(real));
    }
    try {
      const stat = await new Promise<import('node:fs').Stats>((resolve, reject) => fstat(fd, (err, s) => (err ? reject(err) : resolve(s))));
      if (!stat.isFile()) throw new NotRegularFileError(rel);
      return await new Promise((resolve, reject) => readFile(fd, (err, data) => (err ? reject(err) : resolve(data))));
    } finally {
      closeSync(fd);
    }
  }

  /**
   * See FileSystem.readFileWithLimit. A note (a few KB) costs two calls to
   * the thread pool, open (never through a final symlink) and one read into
   * a reused 16 KB chunk, then a close in place: closing a file opened for
   * reading does no I/O, and handing it to the pool cost more than the rest
   * of indexing the note (on 2 cores, each hand-off wakes a pool thread).
   * Only a file that fills the chunk is fstat'ed, so one past the limit is
   * never read further.
   */
  async readFileWithLimit(rel: string, maxBytes: number): Promise<Uint8Array | { tooLarge: number } | undefined> {
    // Windows has no O_NOFOLLOW: there, readNoteFile's stat comes first.
    if (constants.O_NOFOLLOW === undefined) return undefined;
    // Through a symlinked folder: the general path says so.
    if (!(await this.readable(parentOf(rel)))) return undefined;
    return new Promise((resolve) => {
      // O_NONBLOCK: opening a FIFO named like a note must not hang the read.
      open(this.abs(rel), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK, (err, fd) => {
        if (err) return resolve(undefined);
        const done = (result: Uint8Array | { tooLarge: number } | undefined) => {
          try {
            closeSync(fd);
          } catch {
            // nothing more to do with it
          }
          resolve(result);
        };
        const chunk = chunks.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
        read(fd, chunk, 0, CHUNK, 0, (err, n) => {
          let result: Uint8Array | { tooLarge: number } | undefined;
          // A short read of a regular file is its end; a directory fails (EISDIR).
          if (!err && n < CHUNK) result = n > maxBytes ? { tooLarge: n } : Uint8Array.prototype.slice.call(chunk, 0, n);
          chunks.push(chunk);
          if (err || n < CHUNK) return done(result);
          this.readWhole(fd, maxBytes, done);
        });
      });
    });
  }

  /** The rest of readFileWithLimit, for a file of CHUNK bytes or more. */
  private readWhole(fd: number, maxBytes: number, done: (result: Uint8Array | { tooLarge: number } | undefined) => void): void {
    fstat(fd, (err, stat) => {
      if (err || !stat.isFile()) return done(undefined);
      if (stat.size > maxBytes) return done({ tooLarge: stat.size });
      const buffer = Buffer.allocUnsafe(stat.size);
      const readFrom = (filled: number): void => {
        if (filled === buffer.length) return done(buffer);
        read(fd, buffer, filled, buffer.length - filled, filled, (err, n) => {
          if (err) done(undefined);
          else if (n === 0) done(buffer.subarray(0, filled)); // it shrank meanwhile
          else readFrom(filled + n);
        });
      };
      readFrom(0);
    });
  }

  /** Set once a synchronous read was slow: reads stay asynchronous from then on. */
  private slowDisk = false;

  /**
   * See FileSystem.readFilesWithLimit: the same result per file as
   * readFileWithLimit, for a batch. From the page cache a note is read in
   * a few microseconds; handing each open and read to the thread pool cost
   * more than that (on 2 cores every hand-off wakes a pool thread, and
   * 10,000 notes took three times as long as reading them in place). So a
   * batch is read synchronously, one macrotask per batch (callers keep
   * batches small: the event loop runs between them), unless a read is
   * ever slow: then this and every later batch go through the thread pool.
   */
  async readFilesWithLimit(rels: string[], maxBytes: number): Promise<LimitedRead[]> {
    if (constants.O_NOFOLLOW === undefined) return rels.map(() => undefined);
    // Let the event loop run between batches (messages, timers, other reads).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const dirs = [...new Set(rels.map(parentOf))];
    const inside = new Map(await Promise.all(dirs.map(async (d) => [d, await this.readable(d)] as const)));
    const out: LimitedRead[] = new Array(rels.length);
    let i = 0;
    for (; i < rels.length && !this.slowDisk; i++) {
      if (!inside.get(parentOf(rels[i]))) {
        out[i] = undefined; // through a symlinked folder: the general path says so
        continue;
      }
      const t0 = performance.now();
      out[i] = this.readSyncWithLimit(rels[i], maxBytes);
      if (performance.now() - t0 > SLOW_READ_MS) this.slowDisk = true;
    }
    if (i < rels.length) {
      const rest = rels.slice(i);
      const read = await Promise.all(rest.map((rel) => this.readFileWithLimit(rel, maxBytes)));
      read.forEach((r, k) => (out[i + k] = r));
    }
    return out;
  }

  /** readFileWithLimit in place: the same flags (no final symlink, no blocking on a FIFO) and results. */
  private readSyncWithLimit(rel: string, maxBytes: number): LimitedRead {
    let fd: number;
    try {
      fd = openSync(this.abs(rel), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      return undefined;
    }
    try {
      const chunk = chunks.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
      try {
        const n = readSync(fd, chunk, 0, CHUNK, 0);
        // A short read of a regular file is its end; a directory fails (EISDIR).
        if (n < CHUNK) return n > maxBytes ? { tooLarge: n } : Uint8Array.prototype.slice.call(chunk, 0, n);
      } finally {
        chunks.push(chunk);
      }
      const stat = fstatSync(fd);
      if (!stat.isFile()) return undefined;
      if (stat.size > maxBytes) return { tooLarge: stat.size };
      const buffer = Buffer.allocUnsafe(stat.size);
      let filled = 0;
      while (filled < buffer.length) {
        const n = readSync(fd, buffer, filled, buffer.length - filled, filled);
        if (n === 0) return buffer.subarray(0, filled); // it shrank meanwhile
        filled += n;
      }
      return buffer;
    } catch {
      return undefined;
    } finally {
      try {
        closeSync(fd);
      } catch {
        // nothing more to do with it
      }
    }
  }

  async writeFile(rel: string, data: Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
    const target = this.abs(rel);
    await this.assertWritable(rel);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await this.assertWritable(rel);
    if (options.exclusive) {
      try {
        // Write the content first under a temp name, then link it into place:
        // `link` fails when the target exists, so nothing is ever replaced.
        const temp = await writeTemp(target, data);
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
    const temp = await writeTemp(target, data);
    try {
      await fsp.rename(temp, target);
    } catch (err) {
      await fsp.unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  /** See FileSystem.replaceIfUnchanged: under the note's lock file (guardedWrite.ts). */
  async replaceIfUnchanged(rel: string, expected: Uint8Array, data: Uint8Array | undefined): Promise<void> {
    await this.assertWritable(rel);
    await replaceIfUnchanged(this.abs(rel), expected, data, rel);
  }

  async readDirectory(rel: string): Promise<Array<[string, FileStat['type']]>> {
    if (!(await this.dirInside(rel))) return [];
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
    await this.assertWritable(rel);
    await fsp.rm(this.abs(rel), { force: true });
  }

  async createDirectory(rel: string): Promise<void> {
    if (!(await this.dirInside(rel))) throw new OutsideWorkspaceError(rel);
    await fsp.mkdir(this.abs(rel), { recursive: true });
    if (!(await this.dirInside(rel))) throw new OutsideWorkspaceError(rel);
  }
}

function parentOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}
