// A change that a killed or interrupted run left half done (topics rename or
// merge, check --fix) is completed from its journal before the next one.
import type { CliContext } from './context';
import { completeInterrupted } from './journal';
import { cleanLeftovers } from '../node/guardedWrite';

/** Completes changes a killed or interrupted run left, and reports them; returns their commands. */
export async function reportInterrupted(ctx: CliContext, list: (path: string) => void = (p) => ctx.io.out(p)): Promise<string[]> {
  const completed = await completeInterrupted(ctx.root, ctx.fs);
  for (const c of completed) {
    for (const f of c.report.failed) ctx.io.err(`${f.path}: error: not written: ${f.reason}`);
    for (const p of c.report.applied) list(p);
    ctx.io.err(
      `Completed the interrupted "learnings ${c.command}" of ${c.started}: ${c.alreadyDone} files were written before, ${c.report.applied.length} now` +
        (c.report.failed.length ? `, ${c.report.failed.length} not written (listed above).` : '.'),
    );
  }
  if (completed.length) await cleanLeftovers(ctx.fs.root + '/' + ctx.workspace.layout.folder);
  return completed.map((c) => c.command);
}
