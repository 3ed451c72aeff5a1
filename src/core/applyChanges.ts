// Writes a set of planned file changes so that nothing a user wrote is lost:
// every file is first checked to still hold what the plan read; if one
// changed, nothing is written. A write that fails midway leaves a report of
// what was done and what was not.

import { encodeText, FileExistsError, type FileSystem } from './fileSystem';
import type { FileChange } from './topicEdits';

export interface ApplyReport {
  applied: string[];
  /** Files that changed on disk since they were read: nothing was written. */
  conflicts: string[];
  /** Writes that failed after others were done. */
  failed: Array<{ path: string; reason: string }>;
}

export async function applyChanges(fs: FileSystem, changes: FileChange[]): Promise<ApplyReport> {
  const report: ApplyReport = { applied: [], conflicts: [], failed: [] };
  for (const change of changes) {
    if (!(await stillHolds(fs, change.path, change.before))) report.conflicts.push(change.path);
  }
  if (report.conflicts.length > 0) return report;
  for (const change of changes) {
    try {
      // Checked again right before its write: a file another writer changed meanwhile is left as it is now.
      if (change.before !== undefined && !(await stillHolds(fs, change.path, change.before))) {
        report.failed.push({ path: change.path, reason: 'changed on disk meanwhile: not written' });
        continue;
      }
      if (change.after === undefined) await fs.delete(change.path);
      else await fs.writeFile(change.path, encodeText(change.after), { exclusive: change.before === undefined });
      report.applied.push(change.path);
    } catch (err) {
      report.failed.push({ path: change.path, reason: err instanceof FileExistsError ? 'a file appeared there meanwhile' : (err as Error).message });
    }
  }
  return report;
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
  return report.applied.length === 1;
}
