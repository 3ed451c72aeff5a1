import { buildDigest, DEFAULT_DIGEST_DAYS } from '../../core/teamLoop/digest';
import { renderDigestHtml, renderDigestMarkdown } from '../../core/teamLoop/digestRender';
import { addDays, isIsoDate, today } from '../../core/dates';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { UsageError } from '../usage';
import { commitDate, filesAddedSince, resolveRef } from '../../node/git';
import { checkWithHistory } from '../anchorCheck';

export async function digestCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { since: { type: 'string' }, until: { type: 'string' }, format: { type: 'string' }, today: { type: 'string' } });
  const day = values.today ?? today();
  if (!isIsoDate(day)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${day}"`);
  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UsageError(`--format must be md or html, not "${format}"`);
  const until = values.until ?? day;
  if (!isIsoDate(until)) throw new UsageError(`--until must be a date YYYY-MM-DD, not "${until}"`);
  let since = addDays(day, -DEFAULT_DIGEST_DAYS);
  let addedPaths: Set<string> | undefined;
  if (values.since !== undefined) {
    if (isIsoDate(values.since)) since = values.since;
    else {
      const commit = resolveRef(ctx.root, values.since);
      if (!commit) throw new UsageError(`--since "${values.since}" is neither a date YYYY-MM-DD nor a git ref here`);
      since = commitDate(ctx.root, commit) ?? since;
      addedPaths = filesAddedSince(ctx.root, commit, ctx.workspace.layout.notesDir);
    }
  }
  if (since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const index = await ctx.load();
  ctx.reportProblems(index.problems().filter((p) => p.severity === 'error'));
  const { anchors } = await checkWithHistory(ctx, index.notes());
  const digest = buildDigest(index, { since, until, today: day, addedPaths, anchors });
  ctx.io.out(format === 'html' ? renderDigestHtml(digest) : renderDigestMarkdown(digest));
  return 0;
}
