import { checkAnchors } from '../../core/checkAnchors';
import { formatProblem } from '../../core/model';
import type { CliContext } from '../context';
import { parseOptions } from '../run';

export async function checkCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' } });
  const index = await ctx.load();
  const notes = index.notes();
  const result = await checkAnchors(ctx.fs, notes);
  const problems = [...index.problems(), ...result.problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const failed = problems.some((p) => p.severity === 'error') || result.anchors.some((a) => a.status === 'orphaned');
  if (values.json) {
    ctx.io.out(
      JSON.stringify({
        notes: notes.length,
        problems: problems.map((p) => ({ file: p.file, ...(p.line ? { line: p.line } : {}), severity: p.severity, message: p.message })),
        anchors: result.anchors.map(({ anchorIndex: _i, ...a }) => a),
      }),
    );
    return failed ? 1 : 0;
  }
  for (const p of problems) ctx.io.err(formatProblem(p));
  for (const a of result.anchors) {
    if (a.status === 'fresh') continue;
    const where = a.lines ? `${a.path}:${a.lines}` : a.path;
    const similarity = a.similarity !== undefined ? ` (${Math.round(a.similarity * 100)}% similar)` : '';
    const line = a.status === 'orphaned' ? `${a.note}: error: anchor ${a.was} is orphaned: the code is gone` : `${a.note}: ${a.status === 'moved' ? 'info' : 'warning'}: anchor ${a.was} ${a.status}${a.status === 'moved' || a.status === 'drifted' ? ` to ${where}` : ''}${similarity}`;
    ctx.io.err(line);
  }
  const counts = { fresh: 0, moved: 0, drifted: 0, orphaned: 0 };
  for (const a of result.anchors) counts[a.status]++;
  const errors = problems.filter((p) => p.severity === 'error').length;
  ctx.io.out(
    `${notes.length} notes, ${result.anchors.length} anchors: ${counts.fresh} fresh, ${counts.moved} moved, ${counts.drifted} drifted, ${counts.orphaned} orphaned; ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`,
  );
  return failed ? 1 : 0;
}
