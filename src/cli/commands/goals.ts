// `learnings goals [--json] [--today DATE]`: the team's learning goals with
// their progress and state, computed for the day (never stored).

import { isIsoDate, today } from '../../core/dates';
import { plansProgress, progressSummary, stateLabel, type GoalProgress } from '../../core/goals/progress';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { UsageError } from '../usage';

export function goalToJson(p: GoalProgress) {
  const plan = (x: GoalProgress['plans']['open'][number]) => ({ path: x.note.path, title: x.note.title, latestCheckIn: x.latest ?? null });
  return {
    slug: p.goal.slug,
    path: p.goal.path,
    title: p.goal.title,
    topics: p.goal.topics,
    target: p.goal.target ?? null,
    due: p.goal.due ?? null,
    owner: p.goal.owner ?? null,
    status: p.goal.status,
    state: p.state,
    dueInDays: p.dueIn ?? null,
    plans: { open: p.plans.open.map(plan), done: p.plans.done.map(plan), dropped: p.plans.dropped.map(plan) },
    sessions: {
      held: p.sessions.held.map((n) => ({ path: n.path, title: n.title, date: n.date ?? null })),
      planned: p.sessions.planned.map((n) => ({ path: n.path, title: n.title, date: n.date ?? null })),
    },
    wins: p.wins.map((n) => ({ path: n.path, title: n.title })),
    notesOnTopics: p.onTopics.length,
    since: p.since ?? null,
  };
}

export async function goalsCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' }, today: { type: 'string' } });
  const day = values.today ?? today();
  if (!isIsoDate(day)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${day}"`);
  const index = await ctx.load();
  ctx.reportProblems(index.problems().filter((p) => p.severity === 'error'));
  const aliases = index.aliases();
  const list = plansProgress(index.goals(), index.notes(), day, (t) => aliases.canonical(t));
  if (values.json) {
    ctx.io.out(JSON.stringify(list.map(goalToJson), null, 2));
    return 0;
  }
  if (list.length === 0) {
    ctx.io.err(`No learning goals: add one file per goal to ${ctx.workspace.layout.goalsDir}/.`);
    return 0;
  }
  for (const p of list) {
    const due = p.goal.due ? `due ${p.goal.due}` : 'no due date';
    ctx.io.out(`${stateLabel(p.state).padEnd(9)}  ${p.goal.title}  (${due}${p.goal.owner ? `, ${p.goal.owner}` : ''})`);
    ctx.io.out(`${' '.repeat(11)}${progressSummary(p)} · ${p.onTopics.length} note${p.onTopics.length === 1 ? '' : 's'} on its topics${p.since ? ` since ${p.since}` : ''}`);
    for (const x of p.plans.open) ctx.io.out(`${' '.repeat(11)}open plan: ${x.note.title}${x.latest ? ` (last check-in ${x.latest.date}: ${x.latest.text})` : ' (no check-in yet)'}`);
    const next = p.sessions.planned[0];
    if (next) ctx.io.out(`${' '.repeat(11)}next session: ${next.date ?? 'no date'} ${next.title}`);
    ctx.io.out(`${' '.repeat(11)}${p.goal.path}`);
  }
  return 0;
}
