import { flattenTopics, type Topic } from '../../core/topics';
import type { CliContext } from '../context';
import { parseOptions } from '../run';

export async function topicsCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' } });
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
