import { followups } from '../../core/teamLoop/followups';
import { isIsoDate, today } from '../../core/dates';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { UsageError } from '../usage';

export async function followupsCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' }, today: { type: 'string' }, all: { type: 'boolean' } });
  const day = values.today ?? today();
  if (!isIsoDate(day)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${day}"`);
  const index = await ctx.load();
  const list = followups(index.notes(), day).filter((f) => values.all || f.state === 'overdue' || f.state === 'due');
  if (values.json) {
    ctx.io.out(JSON.stringify(list.map((f) => ({ path: f.note.path, title: f.note.title, owner: f.note.owner ?? null, review: f.note.review ?? null, state: f.state, dueInDays: f.dueIn ?? null })), null, 2));
    return 0;
  }
  if (list.length === 0) {
    ctx.io.err(values.all ? 'No open action plans.' : `No action plans due for a check-in on ${day}.`);
    return 0;
  }
  for (const f of list) {
    const when = f.dueIn === undefined ? 'no review date' : f.dueIn < 0 ? `overdue by ${-f.dueIn} day${f.dueIn === -1 ? '' : 's'}` : f.dueIn === 0 ? 'due today' : `due in ${f.dueIn} day${f.dueIn === 1 ? '' : 's'}`;
    ctx.io.out(`${(f.note.review ?? '').padEnd(10)}  ${when.padEnd(18)}  ${f.note.title}${f.note.owner ? `  (${f.note.owner})` : ''}`);
    ctx.io.out(`${' '.repeat(32)}${f.note.path}`);
  }
  return 0;
}
