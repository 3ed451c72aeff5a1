import { searchExcerpt } from '../../core/index/searchExcerpt';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { UsageError } from '../usage';

/** `learnings search QUERY [--limit N] [--json]`: the editor's Search Notes, in rank order. */
export async function searchCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { limit: { type: 'string' }, json: { type: 'boolean' } }, Infinity);
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('search needs a QUERY');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of 1 or more, not "${values.limit}"`);
  const index = await ctx.load();
  ctx.reportProblems(index.problems().filter((p) => p.severity === 'error'));
  const hits = index.search(query, limit).map((h) => ({ path: h.note.path, title: h.note.title, score: h.score, excerpt: searchExcerpt(h.note, query) }));
  if (values.json) {
    ctx.io.out(JSON.stringify(hits, null, 2));
    return 0;
  }
  if (hits.length === 0) {
    ctx.io.err(`No notes match "${query}".`);
    return 0;
  }
  for (const hit of hits) {
    ctx.io.out(`${hit.title}`);
    ctx.io.out(`  ${hit.path}`);
    if (hit.excerpt) ctx.io.out(`  ${hit.excerpt}`);
  }
  return 0;
}
