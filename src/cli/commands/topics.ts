import { flattenTopics, type Topic } from '../../core/topics';
import type { CliContext } from '../context';
import { parseOptions } from '../run';
import { UsageError } from '../usage';
import { planTopicChange, TopicEditError } from '../../core/topicEdits';
import { applyChanges } from '../../core/applyChanges';
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
  const report = await applyChanges(ctx.fs, plan.changes);
  if (report.conflicts.length) {
    for (const p of report.conflicts) ctx.io.err(`${p}: error: changed on disk while planning; nothing was written`);
    return 1;
  }
  for (const f of report.failed) ctx.io.err(`${f.path}: error: not written: ${f.reason}`);
  for (const p of report.applied) ctx.io.out(p);
  const notes = report.applied.filter((p) => p.startsWith(`${ctx.workspace.layout.notesDir}/`)).length;
  ctx.io.err(`${verb === 'rename' ? 'Renamed' : 'Merged'} "${from}" ${verb === 'rename' ? 'to' : 'into'} "${to}": ${notes} note${notes === 1 ? '' : 's'} rewritten, "${from}" kept as an alias.`);
  return report.failed.length || plan.skipped.length ? 1 : 0;
}
