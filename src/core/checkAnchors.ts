// Resolves every anchor of the indexed notes against the files as they are
// now. Each anchored file is read once, and only through the FileSystem,
// which refuses paths that leave the workspace.

import { decodeStrict, type FileSystem } from './fileSystem';
import { formatLines, type Anchor, type LineRange, type Note, type Problem } from './model';
import { isAtRecordedLines } from './captureAnchor';

export type AnchorStatus = 'fresh' | 'moved' | 'drifted' | 'orphaned';

export interface AnchorResult {
  note: string;
  /** Where the anchor is now (the recorded path when orphaned). */
  path: string;
  /** `START-END` now; absent when orphaned. */
  lines?: string;
  status: AnchorStatus;
  similarity?: number;
  /** Where it was recorded: `path:START-END`. */
  was: string;
  anchorIndex: number;
}

export interface FileText {
  text?: string;
  /** Why the file could not be read as text (outside the workspace, binary, too large). */
  problem?: string;
}

/** Anchored files bigger than this are not read: no one anchors a note in a 5 MB file. */
export const MAX_ANCHORED_FILE_BYTES = 5 * 1024 * 1024;

export async function readAnchoredFile(fs: FileSystem, path: string): Promise<FileText> {
  const stat = await fs.stat(path);
  if (!stat) return {};
  if (stat.type === 'symlink') {
    const real = fs.realPath ? await fs.realPath(path) : undefined;
    if (real === undefined) return { problem: 'is a symlink that points outside the workspace: not read' };
    return readAnchoredFile(fs, real);
  }
  if (stat.type !== 'file') return {};
  if (stat.size > MAX_ANCHORED_FILE_BYTES) return { problem: 'is too large to check' };
  const text = decodeStrict(await fs.readFile(path));
  if (text === undefined) return { problem: 'is not a text file' };
  return { text };
}

export type Resolver = (anchor: Anchor, text: string | undefined) => { status: AnchorStatus; path: string; lines?: LineRange; similarity?: number };

/** The plain check: fresh when the snippet is at its lines, orphaned when the file is gone. */
export const plainResolver: Resolver = (anchor, text) => {
  if (text === undefined) return { status: 'orphaned', path: anchor.path };
  return isAtRecordedLines(anchor, text)
    ? { status: 'fresh', path: anchor.path, lines: anchor.lines }
    : { status: 'drifted', path: anchor.path, lines: anchor.lines };
};

export interface CheckResult {
  anchors: AnchorResult[];
  problems: Problem[];
}

export async function checkAnchors(fs: FileSystem, notes: Note[], resolve: Resolver = plainResolver): Promise<CheckResult> {
  const files = new Map<string, Promise<FileText>>();
  const read = (path: string) => {
    let p = files.get(path);
    if (!p) files.set(path, (p = readAnchoredFile(fs, path).catch((err: Error) => ({ problem: `cannot be read: ${err.message}` }))));
    return p;
  };
  const anchors: AnchorResult[] = [];
  const problems: Problem[] = [];
  await Promise.all(notes.flatMap((note) => note.anchors.map((a) => read(a.path))));
  for (const note of notes) {
    for (const [anchorIndex, anchor] of note.anchors.entries()) {
      const file = await read(anchor.path);
      if (file.problem) problems.push({ file: note.path, severity: 'error', message: `anchor ${anchorIndex + 1}: ${anchor.path} ${file.problem}` });
      const r = resolve(anchor, file.text);
      anchors.push({
        note: note.path,
        path: r.path,
        ...(r.lines ? { lines: formatLines(r.lines) } : {}),
        status: r.status,
        ...(r.similarity !== undefined ? { similarity: Math.round(r.similarity * 100) / 100 } : {}),
        was: `${anchor.path}:${formatLines(anchor.lines)}`,
        anchorIndex,
      });
    }
  }
  return { anchors, problems };
}
