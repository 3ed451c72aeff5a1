// The few git questions the CLI asks, through the git command line. Every
// answer is "unknown" (undefined) when git or the repository is not there.

import { execGit } from './gitPolicy';

export function git(root: string, args: string[]): string | undefined {
  try {
    return execGit(['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000, maxBuffer: 64 * 1024 * 1024 }) as string;
  } catch {
    return undefined;
  }
}

/** The commit a ref names, or undefined when it names none. */
export function resolveRef(root: string, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim() || undefined;
}

/** The committer date of a commit, `YYYY-MM-DD`. */
export function commitDate(root: string, commit: string): string | undefined {
  return git(root, ['log', '-1', '--format=%cs', commit, '--'])?.trim() || undefined;
}

/** Files under `dir` added since `commit`, committed or not (workspace-relative). */
export function filesAddedSince(root: string, commit: string, dir: string): Set<string> {
  const prefix = git(root, ['rev-parse', '--show-prefix'])?.trim() ?? '';
  const strip = (p: string) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  const added = git(root, ['diff', '--name-only', '--diff-filter=A', '--relative', commit, '--', dir]) ?? '';
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', dir]) ?? '';
  return new Set(
    [...added.split('\n'), ...untracked.split('\n').map(strip)]
      .map((p) => p.trim())
      .filter(Boolean),
  );
}
