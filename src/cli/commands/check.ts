import * as path from 'node:path';
import type { Problem } from '../../core/model';
import type { AnchorResult } from '../../core/anchors/checkAnchors';
import { readAnchoredFile } from '../../core/anchors/readAnchoredFile';
import { reanchorEdits, ReanchorError } from '../../core/anchors/reanchor';
import { editNote, type FrontMatterEdit } from '../../core/notes/noteEditor';
import { parseLineRange } from '../../core/notes/parseNote';
import { failureReason } from '../../core/writes/applyChanges';
import { ChangedOnDiskError, decodeText } from '../../core/fileSystem';
import type { FileChange } from '../../core/writes/applyChanges';
import { applyWithJournal } from '../journal';
import { cleanLeftovers } from '../../node/guardedWrite';
import { reportInterrupted } from '../interrupted';
import { readHeadCommit } from '../../core/anchors/gitHead';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { checkWithHistory } from '../anchorCheck';
import { roleOf } from '../../core/layout';
import { UsageError } from '../usage';
import { buildReport, printReport, CHECK_FORMATS, type CheckFormat } from '../report';

export async function checkCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { json: { type: 'boolean' }, fix: { type: 'boolean' }, format: { type: 'string' }, strict: { type: 'boolean' } },
    Infinity,
  );
  const format = checkFormat(values.format, values.json);
  // A check --fix (or topics change) cut short is completed first, and said so.
  // Its files are listed on stderr, as check --fix lists what it fixes: stdout stays the summary (or the JSON).
  if (values.fix) await reportInterrupted(ctx, (p) => ctx.io.err(`${p}: written (completing the interrupted run)`));
  const index = await ctx.load();
  const only = selectNoteFiles(ctx, positionals);
  const inScope = <T extends { file: string } | { path: string }>(x: T) => !only || only.has('file' in x ? x.file : x.path);
  const notes = index.notes().filter(inScope);
  const result = await checkWithHistory(ctx, notes);
  const problems = index.problems().filter(inScope);
  if (values.fix) {
    const { fixed, interrupted } = await fixMovedAnchors(ctx, result.anchors, problems);
    for (const a of fixed) {
      a.was = `${a.path}:${a.lines}`;
      a.status = 'fresh';
    }
    if (interrupted) return 130;
  }
  const report = buildReport({ notes, problems, anchorProblems: result.problems, anchors: result.anchors, strict: !!values.strict });
  printReport(ctx.io, format, report);
  return report.failed ? 1 : 0;
}

function checkFormat(format: string | undefined, json: boolean | undefined): CheckFormat {
  if (json && format !== undefined && format !== 'json') throw new UsageError(`--json and --format ${format} contradict each other`);
  const chosen = format ?? (json ? 'json' : 'text');
  if (!(CHECK_FORMATS as readonly string[]).includes(chosen)) throw new UsageError(`--format must be ${CHECK_FORMATS.join(', ')}, not "${chosen}"`);
  return chosen as CheckFormat;
}

/**
 * The notes named on the command line (a pre-commit hook passes the staged
 * files), workspace-relative; undefined when none was named: every note.
 * A file outside the notes folder or not `.md` is not a note and is ignored.
 */
function selectNoteFiles(ctx: CliContext, files: string[]): Set<string> | undefined {
  if (files.length === 0) return undefined;
  const root = path.resolve(ctx.root);
  const selected = new Set<string>();
  for (const file of files) {
    const rel = path.relative(root, path.resolve(file)).split(path.sep).join('/');
    const role = roleOf(rel, ctx.workspace.layout);
    if (role !== 'note' && role !== 'reply') continue;
    if (!ctx.workspace.index.get(rel) && ctx.workspace.index.problemsOf(rel).length === 0) throw new UsageError(`${file}: no such note`);
    selected.add(rel);
  }
  return selected;
}

/**
 * Rewrites moved anchors (through reanchorEdits: path, lines, snippet,
 * commit when the anchor had one, symbol) with a minimal diff, every note
 * under one journal (see ../journal): an interruption leaves a report, and a
 * rerun completes it. Drifted anchors are left for a person. A note changed
 * on disk meanwhile is not written, and named.
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
    const included: AnchorResult[] = [];
    for (const a of moved) {
      const file = await readAnchoredFile(ctx.fs, a.path);
      const range = parseLineRange(a.lines);
      if (file.text === undefined || !range) continue;
      try {
        edits.push(...reanchorEdits(note, a.anchorIndex, { path: a.path, range, text: file.text, head, notesFolder: ctx.workspace.layout.folder }));
        included.push(a);
      } catch (err) {
        if (!(err instanceof ReanchorError)) throw err;
        problems.push({ file: notePath, severity: 'error', message: `anchor ${a.anchorIndex + 1} not fixed: ${err.message}` });
      }
    }
    if (edits.length === 0) continue;
    try {
      const before = decodeText(await ctx.fs.readFile(notePath));
      changes.push({ path: notePath, before, after: editNote(before, edits) });
      planned.set(notePath, included);
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
