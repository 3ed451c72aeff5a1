// Reads a file a note's anchor names. The path comes from a note, which is
// untrusted: the read never leaves the workspace and never swallows a huge
// or binary file.

import { decodeStrict, type FileSystem } from '../fileSystem';

export interface FileText {
  text?: string;
  /** Why the file could not be read as text (outside the workspace, binary, too large). */
  problem?: string;
  /** Set when it is too large: its size in bytes. Its anchors are not resolved, which is not the same as orphaned. */
  tooLarge?: number;
}

/** Anchored files bigger than this are not read: no one anchors a note in a 5 MB file. */
export const MAX_ANCHORED_FILE_BYTES = 5 * 1024 * 1024;

export async function readAnchoredFile(fs: FileSystem, path: string): Promise<FileText> {
  let stat = await fs.stat(path);
  if (!stat) return {};
  // The path comes from a note: a symlink, as the file or as a folder on the
  // way, must not lead the read out of the workspace.
  const real = fs.realPath ? await fs.realPath(path) : stat.type === 'symlink' ? undefined : path;
  if (real === undefined) return { problem: 'leads outside the workspace through a symlink: not read' };
  if (real !== path) {
    stat = await fs.stat(real);
    if (!stat) return {};
  }
  if (stat.type !== 'file') return {};
  if (stat.size > MAX_ANCHORED_FILE_BYTES) return { problem: tooLargeProblem(stat.size), tooLarge: stat.size };
  const text = decodeStrict(await fs.readFile(real));
  if (text === undefined) return { problem: 'is not a text file' };
  return { text };
}

/** `file too large to resolve anchors (10.0 MB > 5 MB)`. */
export function tooLargeProblem(size: number): string {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
  return `file too large to resolve anchors (${(size / (1024 * 1024)).toFixed(1)} MB > ${mb(MAX_ANCHORED_FILE_BYTES)} MB)`;
}
