// Reads one file of the notes folder defensively: too large, binary, not
// UTF-8 or a symlink out of the workspace each give a one-line problem.

import { decodeStrict, invalidUtf8Offset, lineOfByte, type FileSystem } from '../fileSystem';
import type { Problem } from '../model';

/** Notes are short; a file past this is skipped unread. */
export const MAX_NOTE_BYTES = 1024 * 1024;

export const NOT_FOUND = 'file not found';

/** A FIFO, socket, device or folder named like a note: never opened (a FIFO would block the read). */
export const NOT_REGULAR = 'not a regular file (a FIFO, socket, device or folder): not read';

export type ReadResult = { ok: true; text: string } | { ok: false; problem: Problem };

export async function readNoteFile(fs: FileSystem, path: string): Promise<ReadResult> {
  // Where the file system offers it (node:fs), a file within the limit is
  // read in one go, without a stat first; anything else (a symlink, a missing
  // file, workspace.fs) takes the general path, which says what is wrong.
  const quick = fs.readFileWithLimit ? await fs.readFileWithLimit(path, MAX_NOTE_BYTES).catch(() => undefined) : undefined;
  return readNoteFileFrom(fs, path, quick);
}

/** Many files, read in batches where the file system can (readFilesWithLimit); each result as readNoteFile gives it. */
export async function readNoteFiles(fs: FileSystem, paths: string[]): Promise<ReadResult[]> {
  if (!fs.readFilesWithLimit) return Promise.all(paths.map((p) => readNoteFile(fs, p)));
  const quick = await fs.readFilesWithLimit(paths, MAX_NOTE_BYTES).catch(() => paths.map(() => undefined));
  return Promise.all(paths.map((p, i) => readNoteFileFrom(fs, p, quick[i])));
}

/** readNoteFile once the quick read (or none: undefined) is done. */
async function readNoteFileFrom(fs: FileSystem, path: string, quick: Uint8Array | { tooLarge: number } | undefined): Promise<ReadResult> {
  const fail = (message: string): ReadResult => ({ ok: false, problem: { file: path, severity: 'error', message } });
  if (quick !== undefined && !(quick instanceof Uint8Array)) return fail(overLimit(quick.tooLarge));
  const bytes = quick ?? (await readChecked(fs, path, fail));
  if (!(bytes instanceof Uint8Array)) return bytes;
  if (bytes.length > MAX_NOTE_BYTES) return fail(overLimit(bytes.length));
  if (bytes.subarray(0, 8192).includes(0)) return fail('binary file, not a markdown note: skipped');
  const text = decodeStrict(bytes);
  if (text === undefined) {
    const line = lineOfByte(bytes, invalidUtf8Offset(bytes));
    return { ok: false, problem: { file: path, line, severity: 'error', message: 'not valid UTF-8 text: save the file as UTF-8' } };
  }
  return { ok: true, text };
}

/** stat first: a file past the limit, or a symlink out of the workspace, is never read. */
async function readChecked(fs: FileSystem, path: string, fail: (message: string) => ReadResult): Promise<Uint8Array | ReadResult> {
  const stat = await fs.stat(path);
  if (!stat) return fail(NOT_FOUND);
  let { size, type } = stat;
  if (type === 'symlink') {
    const real = fs.realPath ? await fs.realPath(path) : undefined;
    if (real === undefined) return fail('symlink that points outside the workspace: not read');
    const target = await fs.stat(real);
    size = target?.size ?? 0;
    // Without realPath (a file system that cannot say) the read below decides.
    type = target?.type ?? 'file';
  }
  if (size > MAX_NOTE_BYTES) return fail(overLimit(size));
  if (type !== 'file') return fail(NOT_REGULAR);
  try {
    return await fs.readFile(path);
  } catch (err) {
    return fail(`cannot be read: ${(err as Error).message}`);
  }
}

function overLimit(size: number): string {
  return `file is ${formatBytes(size)}, over the ${formatBytes(MAX_NOTE_BYTES)} limit for a note: skipped`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
