// AnchorHistory over the `git` command, for the CLI. Every answer is cached
// (one `git diff --name-status` per commit; file versions read in batches by
// `git cat-file --batch`), and any failure (no git, not a repository, a
// commit that is not there, as in a shallow clone) means "history does not
// know": the snippet alone decides.

import { execGit } from './gitPolicy';
import type { AnchorHistory } from '../core/anchors/history';

interface Changes {
  renamed: Map<string, string>;
  deleted: Set<string>;
  /** Added, modified and rename-target paths. */
  changed: string[];
}

export interface GitHistoryOptions {
  /** Compare with this commit instead of the working tree (used by the evaluation). */
  to?: string;
}

const MAX_BUFFER = 256 * 1024 * 1024;
/** File versions asked of one `git cat-file` process. */
const BATCH = 256;

export class GitHistory implements AnchorHistory {
  private readonly changes = new Map<string, Changes | undefined>();
  private readonly texts = new Map<string, string | undefined>();
  private untrackedPaths?: string[];
  private prefixKnown = false;
  private repoPrefix?: string;

  constructor(
    private readonly root: string,
    private readonly options: GitHistoryOptions = {},
  ) {}

  renamedTo(commit: string, path: string): string | null | undefined {
    const changes = this.changesSince(commit);
    if (!changes) return undefined;
    if (changes.deleted.has(path)) return this.movedByHand(path) ?? null;
    return changes.renamed.get(path);
  }

  /**
   * A file moved with plain `mv` and not added yet shows as deleted, its new
   * path as untracked: the one untracked file of the same name is where it went.
   */
  private movedByHand(path: string): string | undefined {
    if (this.options.to) return undefined;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const same = this.untracked().filter((p) => p.slice(p.lastIndexOf('/') + 1) === name);
    return same.length === 1 ? same[0] : undefined;
  }

  ignoredPaths(paths: readonly string[]): ReadonlySet<string> | undefined {
    const asked = paths.filter((p) => !/[\0\n\r]/.test(p));
    if (asked.length === 0) return new Set();
    // Exit status 1 means "none ignored": no output either way.
    const out = this.git(['check-ignore', '--stdin', '-z'], asked.join('\0') + '\0');
    return new Set((out ?? '').split('\0').filter(Boolean));
  }

