// Resolves every anchor of the indexed notes against the files as they are
// now. Each anchored file is read once, through the one reader that refuses
// paths leading out of the workspace.

import type { FileSystem } from '../fileSystem';
import { formatLines, type Note, type Problem } from '../model';
import { resolveAnchors, type AnchorHistory, type AnchorStatus } from './';

export type { AnchorStatus };

export interface AnchorResult {
  note: string;
  /** Where the anchor is now (the recorded path when orphaned). */
  path: string;
  /** `START-END` now; absent when orphaned. */
  lines?: string;
  status: AnchorStatus;
  /**
   * Set when the file is there but too large to read (DESIGN 7: a clear
   * message for that one file): the code may well be in it, so the anchor
   * is not resolved, which is not orphaned, and its note is not invalid.
   * `status` then stays `orphaned` for surfaces that know no other.
   */
  unresolved?: string;
  similarity?: number;
  /** Where it was recorded: `path:START-END`. */
  was: string;
  anchorIndex: number;
}

export { readAnchoredFile, MAX_ANCHORED_FILE_BYTES, type FileText } from './readAnchoredFile';

export interface CheckResult {
  anchors: AnchorResult[];
  problems: Problem[];
}

export interface CheckOptions {
  /** What git knows since each anchor's commit (renames, hunks); the snippet decides alone without it. */
  history?: AnchorHistory;
  /** Text that replaces a file's content on disk (unsaved editors). */
  overrides?: ReadonlyMap<string, string>;
  /** The notes folder (`.learnings` by default): never a place an anchor moves to. */
  notesFolder?: string;
}

/** Resolves every anchor of `notes` (relocation, DESIGN.md section 3) and reports files that cannot be read. */
export async function checkAnchors(fs: FileSystem, notes: Note[], options: CheckOptions = {}): Promise<CheckResult> {
  const flat = notes.flatMap((note) => note.anchors.map((anchor, anchorIndex) => ({ note, anchor, anchorIndex })));
  const unreadable = new Map<string, { problem: string; tooLarge?: number }>();
  const history = options.history;
  // History wherever there is any: an anchor without `commit` is read against the commit that added its note.
  const withoutCommit = [...new Set(flat.filter((f) => !f.anchor.commit).map((f) => f.note.path))];
  const added = history && withoutCommit.length > 0 ? history.addedIn?.(withoutCommit) : undefined;
  const resolutions = await resolveAnchors(
    flat.map((f) => (f.anchor.commit || !added?.has(f.note.path) ? f.anchor : { ...f.anchor, commit: added.get(f.note.path) })),
    fs,
    {
      history,
      overrides: options.overrides,
      onUnreadable: (path, problem, file) => unreadable.set(path, { problem, tooLarge: file.tooLarge }),
      codePolicy: { notesFolder: options.notesFolder, notePaths: new Set(notes.map((n) => n.path)) },
    },
  );
  const problems: Problem[] = [];
  const anchors = flat.map(({ note, anchor, anchorIndex }, i): AnchorResult => {
    const unread = unreadable.get(anchor.path);
    const r = resolutions[i];
    if (unread?.tooLarge !== undefined) {
      // One warning per anchor: check exits 1 for invalid notes and orphaned anchors (DESIGN 4), this is neither; --strict counts it.
      problems.push({ file: note.path, ...lineOf(note, anchorIndex), severity: 'warning', message: `anchor ${anchorIndex + 1}: ${anchor.path}: ${unread.problem}` });
      return { note: note.path, path: anchor.path, status: 'orphaned', unresolved: unread.problem, was: `${anchor.path}:${formatLines(anchor.lines)}`, anchorIndex };
    }
    if (unread) problems.push({ file: note.path, ...lineOf(note, anchorIndex), severity: 'error', message: `anchor ${anchorIndex + 1}: ${anchor.path} ${unread.problem}` });
    return {
      note: note.path,
      path: r.path,
      ...(r.lines ? { lines: formatLines(r.lines) } : {}),
      status: r.status,
      ...(r.status === 'drifted' && r.similarity !== undefined ? { similarity: Math.round(r.similarity * 100) / 100 } : {}),
      was: `${anchor.path}:${formatLines(anchor.lines)}`,
      anchorIndex,
    };
  });
  return { anchors, problems };
}

/** The line of the note's anchor entry, where the parser knew it. */
function lineOf(note: Note, anchorIndex: number): { line?: number } {
  const line = note.anchorLines?.[anchorIndex];
  return line ? { line } : {};
}
