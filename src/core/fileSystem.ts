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
}

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });
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
