// Writes a set of planned file changes so that nothing a user wrote is lost:
// every file is first checked to still hold what the plan read; if one
// changed, nothing is written. A write that fails midway leaves a report of
// what was done and what was not.

import { ChangedOnDiskError, encodeText, FileExistsError, WriteRefusedError, type FileSystem } from '../fileSystem';

/** One planned write: what was read, what it becomes. */
export interface FileChange {
  path: string;
  /** The text that was read (undefined: a new file); a write must check the file still holds it. */
  before: string | undefined;
  /** The new text; undefined deletes the file. */
  after: string | undefined;
  /** A change that must be written first: a page is deleted only once its successor is written (a full disk loses nothing). */
  requires?: string;
}

export interface ApplyReport {
  applied: string[];
  /** Files that changed on disk since they were read: nothing was written. */
  conflicts: string[];
  /** Writes that failed after others were done. */
  failed: Array<{ path: string; reason: string }>;
}

export interface ApplyHooks {
  /** Asked before each write: true stops there (Ctrl+C), leaving the rest in `notDone`. */
  shouldStop?: () => boolean;
  /** After each file written (a journal records it). */
  onApplied?: (path: string) => Promise<void> | void;
  /** False: no all-or-nothing check first; each file is compared as it is written (completing a journal). */
  precheck?: boolean;
}

export async function applyChanges(fs: FileSystem, changes: FileChange[], hooks: ApplyHooks = {}): Promise<ApplyReport & { notDone?: string[] }> {
  const report: ApplyReport & { notDone?: string[] } = { applied: [], conflicts: [], failed: [] };
  for (const change of hooks.precheck === false ? [] : changes) {
    if (!(await stillHolds(fs, change.path, change.before))) report.conflicts.push(change.path);
  }
  if (report.conflicts.length > 0) return report;
  for (const [i, change] of changes.entries()) {
    if (hooks.shouldStop?.()) {
      report.notDone = changes.slice(i).map((c) => c.path);
      break;
    }
    // A required change outside this set (completing a journal: written before) is done.
    if (change.requires !== undefined && !report.applied.includes(change.requires) && changes.some((c) => c.path === change.requires)) {
      report.failed.push({ path: change.path, reason: `kept: ${change.requires} was not written` });
      continue;
    }
    try {
      await writeChange(fs, change);
    } catch (err) {
      report.failed.push({ path: change.path, reason: failureReason(err) });
      continue;
    }
    // Written: whatever happens after (a journal line that cannot be added), it is reported as written.
    report.applied.push(change.path);
    try {
      await hooks.onApplied?.(change.path);
    } catch {
      // the file is written all the same
    }
  }
  return report;
}

/** Why a write failed, in a few words: the loser of a race says so. */
export function failureReason(err: unknown): string {
  if (err instanceof ChangedOnDiskError) return 'changed on disk meanwhile: not written';
  if (err instanceof FileExistsError) return 'a file appeared there meanwhile';
  if (err instanceof WriteRefusedError) return err.message;
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'ENOSPC') return 'the disk is full: not written';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'no permission to write it: not written';
  return (err as Error).message;
}

/**
 * One change, compare-and-swap where the file system offers it (node:fs:
 * under a lock file, so two writers never both succeed on the same base);
 * elsewhere the file is checked right before its write.
 */
async function writeChange(fs: FileSystem, change: FileChange): Promise<void> {
  if (change.before === undefined) {
    if (change.after !== undefined) await fs.writeFile(change.path, encodeText(change.after), { exclusive: true });
    return;
  }
  const after = change.after === undefined ? undefined : encodeText(change.after);
  if (fs.replaceIfUnchanged) return fs.replaceIfUnchanged(change.path, encodeText(change.before), after);
  if (!(await stillHolds(fs, change.path, change.before))) throw new ChangedOnDiskError(change.path);
  if (after === undefined) await fs.delete(change.path);
  else await fs.writeFile(change.path, after);
}

/** Whether the file still holds exactly the bytes of `before` (or is still absent). Bytes, not text: two different invalid bytes decode alike. */
async function stillHolds(fs: FileSystem, path: string, before: string | undefined): Promise<boolean> {
  const stat = await fs.stat(path);
  if (!stat) return before === undefined;
  if (before === undefined) return false;
  const now = await fs.readFile(path).catch(() => undefined);
  if (now === undefined) return false;
  const expected = encodeText(before);
  return now.length === expected.length && now.every((b, i) => b === expected[i]);
}

/** Writes one file only if it still holds `before`: the guard for every edit of a note. */
export async function writeIfUnchanged(fs: FileSystem, path: string, before: string, after: string): Promise<boolean> {
  const report = await applyChanges(fs, [{ path, before, after }]);
  if (report.failed.length > 0 && report.failed[0].reason !== 'changed on disk meanwhile: not written') throw new WriteRefusedError(report.failed[0].reason);
  return report.applied.length === 1;
}
