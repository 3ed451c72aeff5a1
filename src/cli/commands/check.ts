import { formatProblem, type Problem } from '../../core/model';
import type { AnchorResult } from '../../core/checkAnchors';
import { readAnchoredFile } from '../../core/readAnchoredFile';
import { snippetOf } from '../../core/captureAnchor';
import { editNote, type FrontMatterEdit } from '../../core/noteEditor';
import { parseLineRange } from '../../core/parseNote';
import { failureReason } from '../../core/applyChanges';
import { ChangedOnDiskError } from '../../core/fileSystem';
import type { FileChange } from '../../core/topicEdits';
import { applyWithJournal } from '../journal';
import { cleanLeftovers } from '../guardedWrite';
import { reportInterrupted } from './topics';
import { decodeText } from '../../core/fileSystem';
import { readHeadCommit, shortCommit } from '../../core/gitHead';
import type { CliContext } from '../context';
import { parseOptions } from '../run';
import { checkWithHistory } from '../anchorCheck';

export async function checkCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' }, fix: { type: 'boolean' } });
  // A check --fix (or topics change) cut short is completed first, and said so.
  // Its files are listed on stderr, as check --fix lists what it fixes: stdout stays the summary (or the JSON).
  if (values.fix) await reportInterrupted(ctx, (p) => ctx.io.err(`${p}: written (completing the interrupted run)`));
  const index = await ctx.load();
  const notes = index.notes();
  const result = await checkWithHistory(ctx, notes);
  const problems = [...index.problems(), ...result.problems];
  if (values.fix) {
    const { fixed, interrupted } = await fixMovedAnchors(ctx, result.anchors, problems);
    for (const a of fixed) {
      a.was = `${a.path}:${a.lines}`;
      a.status = 'fresh';
    }
    if (interrupted) return 130;
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const failed = problems.some((p) => p.severity === 'error') || result.anchors.some((a) => a.status === 'orphaned' && !a.unresolved);
  if (values.json) {
    ctx.io.out(
      JSON.stringify({
        notes: notes.length,
        problems: problems.map((p) => ({ file: p.file, ...(p.line ? { line: p.line } : {}), severity: p.severity, message: p.message })),
        anchors: result.anchors.map(({ anchorIndex: _i, unresolved, ...a }) => (unresolved ? { ...a, status: 'unresolved', reason: unresolved } : a)),
      }),
    );
    return failed ? 1 : 0;
  }
  for (const p of problems) ctx.io.err(formatProblem(p));
  // An anchor whose file was refused (a symlink out of the workspace, a binary file) was reported above, with why.
  const refused = new Set(result.problems.map((p) => `${p.file}\u0000${/^anchor (\d+):/.exec(p.message)?.[1]}`));
  for (const a of result.anchors) {
    // Not resolved (a file too large to read): its warning above says so, per anchor.
    if (a.status === 'fresh' || a.unresolved) continue;
    if (a.status === 'orphaned' && refused.has(`${a.note}\u0000${a.anchorIndex + 1}`)) continue;
    const where = a.lines ? `${a.path}:${a.lines}` : a.path;
    const similarity = a.similarity !== undefined ? ` (${Math.round(a.similarity * 100)}% similar)` : '';
    const line =
      a.status === 'orphaned'
        ? `${a.note}: error: anchor ${a.was} is orphaned: the code is gone`
        : a.status === 'moved'
          ? `${a.note}: info: anchor ${a.was} moved to ${where} (check --fix updates the note)`
          : `${a.note}: warning: anchor ${a.was} drifted to ${where}${similarity}: the code was edited; re-anchor it by hand`;
    ctx.io.err(line);
  }
  const counts = { fresh: 0, moved: 0, drifted: 0, orphaned: 0, unresolved: 0 };
  for (const a of result.anchors) counts[a.unresolved ? 'unresolved' : a.status]++;
  const errors = problems.filter((p) => p.severity === 'error').length;
  ctx.io.out(
    `${notes.length} notes, ${result.anchors.length} anchors: ${counts.fresh} fresh, ${counts.moved} moved, ${counts.drifted} drifted, ${counts.orphaned} orphaned${counts.unresolved ? `, ${counts.unresolved} not resolved` : ''}; ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`,
  );
  return failed ? 1 : 0;
}

