// Re-resolves an anchor against the files as they are now (DESIGN.md section 3).
// Cheapest evidence first: the snippet at its recorded lines; then verbatim
// elsewhere in its file, in its renamed file, in other files; only then a
// bounded fuzzy search for edited code. Whatever is not certain is reported
// as drifted, never as fresh or moved.

import type { Anchor, LineRange } from '../model';
import { Clues } from './clues';
import { isExactlyAt } from './exactSearch';
import { mostSimilar, type Candidate } from './editedPlacement';
import type { AnchorHistory } from './history';
import { PreparedFile, prepareFile } from './preparedFile';
import type { AnchorResolution } from './resolution';
import { Snippet } from './snippet';
import { placeInHome, placeInOthers, verbatimStarts, type Placement } from './verbatim';
import { declarationInHomes, holdsDeclaration, placeAtDeclaration } from './symbolPlacement';

/** A file's text, or the same text already prepared (shared by all anchors in it). */
export type FileText = string | PreparedFile;

export interface OtherFile {
  path: string;
  text: FileText;
}

export interface RelocateContext {
  /** Files the code may have moved to; read only when it is not in its own file. */
  otherFiles?: Iterable<OtherFile>;
  history?: AnchorHistory;
}


export function asPrepared(text: FileText): PreparedFile {
  return typeof text === 'string' ? prepareFile(text) : text;
}

/** The plain check: is the snippet still at its recorded lines (CR and trailing blanks aside)? */
export function isFresh(anchor: Anchor, text: FileText): boolean {
  const snippet = new Snippet(anchor.snippet);
  return isExactlyAt(asPrepared(text), snippet, anchor.lines.start - 1);
}

export function relocateAnchor(anchor: Anchor, current: { text?: FileText }, context: RelocateContext = {}): AnchorResolution {
  const snippet = new Snippet(anchor.snippet);
  const own = current.text === undefined ? undefined : asPrepared(current.text);
  // A capped snippet is the head of a longer range: keep the range's length.
  const extra = Math.max(0, anchor.lines.end - anchor.lines.start + 1 - snippet.length);
  const lines = (file: PreparedFile, start: number, end = start + snippet.length - 1) => clamp(file, start, end + extra);

  if (snippet.length === 0) {
    // Nothing to compare: the recorded lines are shown, but not vouched for.
    return own && anchor.lines.start <= own.lines.length
      ? { status: 'drifted', path: anchor.path, lines: lines(own, anchor.lines.start - 1), similarity: 0 }
      : orphaned(anchor);
  }
  if (own && isExactlyAt(own, snippet, anchor.lines.start - 1)) {
    return { status: 'fresh', path: anchor.path, lines: lines(own, anchor.lines.start - 1) };
  }

  const clues = new Clues(anchor, snippet, context.history);
  const resolved = (p: Placement): AnchorResolution => ({
    status: p.confident ? 'moved' : 'drifted',
    path: p.path,
    lines: lines(p.file, p.start, p.end),
    similarity: Math.round(p.similarity * 1000) / 1000,
    ...(p.ambiguous ? { ambiguous: true } : {}),
  });
  const inOwn = own ? verbatimStarts(own, snippet) : [];
  if (own && inOwn.length > 0) return resolved(placeInHome(anchor.path, own, inOwn, snippet, clues));

  // Not in its file as it was: history may know where the file went (asked only now: it may run git).
  const homes: Candidate[] = own ? [{ path: anchor.path, file: own }] : [];
  const others: Candidate[] = [];
  const renamed = clues.renamedTo();
  for (const other of context.otherFiles ?? []) {
    if (other.path === anchor.path) continue;
    (other.path === renamed ? homes : others).push({ path: other.path, file: asPrepared(other.text) });
  }
  for (const home of homes.slice(own ? 1 : 0)) {
    const starts = verbatimStarts(home.file, snippet);
    if (starts.length > 0) return resolved(placeInHome(home.path, home.file, starts, snippet, clues));
  }
  const matches = others.flatMap((o) => verbatimStarts(o.file, snippet).map((start) => ({ ...o, start })));
  const elsewhere = placeInOthers(matches, snippet, clues, own !== undefined);
  // History saying the code was edited where it was outweighs a copy elsewhere.
  const editedInPlace = elsewhere.now && homes.some((h) => clues.stillIn(h.file));
  const declared = declarationInHomes(homes, clues);
  if (elsewhere.now && !editedInPlace) {
    // Its declaration still at home and not where the copy is: a copy, perhaps; say drifted.
    const doubt = declared && !holdsDeclaration(elsewhere.now.path, elsewhere.now.file, clues);
    return resolved(doubt ? { ...elsewhere.now, confident: false } : elsewhere.now);
  }
  const inHome = mostSimilar(homes, snippet, clues, anchor);
  // A look-alike away from the anchor's own declaration loses to the declaration (always, when the snippet starts with it).
  if (inHome && declared && (inHome.similarity < STRONG_LOOKALIKE || clues.startsWithSymbol()) && !(inHome.path === declared.path && overlapsDeclaration(inHome, declared.decl))) return resolved(placeAtDeclaration(declared, snippet));
  if (inHome) return resolved(inHome);
  if (declared) return resolved(placeAtDeclaration(declared, snippet));
  const verbatim = elsewhere.now ?? elsewhere.fallback;
  if (verbatim) return resolved({ ...verbatim, confident: false });
  const inOthers = mostSimilar(others, snippet, clues, anchor);
  return inOthers ? resolved(inOthers) : orphaned(anchor);
}

/** A fuzzy match at least this similar outside the anchor's declaration is the code, moved within its file. */
const STRONG_LOOKALIKE = 0.8;

function overlapsDeclaration(p: Placement, decl: { start: number; end: number }): boolean {
  return p.start <= decl.end && (p.end ?? p.start) >= decl.start;
}

function orphaned(anchor: Anchor): AnchorResolution {
  return { status: 'orphaned', path: anchor.path };
}

/** 0-based inclusive lines to a 1-based range inside the file. */
function clamp(file: PreparedFile, start: number, end: number): LineRange {
  const last = Math.max(1, file.lines.length);
  const s = Math.min(Math.max(1, start + 1), last);
  return { start: s, end: Math.min(Math.max(s, end + 1), last) };
}
