// How the CLI runs git, in one place: never with the repository's own
// hooks or file-system monitor (a repository's `core.fsmonitor` is a
// command it names), without optional locks, and not at all with --no-git.

import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';

let disabled = false;

/** `--no-git`: git is never run; every git answer is "unknown". */
export function disableGit(): void {
  disabled = true;
}

export function gitDisabled(): boolean {
  return disabled;
}

/** Options that turn off what a repository's config could make git run. */
export const SAFE_GIT_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.untrackedCache=false'];

/** Runs git safely; throws (like execFileSync) when git fails or is disabled. */
export function execGit(args: string[], options: ExecFileSyncOptions): Buffer | string {
  if (disabled) throw new Error('git is disabled (--no-git)');
  return execFileSync('git', [...SAFE_GIT_CONFIG, ...args], { ...options, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' } });
}
