// All file access goes through this interface, so the same core runs over
// node:fs (CLI), workspace.fs (extension, browser) and memory (tests).
// Paths are workspace-relative with `/`.

export interface FileStat {
  type: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  /** Milliseconds since the epoch. */
  mtime: number;
}

export interface FileSystem {
  /** Raw bytes. Rejects when the file does not exist. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Optional, for speed where the platform allows it: a file's bytes in one
   * go, without a stat first and without following a final symlink, unless
   * the file is larger than `maxBytes` (then `{ tooLarge: size }`, and it is
   * not read whole). Undefined when it cannot tell (a symlink, a folder,
   * missing, unreadable): the caller then takes stat, realPath and readFile,
   * which say why.
   */
  readFileWithLimit?(path: string, maxBytes: number): Promise<Uint8Array | { tooLarge: number } | undefined>;
  /**
   * Optional, for speed: readFileWithLimit for many files at once, one
   * result per path in the same order, where a batch costs less than one
   * call per file (node:fs reading in place from the page cache).
   */
  readFilesWithLimit?(paths: string[], maxBytes: number): Promise<Array<Uint8Array | { tooLarge: number } | undefined>>;
  /**
   * Writes bytes. With `exclusive`, rejects with a FileExistsError when the
   * file exists (a new note never replaces a file).
   */
  writeFile(path: string, data: Uint8Array, options?: { exclusive?: boolean }): Promise<void>;
  /** Entries of a folder: names, not paths. Empty when the folder does not exist. */
  readDirectory(path: string): Promise<Array<[name: string, type: FileStat['type']]>>;
  /** Undefined when nothing is there. Does not follow a final symlink. */
  stat(path: string): Promise<FileStat | undefined>;
  /**
   * The canonical workspace-relative path of `path` after following symlinks,
   * or undefined when it leaves the workspace or does not exist.
   */
  realPath?(path: string): Promise<string | undefined>;
  createDirectory(path: string): Promise<void>;
  /** Removes a file; resolves when it is gone (or was not there). */
  delete(path: string): Promise<void>;
  /**
   * Compare-and-swap, where the platform can make it one step against other
   * writers: replaces the file with `data` (or deletes it, `data`
   * undefined) only if it still holds exactly `expected`; rejects with a
   * ChangedOnDiskError when it does not, or with a WriteRefusedError naming
   * why it is not written (read-only, a symlink, locked by another writer).
   * Without it, applyChanges checks and then writes.
   */
  replaceIfUnchanged?(path: string, expected: Uint8Array, data: Uint8Array | undefined): Promise<void>;
}

/** The file no longer holds what was read: nothing was written. */
export class ChangedOnDiskError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed on disk meanwhile`);
  }
}

/** A write refused for a reason of the file's own (read-only, a symlink, locked): said as it is. */
export class WriteRefusedError extends Error {}

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

const encoder = new TextEncoder();
// `ignoreBOM` keeps a byte order mark in the text: a note read, edited and
// written back keeps every byte it had, its BOM included.
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export function encodeText(text: string): Uint8Array {
  return encoder.encode(text);
}

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Decodes, or returns undefined when the bytes are not valid UTF-8. */
export function decodeStrict(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The offset of the first byte that is not valid UTF-8, or -1 when all are. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const [n, min] = b < 0x80 ? [0, 0] : b >= 0xc2 && b <= 0xdf ? [1, 0x80] : b >= 0xe0 && b <= 0xef ? [2, 0x800] : b >= 0xf0 && b <= 0xf4 ? [3, 0x10000] : [-1, 0];
    if (n < 0 || i + n >= bytes.length) return i;
    let cp = n === 0 ? b : b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** The 1-based line of a byte offset. */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function joinPath(...parts: string[]): string {
  return parts
    .filter((p) => p !== '' && p !== '.')
    .join('/')
    .replace(/\/+/g, '/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