  addedIn(notePaths: readonly string[]): ReadonlyMap<string, string> | undefined {
    const found = new Map<string, string>();
    const wanted = new Set(notePaths);
    if (wanted.size === 0 || this.prefix() === undefined) return found;
    if (this.options.to) return found;
    const dirs = [...new Set(notePaths.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.')))].filter((d) => !d.startsWith('-'));
    // One `git log` for every note: newest first, so a note's first entry is the commit that (last) added it.
    const out = this.git(['-c', 'core.quotepath=off', 'log', '--diff-filter=A', '--no-renames', '--format=%x01%H', '--name-only', '--relative', '--', ...dirs]);
    for (const chunk of (out ?? '').split('\x01')) {
      const [hash, ...names] = chunk.split('\n');
      if (!/^[0-9a-f]{40,64}$/.test(hash)) continue;
      for (const name of names) if (wanted.has(name) && !found.has(name)) found.set(name, hash);
    }
    // A note not committed yet (a pre-commit hook, a note just written): its anchors were taken from the current commit.
    const missing = notePaths.filter((p) => !found.has(p));
    if (missing.length > 0) {
      const head = this.git(['rev-parse', '--verify', '-q', 'HEAD'])?.trim();
      if (head && /^[0-9a-f]{40,64}$/.test(head)) for (const p of missing) found.set(p, head);
    }
    return found;
  }

  textAt(commit: string, path: string): string | undefined {
    const key = `${commit}:${path}`;
    if (!this.texts.has(key)) this.prefetch([{ commit, path }]);
    return this.texts.get(key);
  }

  /** Reads every asked-for version, a batch per `git cat-file --batch`. */
  prefetch(requests: ReadonlyArray<{ commit: string; path: string }>): void {
    const todo = [...new Set(requests.map((r) => `${r.commit}:${r.path}`))].filter((key) => !this.texts.has(key));
    if (todo.length === 0) return;
    for (const key of todo) this.texts.set(key, undefined);
    const prefix = this.prefix();
    const asked = todo.filter((key) => isCommitLike(key.slice(0, key.indexOf(':'))) && !/[\n\r]/.test(key));
    if (prefix === undefined) return;
    for (let i = 0; i < asked.length; i += BATCH) this.readBlobs(asked.slice(i, i + BATCH), prefix);
  }

  private readBlobs(keys: readonly string[], prefix: string): void {
    // Object names are relative to the repository root; the workspace may be a folder inside it.
    const input = keys.map((key) => key.replace(':', `:${prefix}`)).join('\n') + '\n';
    const out = this.run(['cat-file', '--batch'], input);
    if (!out) return;
    let at = 0;
    for (const key of keys) {
      const eol = out.indexOf(10, at);
      if (eol < 0) break;
      const header = /^[0-9a-f]{40,64} (\w+) (\d+)$/.exec(out.subarray(at, eol).toString('utf8'));
      at = eol + 1;
      if (!header) continue; // missing or ambiguous: no content follows
      const size = Number(header[2]);
      if (header[1] === 'blob') this.texts.set(key, out.subarray(at, at + size).toString('utf8'));
      at += size + 1;
    }
  }

  changedPaths(commit: string): readonly string[] | undefined {
    return this.changesSince(commit)?.changed;
  }

  private changesSince(commit: string): Changes | undefined {
    if (!this.changes.has(commit)) {
      const range = this.options.to ? [commit, this.options.to] : [commit];
      const out = isCommitLike(commit) ? this.git(['diff', '-M', '--relative', '--name-status', '-z', ...range, '--']) : undefined;
      const changes = out === undefined ? undefined : parseNameStatus(out);
      // A file moved with plain `mv` is untracked until added: code may have gone there too.
      if (changes && !this.options.to) changes.changed.push(...this.untracked());
      this.changes.set(commit, changes);
    }
    return this.changes.get(commit);
  }

  private untracked(): string[] {
    this.untrackedPaths ??= (this.git(['ls-files', '--others', '--exclude-standard', '-z']) ?? '').split('\0').filter(Boolean);
    return this.untrackedPaths;
  }

  /** Where the workspace root lies inside the repository (`` or `sub/dir/`), undefined without git. */
  private prefix(): string | undefined {
    if (!this.prefixKnown) {
      this.prefixKnown = true;
      this.repoPrefix = this.git(['rev-parse', '--show-prefix'])?.trim();
    }
    return this.repoPrefix;
  }

  private git(args: string[], input?: string): string | undefined {
    return this.run(args, input)?.toString('utf8');
  }

  private run(args: string[], input?: string): Buffer | undefined {
    try {
      return execGit(['-C', this.root, ...args], { input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'ignore'] }) as Buffer;
    } catch {
      return undefined;
    }
  }
}

/** A commit from a note must not be read as an option of git. */
function isCommitLike(commit: string): boolean {
  return /^[0-9a-fA-F]{4,64}$/.test(commit);
}

/** Parses `git diff --name-status -z`: `M\0path\0`, `R097\0old\0new\0`, ... */
export function parseNameStatus(out: string): Changes {
  const fields = out.split('\0');
  const renamed = new Map<string, string>();
  const deleted = new Set<string>();
  const changed: string[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (!status) continue;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++];
      const to = fields[i++];
      if (status.startsWith('R')) renamed.set(from, to);
      changed.push(to);
    } else {
      const path = fields[i++];
      if (status === 'D') deleted.add(path);
      else changed.push(path);
    }
  }
  return { renamed, deleted, changed };
}
