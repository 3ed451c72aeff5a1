// Captures an anchor: the lines as they are now, and HEAD's commit.

import { unsafePathReason, normalizeRelativePath } from '../workspacePath';
import { decodeStrict, type FileSystem } from '../fileSystem';
import { MAX_ANCHORED_FILE_BYTES } from './readAnchoredFile';
import { readHeadCommit, shortCommit } from './gitHead';
import type { Anchor, LineRange } from '../model';
import { declarationsOf, enclosingDeclaration } from './declarations';
import { splitLines } from './lines';

/** Snippets longer than this are cut: enough to find the code again, small enough to read. */
export const MAX_SNIPPET_LINES = 40;

export class CaptureError extends Error {}

/** The snippet for `range` of `text`: its lines joined by `\n`, with a final `\n`. */
export function snippetOf(text: string, range: LineRange): string {
  const lines = splitLines(text).slice(range.start - 1, Math.min(range.end, range.start - 1 + MAX_SNIPPET_LINES));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Parses `src/x.ts:1-3` (or `src/x.ts:7`). */
export function parseAnchorSpec(spec: string): { path: string; lines: LineRange } | undefined {
  const m = /^(.+):(\d+)(?:-(\d+))?$/.exec(spec);
  if (!m) return undefined;
  const start = Number(m[2]);
  const end = m[3] === undefined ? start : Number(m[3]);
  if (start < 1 || end < start) return undefined;
  return { path: m[1], lines: { start, end } };
}

export interface CaptureOptions {
  /** The text as the editor holds it, when it differs from disk. */
  text?: string;
  /** Set false where reading `.git` is not wanted (untrusted workspace). */
  withCommit?: boolean;
}

export async function captureAnchor(fs: FileSystem, path: string, lines: LineRange, options: CaptureOptions = {}): Promise<Anchor> {
  const unsafe = unsafePathReason(path);
  if (unsafe) throw new CaptureError(`anchor path "${path}" ${unsafe}`);
  const clean = normalizeRelativePath(path);
  let text = options.text;
  if (text === undefined) {
    const stat = await fs.stat(clean);
    if (!stat || stat.type === 'directory') throw new CaptureError(`${clean}: no such file`);
    const real = fs.realPath ? await fs.realPath(clean) : stat.type === 'symlink' ? undefined : clean;
    if (real === undefined) throw new CaptureError(`${clean}: leads outside the workspace through a symlink`);
    const size = real === clean ? stat.size : ((await fs.stat(real))?.size ?? 0);
    if (size > MAX_ANCHORED_FILE_BYTES) throw new CaptureError(`${clean}: too large to anchor a note in`);
    const decoded = decodeStrict(await fs.readFile(real));
    if (decoded === undefined) throw new CaptureError(`${clean}: not a text file`);
    text = decoded;
  }
  const count = splitLines(text).length;
  if (lines.end > count) throw new CaptureError(`${clean}: lines ${lines.start}-${lines.end} are past the end of the file (${count} lines)`);
  const anchor: Anchor = { path: clean, lines, snippet: snippetOf(text, lines) };
  const symbol = symbolAt(clean, text, lines);
  if (symbol) anchor.symbol = symbol;
  if (options.withCommit !== false) {
    const head = await readHeadCommit(fs);
    if (head) anchor.commit = shortCommit(head);
  }
  return anchor;
}

/** The name of the declaration `range` of `text` sits in or starts with (`Router.handle`), when the scan finds one. */
export function symbolAt(path: string, text: string, range: LineRange): string | undefined {
  const lines = splitLines(text);
  return enclosingDeclaration(declarationsOf(path, lines), lines, range.start - 1, range.end - 1)?.name;
}
