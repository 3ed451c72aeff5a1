// The edits that re-anchor one anchor of a note to code at a new place:
// `check --fix` for moved anchors and the editor's Re-anchor both write
// exactly these, through editNote, so only that anchor's bytes change.

import { snippetOf, symbolAt } from './captureAnchor';
import { notCodeReason } from './codePolicy';
import { shortCommit } from './gitHead';
import { formatLines, type LineRange, type Note } from '../model';
import type { FrontMatterEdit } from '../notes/noteEditor';

export interface ReanchorTarget {
  /** Workspace-relative path of the code. */
  path: string;
  /** 1-based, inclusive lines of the code in `text`. */
  range: LineRange;
  /** The code file's text now (the editor's, unsaved edits included). */
  text: string;
  /** The current commit: written when the anchor had a `commit`, or when `addCommit` is set. */
  head?: string;
  addCommit?: boolean;
  /** The notes folder (`.learnings` by default): never a target. */
  notesFolder?: string;
}

export class ReanchorError extends Error {}

/**
 * The front-matter edits that point anchor `anchorIndex` of `note` at
 * `target`: path, lines, snippet (the code's own lines, never re-indented),
 * commit, and the enclosing declaration as `symbol`. Throws ReanchorError
 * when the target is not code (the notes folder, a generated or vendored
 * file), or the anchor or lines do not exist.
 */
export function reanchorEdits(note: Note, anchorIndex: number, target: ReanchorTarget): FrontMatterEdit[] {
  const old = note.anchors[anchorIndex];
  if (!old) throw new ReanchorError(`${note.path}: there is no anchor ${anchorIndex + 1}`);
  const refused = notCodeReason(target.path, { notesFolder: target.notesFolder, notePaths: new Set([note.path]) });
  if (refused) throw new ReanchorError(`${target.path} ${refused}: an anchor is only ever moved to code`);
  const snippet = snippetOf(target.text, target.range);
  if (snippet === '') throw new ReanchorError(`${target.path}: lines ${formatLines(target.range)} are past the end of the file`);
  const edits: FrontMatterEdit[] = [];
  const set = (field: 'path' | 'lines' | 'snippet' | 'commit' | 'symbol', value: string) => edits.push({ op: 'setAnchorField', index: anchorIndex, field, value });
  if (old.path !== target.path) set('path', target.path);
  if (formatLines(old.lines) !== formatLines(target.range)) set('lines', formatLines(target.range));
  if (snippet !== old.snippet) set('snippet', snippet);
  if (target.head && (old.commit || target.addCommit)) {
    const commit = shortCommit(target.head);
    if (commit !== old.commit) set('commit', commit);
  }
  const symbol = symbolAt(target.path, target.text, target.range);
  if (symbol && symbol !== old.symbol) set('symbol', symbol);
  return edits;
}