/**
 * Rewrites moved anchors (path, lines, snippet; commit when the anchor had
 * one) with a minimal diff. Drifted anchors are left for a person. A note
 * changed on disk meanwhile is not written. The notes are written under a
 * journal (journal.ts), as topics rename writes them: Ctrl+C stops between
 * two notes and says how far it got, and the next `check --fix` completes it.
 */
async function fixMovedAnchors(ctx: CliContext, anchors: AnchorResult[], problems: Problem[]): Promise<{ fixed: AnchorResult[]; interrupted: boolean }> {
  const byNote = new Map<string, AnchorResult[]>();
  for (const a of anchors) if (a.status === 'moved' && a.lines) byNote.set(a.note, [...(byNote.get(a.note) ?? []), a]);
  const head = await readHeadCommit(ctx.fs);
  const planned = new Map<string, AnchorResult[]>();
  const changes: FileChange[] = [];
  for (const [notePath, moved] of byNote) {
    const note = ctx.workspace.index.get(notePath);
    if (!note) continue;
    const edits: FrontMatterEdit[] = [];
    for (const a of moved) {
      const file = await readAnchoredFile(ctx.fs, a.path);
      const range = parseLineRange(a.lines);
      if (file.text === undefined || !range) continue;
      const old = note.anchors[a.anchorIndex];
      if (old.path !== a.path) edits.push({ op: 'setAnchorField', index: a.anchorIndex, field: 'path', value: a.path });
      edits.push({ op: 'setAnchorField', index: a.anchorIndex, field: 'lines', value: a.lines! });
      const snippet = snippetOf(file.text, range);
      if (snippet !== old.snippet) edits.push({ op: 'setAnchorField', index: a.anchorIndex, field: 'snippet', value: snippet });
      if (old.commit && head) edits.push({ op: 'setAnchorField', index: a.anchorIndex, field: 'commit', value: shortCommit(head) });
    }
    if (edits.length === 0) continue;
    try {
      const before = decodeText(await ctx.fs.readFile(notePath));
      changes.push({ path: notePath, before, after: editNote(before, edits) });
      planned.set(notePath, moved);
    } catch (err) {
      problems.push({ file: notePath, severity: 'error', message: `anchors not fixed: ${(err as Error).message}` });
    }
  }
  if (changes.length === 0) return { fixed: [], interrupted: false };
  const fixed: AnchorResult[] = [];
  let report;
  try {
    report = await applyWithJournal(ctx.root, ctx.fs, 'check --fix', changes, (notePath) => {
      const moved = planned.get(notePath)!;
      fixed.push(...moved);
      for (const a of moved) ctx.io.err(`${notePath}: fixed: anchor ${a.was} now ${a.path}:${a.lines}`);
    });
  } catch (err) {
    ctx.io.err(`learnings: the journal of check --fix could not be written (${failureReason(err)}): no note was fixed`);
    return { fixed: [], interrupted: false };
  }
  for (const f of report.failed) {
    const changed = f.reason === failureReason(new ChangedOnDiskError(f.path));
    problems.push({ file: f.path, severity: 'error', message: changed ? 'changed on disk during check --fix: not written' : `anchors not fixed: ${f.reason}` });
  }
  if (report.interrupted) {
    ctx.io.err(`Interrupted: ${report.applied.length} of ${changes.length} notes fixed (listed above), ${report.notDone?.length ?? 0} not yet: run "learnings check --fix" again to complete it.`);
  } else await cleanLeftovers(`${ctx.fs.root}/${ctx.workspace.layout.folder}`);
  return { fixed, interrupted: report.interrupted };
}
