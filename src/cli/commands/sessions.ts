// `learnings sessions [--json | --ics] [--today DATE]`: learning sessions,
// planned and held; --ics prints them as an iCalendar file (RFC 5545).

import { isIsoDate, today } from '../../core/dates';
import { sessionsOf } from '../../core/goals/sessions';
import { sessionsToIcs } from '../../core/goals/ics';
import type { Note } from '../../core/model';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { UsageError } from '../usage';

export async function sessionsCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' }, ics: { type: 'boolean' }, today: { type: 'string' } });
  if (values.json && values.ics) throw new UsageError('--json and --ics contradict each other: give one');
  const day = values.today ?? today();
  if (!isIsoDate(day)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${day}"`);
  const index = await ctx.load();
  ctx.reportProblems(index.problems().filter((p) => p.severity === 'error'));
  const all = index.query({ kind: 'session' });
  if (values.ics) {
    // Written as it is, CRLF kept: the calendar file as RFC 5545 wants it.
    const ics = sessionsToIcs(all, { stamp: day, name: 'Team Learnings' });
    if (ctx.io.write) ctx.io.write(ics);
    else ctx.io.out(ics);
    const undated = all.filter((n) => !n.date).length;
    if (undated) ctx.io.err(`${undated} session${undated === 1 ? '' : 's'} without a date left out of the calendar`);
    return 0;
  }
  const { planned, held, unscheduled } = sessionsOf(all, day);
  const json = (state: string) => (n: Note) => ({ path: n.path, title: n.title, date: n.date ?? null, host: n.host ?? null, goal: n.goal ?? null, topics: n.topics, state });
  if (values.json) {
    ctx.io.out(JSON.stringify([...planned.map(json('planned')), ...held.map(json('held')), ...unscheduled.map(json('unscheduled'))], null, 2));
    return 0;
  }
  if (all.length === 0) {
    ctx.io.err('No learning sessions: "learnings new --kind session --title T --date YYYY-MM-DD" plans one.');
    return 0;
  }
  const line = (label: string) => (n: Note) => {
    ctx.io.out(`${(n.date ?? '').padEnd(10)}  ${label.padEnd(11)}  ${n.title}${n.host ? `  (${n.host})` : ''}`);
    ctx.io.out(`${' '.repeat(25)}${n.path}`);
  };
  planned.forEach(line('planned'));
  held.forEach(line('held'));
  unscheduled.forEach(line('no date'));
  return 0;
}
