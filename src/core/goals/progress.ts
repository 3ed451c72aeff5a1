// A goal's progress and state, computed from the notes that serve it (their
// `goal` field) and those on its topics: never stored (DESIGN.md section 2).
// `today` is handed in: nothing here reads the calendar.

import type { Note } from '../model';
import { addDays } from '../dates';
import { checkInEntries } from '../notes/checkIns';
import type { Goal } from './parseGoal';
import { sessionState } from './sessions';

export type GoalState = 'on-track' | 'at-risk' | 'overdue' | 'met' | 'dropped';
export const GOAL_STATES: readonly GoalState[] = ['overdue', 'at-risk', 'on-track', 'met', 'dropped'];

/** A goal due within this many days with plans still open is at risk. */
export const AT_RISK_DAYS = 30;

export interface PlanProgress {
  note: Note;
  /** The plan's latest check-in, when it has one. */
  latest?: { date: string; text: string };
}

export interface GoalProgress {
  goal: Goal;
  state: GoalState;
  /** Days until `due` (negative when past); undefined without one. */
  dueIn?: number;
  plans: { open: PlanProgress[]; done: PlanProgress[]; dropped: PlanProgress[] };
  sessions: { held: Note[]; planned: Note[] };
  wins: Note[];
  /** Every note whose `goal` is this goal, whatever its kind. */
  serving: Note[];
  /** Notes on the goal's topics (or their subtopics) created since it began, serving it or not. */
  onTopics: Note[];
  /** The day notes on its topics count from: its `created`, else the first note serving it. */
  since?: string;
}

/** The goal's state on `today`, given how many of its plans are open. */
export function goalState(goal: Goal, openPlans: number, today: string): GoalState {
  if (goal.status === 'met') return 'met';
  if (goal.status === 'dropped') return 'dropped';
  if (goal.due !== undefined && goal.due < today) return 'overdue';
  if (goal.due !== undefined && openPlans > 0 && goal.due <= addDays(today, AT_RISK_DAYS)) return 'at-risk';
  return 'on-track';
}

/**
 * `canonical` maps a topic to its canonical slug (aliases); by default a
 * topic is itself.
 */
export function goalProgress(goal: Goal, notes: Iterable<Note>, today: string, canonical: (topic: string) => string = (t) => t): GoalProgress {
  const all = [...notes];
  const serving = all.filter((n) => n.goal === goal.slug);
  const plan = (note: Note): PlanProgress => {
    const latest = checkInEntries(note.body).at(-1);
    return latest ? { note, latest } : { note };
  };
  const plans = { open: [] as PlanProgress[], done: [] as PlanProgress[], dropped: [] as PlanProgress[] };
  const sessions = { held: [] as Note[], planned: [] as Note[] };
  const wins: Note[] = [];
  for (const note of serving) {
    if (note.kind === 'plan') {
      const status = note.status === 'done' || note.status === 'dropped' ? note.status : 'open';
      plans[status].push(plan(note));
    } else if (note.kind === 'session') {
      (sessionState(note, today) === 'held' ? sessions.held : sessions.planned).push(note);
    } else if (note.kind === 'win') wins.push(note);
  }
  sessions.planned.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  sessions.held.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const since = goal.created ?? serving.map((n) => n.created).filter((d): d is string => !!d).sort()[0];
  const wanted = goal.topics.map(canonical);
  const onTopics = wanted.length === 0 ? [] : all.filter((n) => (since === undefined || (n.created !== undefined && n.created >= since)) && n.topics.some((t) => onTopic(canonical(t), wanted)));
  const state = goalState(goal, plans.open.length, today);
  const dueIn = goal.due === undefined ? undefined : Math.round((Date.parse(`${goal.due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { goal, state, ...(dueIn === undefined ? {} : { dueIn }), plans, sessions, wins, serving, onTopics, ...(since ? { since } : {}) };
}

function onTopic(topic: string, wanted: string[]): boolean {
  return wanted.some((w) => topic === w || topic.startsWith(`${w}/`));
}

/** Every goal's progress, the ones needing attention first (overdue, at risk), then by due date and title. */
export function plansProgress(goals: Iterable<Goal>, notes: Iterable<Note>, today: string, canonical?: (topic: string) => string): GoalProgress[] {
  const list = [...notes];
  return [...goals]
    .map((g) => goalProgress(g, list, today, canonical))
    .sort(
      (a, b) =>
        GOAL_STATES.indexOf(a.state) - GOAL_STATES.indexOf(b.state) ||
        (a.goal.due ?? '9999').localeCompare(b.goal.due ?? '9999') ||
        a.goal.title.localeCompare(b.goal.title),
    );
}

/** "2 of 3 plans done · 1 session held, 1 planned · 1 win": the one line every surface shows. */
export function progressSummary(p: GoalProgress): string {
  const plans = p.plans.open.length + p.plans.done.length + p.plans.dropped.length;
  const parts = [`${p.plans.done.length} of ${plans} plan${plans === 1 ? '' : 's'} done`];
  parts.push(`${p.sessions.held.length} session${p.sessions.held.length === 1 ? '' : 's'} held, ${p.sessions.planned.length} planned`);
  parts.push(`${p.wins.length} win${p.wins.length === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** The English words for a state, for the CLI and the digest. */
export function stateLabel(state: GoalState): string {
  return { 'on-track': 'on track', 'at-risk': 'at risk', overdue: 'overdue', met: 'met', dropped: 'dropped' }[state];
}
