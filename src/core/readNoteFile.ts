// Reads one file of the notes folder defensively: too large, binary, not
// UTF-8 or a symlink out of the workspace each give a one-line problem.

import { decodeStrict, type FileSystem } from './fileSystem';
import type { Problem } from './model';

/** Notes are short; a file past this is skipped unread. */
export const MAX_NOTE_BYTES = 1024 * 1024;

export const NOT_FOUND = 'file not found';

export type ReadResult = { ok: true; text: string } | { ok: false; problem: Problem };

export async function readNoteFile(fs: FileSystem, path: string): Promise<ReadResult> {
  const fail = (message: string): ReadResult => ({ ok: false, problem: { file: path, severity: 'error', message } });
  const stat = await fs.stat(path);
  if (!stat) return fail(NOT_FOUND);
  let size = stat.size;
  if (stat.type === 'symlink') {
    const real = fs.realPath ? await fs.realPath(path) : undefined;
    if (real === undefined) return fail('symlink that points outside the workspace: not read');
    size = (await fs.stat(real))?.size ?? 0;
  }
  if (size > MAX_NOTE_BYTES) {
    return fail(`file is ${formatBytes(size)}, over the ${formatBytes(MAX_NOTE_BYTES)} limit for a note: skipped`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (err) {
    return fail(`cannot be read: ${(err as Error).message}`);
  }
  if (bytes.length > MAX_NOTE_BYTES) {
    return fail(`file is ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_NOTE_BYTES)} limit for a note: skipped`);
  }
  if (bytes.subarray(0, 8192).includes(0)) return fail('binary file, not a markdown note: skipped');
  const text = decodeStrict(bytes);
  if (text === undefined) return fail('not valid UTF-8 text: save the file as UTF-8');
  return { ok: true, text };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
