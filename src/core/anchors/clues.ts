// What history says about one anchor, asked only when the snippet alone
// leaves a doubt: git is slow next to a string compare, and most anchors
// never need it.

import type { Anchor } from '../model';
import { findOccurrences, isExactlyAt } from './exactSearch';
import { mapRange, type AnchorHistory, type MappedRange } from './history';
import { prepareFile, type PreparedFile } from './preparedFile';
import type { Snippet } from './snippet';
import { declarationsIn, declarationsOf, enclosingDeclaration } from './declarations';

export class Clues {
  private renamed?: string | null;
  private renamedKnown = false;
  private oldStart?: number | null;
  private oldCount?: number;
  private changed?: ReadonlySet<string> | null;
  private readonly mapped = new Map<PreparedFile, MappedRange | undefined>();
  private symbolName?: string | null;

  constructor(
    private readonly anchor: Anchor,
    private readonly snippet: Snippet,
    private readonly history: AnchorHistory | undefined,
  ) {}

  /** 0-based line the snippet was recorded at. */
  get recordedStart(): number {
    return this.anchor.lines.start - 1;
  }

  /** The file's path now when history says it was renamed. */
  renamedTo(): string | undefined {
    if (!this.renamedKnown) {
      this.renamedKnown = true;
      const commit = this.anchor.commit;
      this.renamed = commit && this.history ? this.history.renamedTo(commit, this.anchor.path) : undefined;
    }
    return this.renamed ?? undefined;
  }

  /** True when `path` is the anchor's file, under its old or its new name. */
  isHome(path: string): boolean {
    return path === this.anchor.path || path === this.renamedTo();
  }

  /** The anchor's recorded lines mapped through the diff from its commit to `file` (one of its homes). */
  mappedInto(file: PreparedFile): MappedRange | undefined {
    if (this.mapped.has(file)) return this.mapped.get(file);
    const old = this.oldText();
    const start = old === undefined ? undefined : this.startInOldText(old);
    const result =
      old === undefined || start === undefined
        ? undefined
        : mapRange(old.text, file.text, { start: start + 1, end: start + Math.max(1, this.snippet.length) });
    this.mapped.set(file, result);
    return result;
  }

  /** 0-based line where the snippet is expected in a home file: history's guess, else the recorded line. */
  expectedStart(file: PreparedFile): number {
    const mapped = this.mappedInto(file);
    return mapped ? mapped.start - 1 : this.anchor.lines.start - 1;
  }

  /**
   * True when history says most of the snippet's meaningful lines are still in
   * `file`: the code was edited where it was, so a copy found elsewhere is a copy.
   */
  stillIn(file: PreparedFile): boolean {
    const mapped = this.mappedInto(file);
    if (!mapped) return false;
    let kept = 0;
    let total = 0;
    this.snippet.shapes.forEach((shape, k) => {
      if (shape.weight < 0.5) return;
      total += shape.weight;
      if (mapped.lines[k] > 0) kept += shape.weight;
    });
    return total > 0 && kept >= total / 2;
  }

  /**
   * How often the snippet occurred in its file at the commit (whitespace
   * aside), or undefined without history. Above 1, a single match now may be
   * the other copy.
   */
  occurrencesAtCommit(): number | undefined {
    if (this.oldCount === undefined) {
      const old = this.oldText();
      if (!old) return undefined;
      this.oldCount = findOccurrences(old, this.snippet, 'blank').length;
    }
    return this.oldCount;
  }

  /** Paths added or changed since the commit, or undefined when history cannot tell. */
  changedSinceCommit(): ReadonlySet<string> | undefined {
    if (this.changed === undefined) {
      const commit = this.anchor.commit;
      const paths = commit && this.history?.changedPaths ? this.history.changedPaths(commit) : undefined;
      this.changed = paths ? new Set(paths) : null;
    }
    return this.changed ?? undefined;
  }

  /**
   * The declaration the snippet sat in: as recorded (`symbol:`), else found
   * in the file at the reference commit where the snippet was, else the one
   * the snippet itself starts with or holds. Undefined when none is known.
   */
  symbol(): string | undefined {
    if (this.symbolName === undefined) {
      this.symbolName = this.anchor.symbol ?? this.symbolAtCommit() ?? this.symbolInSnippet() ?? null;
    }
    return this.symbolName ?? undefined;
  }

  /** True when the snippet's own first line declares the symbol: then the declaration is the anchor's head. */
  startsWithSymbol(): boolean {
    const symbol = this.symbol();
    const own = this.symbolInSnippet();
    return symbol !== undefined && own !== undefined && symbol.slice(symbol.lastIndexOf('.') + 1) === own.slice(own.lastIndexOf('.') + 1);
  }

  private symbolAtCommit(): string | undefined {
    const old = this.oldText();
    const start = old && this.startInOldText(old);
    if (!old || start === undefined) return undefined;
    const decl = enclosingDeclaration(declarationsIn(this.anchor.path, old), old.lines, start, start + this.snippet.length - 1);
    return decl?.name;
  }

  private symbolInSnippet(): string | undefined {
    // Only a snippet that starts with its declaration names it: a name met further down may be a nested helper.
    const lines = this.snippet.lines;
    const first = lines.findIndex((line) => /[\p{L}\p{N}_$]/u.test(line));
    return first < 0 ? undefined : declarationsOf(this.anchor.path, lines).find((d) => d.start === first)?.name;
  }

  private oldText(): PreparedFile | undefined {
    const commit = this.anchor.commit;
    if (!commit || !this.history) return undefined;
    const text = this.history.textAt(commit, this.anchor.path);
    return text === undefined ? undefined : prepareFile(text);
  }

  /**
   * Where the snippet was in the committed file. A snippet captured from
   * unsaved text may not be at its recorded lines there; if it is nowhere
   * unique, history cannot map it.
   */
  private startInOldText(old: PreparedFile): number | undefined {
    if (this.oldStart === undefined) {
      const recorded = this.anchor.lines.start - 1;
      if (isExactlyAt(old, this.snippet, recorded)) this.oldStart = recorded;
      else {
        const starts = findOccurrences(old, this.snippet, 'exact');
        this.oldStart = starts.length === 1 ? starts[0] : null;
      }
    }
    return this.oldStart ?? undefined;
  }
}
