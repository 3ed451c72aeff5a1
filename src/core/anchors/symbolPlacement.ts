// The enclosing declaration as a clue (DESIGN.md section 3): when a body was
// rewritten past recognition but its function, method or class is still in
// the anchor's file (or its renamed file), the anchor is drifted at it, with
// how similar the code there still is. Never moved: a name is not proof.

import { align } from './alignment';
import type { Clues } from './clues';
import { declarationsIn, findDeclaration, type Declaration } from './declarations';
import type { Candidate } from './editedPlacement';
import type { PreparedFile } from './preparedFile';
import type { Snippet } from './snippet';
import type { Placement } from './verbatim';

/** Lines of a declaration aligned at most: the head of a long body places the snippet. */
const MAX_ALIGNED_SPAN = 400;

/** The declaration named by the anchor's symbol in one of its home files, first home first. */
export function declarationInHomes(homes: readonly Candidate[], clues: Clues): (Candidate & { decl: Declaration }) | undefined {
  const symbol = clues.symbol();
  if (!symbol) return undefined;
  for (const home of homes) {
    const decl = findDeclaration(declarationsIn(home.path, home.file), symbol);
    if (decl) return { ...home, decl };
  }
  return undefined;
}

/** True when `file` (at `path`) holds the anchor's declaration too. */
export function holdsDeclaration(path: string, file: PreparedFile, clues: Clues): boolean {
  const symbol = clues.symbol();
  return symbol !== undefined && findDeclaration(declarationsIn(path, file), symbol) !== undefined;
}

/** Drifted at the declaration: the part of it most like the snippet, else its first lines. */
export function placeAtDeclaration(home: Candidate & { decl: Declaration }, snippet: Snippet): Placement {
  const { decl, file, path } = home;
  const to = Math.min(decl.end, decl.start + MAX_ALIGNED_SPAN);
  const m = Math.min(snippet.length, 80);
  const match = m > 0 ? align(file, snippet, m, decl.start, to) : undefined;
  if (match && match.start >= decl.start && match.start <= decl.end) {
    return { path, file, start: match.start, end: Math.min(match.end, decl.end), confident: false, ambiguous: false, similarity: match.similarity };
  }
  return { path, file, start: decl.start, end: Math.min(decl.end, decl.start + Math.max(1, snippet.length) - 1), confident: false, ambiguous: false, similarity: 0 };
}
