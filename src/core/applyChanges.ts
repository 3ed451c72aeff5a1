// Writes a set of planned file changes so that nothing a user wrote is lost:
// every file is first checked to still hold what the plan read; if one
// changed, nothing is written. A write that fails midway leaves a report of
// what was done and what was not.

import { decodeText, encodeText, FileExistsError, type FileSystem } from './fileSystem';
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
    const now = await currentText(fs, change.path);
    if (now !== change.before) report.conflicts.push(change.path);
  }
  if (report.conflicts.length > 0) return report;
  for (const change of changes) {
    try {
      if (change.after === undefined) await fs.delete(change.path);
      else await fs.writeFile(change.path, encodeText(change.after), { exclusive: change.before === undefined });
      report.applied.push(change.path);
    } catch (err) {
      report.failed.push({ path: change.path, reason: err instanceof FileExistsError ? 'a file appeared there meanwhile' : (err as Error).message });
    }
  }
  return report;
}

async function currentText(fs: FileSystem, path: string): Promise<string | undefined> {
  const stat = await fs.stat(path);
  if (!stat) return undefined;
  return decodeText(await fs.readFile(path));
}

/** Writes one file only if it still holds `before`: the guard for every edit of a note. */
export async function writeIfUnchanged(fs: FileSystem, path: string, before: string, after: string): Promise<boolean> {
  const report = await applyChanges(fs, [{ path, before, after }]);
  return report.applied.length === 1;
}
