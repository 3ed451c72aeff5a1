import { flattenTopics, type Topic } from '../../core/topics/topics';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { UsageError } from '../usage';
import { planTopicChange, TopicEditError } from '../../core/teamLoop/topicEdits';
import { applyChanges, failureReason } from '../../core/writes/applyChanges';
import { Journal } from '../journal';
import { reportInterrupted } from '../interrupted';
import { cleanLeftovers } from '../../node/guardedWrite';
import { decodeText } from '../../core/fileSystem';

export async function topicsCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, 3);
  if (positionals.length > 0) return topicsChange(ctx, positionals);
  const index = await ctx.load();
  ctx.reportProblems(index.problems().filter((p) => p.severity === 'error'));
  const roots = index.topics();
  if (values.json) {
    ctx.io.out(
      JSON.stringify(
        flattenTopics(roots).map((t) => ({
          slug: t.slug,
          title: t.title,
          notes: t.noteCount,
          direct: t.directCount,
          described: t.described,
          ambassadors: t.ambassadors,
          aliases: t.aliases,
          ...(t.page ? { page: t.page.path } : {}),
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  if (roots.length === 0) {
    ctx.io.err('No topics yet: tag a note with --topic to start one.');
    return 0;
  }
  const print = (list: Topic[], depth: number) => {
    for (const t of list) {
      const label = depth === 0 ? t.slug : t.slug.slice(t.slug.lastIndexOf('/') + 1);
      const title = t.described && t.title !== label ? ` "${t.title}"` : '';
      const who = t.ambassadors.length ? `  ambassadors: ${t.ambassadors.join(', ')}` : '';
      const state = t.described ? '' : '  (not yet described)';
      const aliases = t.aliases.length ? `  aliases: ${t.aliases.join(', ')}` : '';
      ctx.io.out(`${'  '.repeat(depth)}${label}${title}  ${t.noteCount} note${t.noteCount === 1 ? '' : 's'}${who}${aliases}${state}`);
      print(t.children, depth + 1);
    }
  };
  print(roots, 0);
  return 0;
}

async function topicsChange(ctx: CliContext, positionals: string[]): Promise<number> {
  const [verb, from, to] = positionals;
  if (verb !== 'rename' && verb !== 'merge') throw new UsageError(`unknown topics command "${verb}" (rename OLD NEW, merge FROM INTO)`);
  if (!from || !to || positionals.length !== 3) throw new UsageError(`topics ${verb} needs two topics: ${verb === 'rename' ? 'OLD NEW' : 'FROM INTO'}`);
  // An earlier change cut short (Ctrl+C, kill -9) is completed first, and said so.
  if ((await reportInterrupted(ctx)).includes(`topics ${verb} ${from} ${to}`)) return 0;
  const index = await ctx.load();
  let plan;
  try {
    plan = await planTopicChange(verb, index, ctx.workspace.layout, from, to, async (p) => {
      const stat = await ctx.fs.stat(p);
      return stat ? decodeText(await ctx.fs.readFile(p)) : undefined;
    });
  } catch (err) {
    // An unknown topic, a name that is not a slug, a topic into itself: how the command was called.
    if (err instanceof TopicEditError) throw new UsageError(err.message);
    throw err;
  }
  for (const s of plan.skipped) ctx.io.err(`${s.path}: error: not changed: ${s.reason}`);
  const command = `topics ${verb} ${from} ${to}`;
  let journal: Journal;
  try {
    journal = await Journal.begin(ctx.root, command, plan.changes);
  } catch (err) {
    ctx.io.err(`learnings: the journal of this change could not be written (${failureReason(err)}): nothing was changed`);
    return 1;
  }
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  let report;
  try {
    // Each file is listed as it is written: an interruption leaves an exact record on stdout too.
    report = await applyChanges(ctx.fs, plan.changes, {
      shouldStop: () => interrupted,
      onApplied: async (p) => {
        ctx.io.out(p);
        // A line the full disk refuses costs nothing: completing the journal compares each file with its planned text.
        await journal.done(p);
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (report.conflicts.length) {
    await journal.finish();
    for (const p of report.conflicts) ctx.io.err(`${p}: error: changed on disk while planning; nothing was written`);
    return 1;
  }
  for (const f of report.failed) ctx.io.err(`${f.path}: error: not written: ${f.reason}`);
  const notes = report.applied.filter((p) => p.startsWith(`${ctx.workspace.layout.notesDir}/`)).length;
  if (interrupted) {
    // The journal stays: the next run completes the change.
    ctx.io.err(`Interrupted: ${report.applied.length} of ${plan.changes.length} files written (listed on stdout), ${report.notDone?.length ?? 0} not yet: run "learnings ${command}" again to complete it.`);
    return 130;
  }
  await journal.finish();
  await cleanLeftovers(ctx.fs.root + '/' + ctx.workspace.layout.folder);
  const aliasPage = plan.changes.find((c) => c.path.startsWith(`${ctx.workspace.layout.topicsDir}/`) && c.after !== undefined);
  const aliasKept = !aliasPage || report.applied.includes(aliasPage.path);
  const notWritten = report.failed.length;
  ctx.io.err(
    `${verb === 'rename' ? 'Renamed' : 'Merged'} "${from}" ${verb === 'rename' ? 'to' : 'into'} "${to}": ${notes} note${notes === 1 ? '' : 's'} rewritten` +
      (notWritten ? `, ${notWritten} file${notWritten === 1 ? '' : 's'} not written (listed above)` : '') +
      (aliasKept ? `, "${from}" kept as an alias.` : `; the alias page ${aliasPage!.path} was not written, so "${from}" is not an alias yet.`),
  );
  return report.failed.length || plan.skipped.length ? 1 : 0;
}
