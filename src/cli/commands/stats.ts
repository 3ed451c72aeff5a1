import { computeStats } from '../../core/teamLoop/stats';
import { today } from '../../core/dates';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { checkWithHistory } from '../anchorCheck';

export async function statsCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' }, today: { type: 'string' } });
  const index = await ctx.load();
  const { anchors } = await checkWithHistory(ctx, index.notes());
  const s = computeStats(index, values.today ?? today(), anchors);
  if (values.json) {
    ctx.io.out(JSON.stringify(s, null, 2));
    return 0;
  }
  ctx.io.out(`${s.notes} notes in ${s.topics} topics; ${s.undescribedTopics.length} topics not yet described${s.undescribedTopics.length ? ` (${s.undescribedTopics.join(', ')})` : ''}`);
  ctx.io.out('');
  ctx.io.out('Notes per month');
  const max = Math.max(1, ...s.perMonth.map((m) => m.total));
  for (const m of s.perMonth) {
    const top = Object.entries(m.byTopic).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, n]) => `${t} ${n}`).join(', ');
    ctx.io.out(`  ${m.month}  ${'█'.repeat(Math.round((m.total / max) * 30)).padEnd(30)} ${String(m.total).padStart(3)}${top ? `  ${top}` : ''}`);
  }
  ctx.io.out('');
  ctx.io.out(`Action plans: ${s.plans.open} open (${s.plans.overdue} overdue, ${s.plans.due} due this week), ${s.plans.done} done, ${s.plans.dropped} dropped`);
  ctx.io.out(`Anchors: ${s.anchors.total} (${s.anchors.fresh} fresh, ${s.anchors.moved} moved, ${s.anchors.drifted} drifted, ${s.anchors.orphaned} orphaned)`);
  ctx.io.out(`Contributors this month: ${s.contributorsThisMonth.length ? s.contributorsThisMonth.map((c) => `${c.name} (${c.notes})`).join(', ') : 'none yet'}`);
  return 0;
}
