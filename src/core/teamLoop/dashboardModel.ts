// What the dashboard draws, from Stats: a few numbers a team can act on.
// Notes per month stacked by the top few top-level topics (the rest as
// "other"), plans to check in on, anchors needing attention, and who wrote
// this month, with the month's wins. No drawing here: the page turns this
// into SVG.

import type { Reply } from '../dialog/reply';
import type { Thread } from '../dialog/thread';
import type { Note } from '../model';
import type { Stats } from './stats';
import { addDays } from '../dates';
import { checkIns } from './followups';

/** The contributors card counts the last this-many days, today included: a rolling window, never 0 on the 1st. */
export const CONTRIBUTOR_DAYS = 30;

/** Top-level topics drawn in their own colour; the rest share "other". */
export const DASHBOARD_SERIES = 5;

export interface TopicSeries {
  /** `topic`: one top-level topic; `other`: the rest together; `none`: notes without a topic. */
  kind: 'topic' | 'other' | 'none';
  /** The topic's slug, for `topic`. */
  slug?: string;
  /** The topic's title (its page's title, or the slug), for `topic`. */
  title?: string;
  /** Notes in the period on this topic (a note on two topics counts in both). */
  notes: number;
}

export interface MonthSegment {
  /** Index into `NotesChart.series`. */
  series: number;
  /** Notes that month on this series (a note on two topics counts in both). */
  notes: number;
  /** This series' part of the bar, 0 to 1: a note on two topics is shared between them, so the bar's height is its note count. */
  share: number;
}

export interface MonthBar {
  /** `YYYY-MM`. */
  month: string;
  notes: number;
  /** Bottom to top, in legend order. */
  segments: MonthSegment[];
}

export interface NotesChart {
  months: MonthBar[];
  /** Legend order: busiest topic first, then `other`, then `none`. */
  series: TopicSeries[];
  /** Notes created in the period. */
  notes: number;
  /** The busiest month's note count (0 when there is none). */
  maxNotes: number;
}

export interface PlansSummary {
  overdue: number;
  /** Due for a check-in within the week, not yet overdue. */
  dueThisWeek: number;
  /** Open plans neither overdue nor due this week. */
  onTrack: number;
  /** Open plans in all (overdue and due included). */
  open: number;
  done: number;
  /** Plans given up, shown as dropped (not hidden). */
  dropped: number;
  /** Overdue and due this week: the number to act on. */
  toCheckIn: number;
}

export interface AnchorsSummary {
  total: number;
  /** Fresh or moved: the note still points at its code. */
  inPlace: number;
  drifted: number;
  orphaned: number;
  /** Drifted and orphaned. */
  attention: number;
}

export interface Win {
  title: string;
  path: string;
  author?: string;
}

export interface Contributor {
  name: string;
  /** Notes this person wrote in the window. */
  notes: number;
  /** Notes written, check-ins on plans they own, and endorsements, in the window. */
  contributions: number;
}

export interface ContributorsSummary {
  people: Contributor[];
  /** The window, in days, ending today. */
  days: number;
  /** Notes written in the window by the people listed. */
  notes: number;
  /** The most contributions of one person in the window (0 when nobody made any). */
  maxNotes: number;
  wins: Win[];
}

export interface DashboardModel {
  /** `YYYY-MM-DD` the numbers are computed for. */
  today: string;
  notes: NotesChart;
  plans: PlansSummary;
  /** Undefined when the anchors could not be checked. */
  anchors?: AnchorsSummary;
  contributors: ContributorsSummary;
  undescribedTopics: string[];
  /** The dialog: threads still open, and who replied in the contributors' window. */
  dialog?: DialogSummary;
}

export interface DialogSummary {
  open: Array<{ title: string; path: string; replies: number; lastActivity?: string }>;
  repliers: string[];
}

export interface DashboardOptions {
  /** `YYYY-MM-DD`: which month is "this month". */
  today: string;
  /** A top-level topic's title; the slug when absent. */
  topicTitle?: (slug: string) => string | undefined;
  /** All notes: the wins of this month are picked from them. */
  notes?: Iterable<Note>;
  /** False when the anchors could not be checked: the card says so instead of showing zeros. */
  anchorsChecked?: boolean;
  /** How many topics get their own colour. */
  series?: number;
  /** Every reply (the index's): repliers count as contributors. */
  replies?: Iterable<Reply>;
  /** Each note's thread, for the open threads. */
  thread?: (notePath: string) => Thread;
}

export function dashboardModel(stats: Stats, options: DashboardOptions): DashboardModel {
  return {
    today: options.today,
    notes: notesChart(stats.perMonth, options),
    plans: plansSummary(stats.plans),
    ...(options.anchorsChecked === false ? {} : { anchors: anchorsSummary(stats.anchors) }),
    contributors: contributorsSummary(options.notes ?? [], options.today, CONTRIBUTOR_DAYS, options.replies),
    undescribedTopics: stats.undescribedTopics,
    ...(options.thread ? { dialog: dialogSummary(options.notes ?? [], options.thread, options.replies ?? [], options.today) } : {}),
  };
}

/** Open threads, most recently active first, and the people who replied in the contributors' window. */
export function dialogSummary(notes: Iterable<Note>, thread: (notePath: string) => Thread, replies: Iterable<Reply>, today: string, days = CONTRIBUTOR_DAYS): DialogSummary {
  const open: DialogSummary['open'] = [];
  for (const note of notes) {
    const t = thread(note.path);
    if (t.state === 'open') open.push({ title: note.title, path: note.path, replies: t.replies.length, ...(t.lastActivity ? { lastActivity: t.lastActivity } : {}) });
  }
  open.sort((a, b) => (b.lastActivity ?? '').localeCompare(a.lastActivity ?? '') || a.title.localeCompare(b.title));
  const since = addDays(today, -(days - 1));
  const repliers: string[] = [];
  for (const r of replies) {
    const who = r.author?.trim();
    if (who && r.created && r.created >= since && r.created <= today && !repliers.includes(who)) repliers.push(who);
  }
  return { open, repliers: repliers.sort((a, b) => a.localeCompare(b)) };
}

export function notesChart(perMonth: Stats['perMonth'], options: Pick<DashboardOptions, 'topicTitle' | 'series'> = {}): NotesChart {
  const limit = Math.max(0, options.series ?? DASHBOARD_SERIES);
  const totals = new Map<string, number>();
  for (const m of perMonth) for (const [slug, n] of Object.entries(m.byTopic)) totals.set(slug, (totals.get(slug) ?? 0) + n);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const named = ranked.slice(0, limit);
  const rest = ranked.slice(named.length);
  const series: TopicSeries[] = named.map(([slug, notes]) => ({ kind: 'topic', slug, title: options.topicTitle?.(slug) ?? slug, notes }));
  const seriesOf = new Map(named.map(([slug], i) => [slug, i]));
  let other = -1;
  if (rest.length > 0) other = series.push({ kind: 'other', notes: rest.reduce((sum, [, n]) => sum + n, 0) }) - 1;
  let none = -1;

  const months: MonthBar[] = perMonth.map((m) => {
    const counts = new Map<number, number>();
    for (const [slug, n] of Object.entries(m.byTopic)) {
      if (n <= 0) continue;
      const s = seriesOf.get(slug) ?? other;
      counts.set(s, (counts.get(s) ?? 0) + n);
    }
    const mentions = [...counts.values()].reduce((sum, n) => sum + n, 0);
    if (mentions === 0 && m.total > 0) {
      if (none < 0) none = series.push({ kind: 'none', notes: 0 }) - 1;
      series[none].notes += m.total;
      return { month: m.month, notes: m.total, segments: [{ series: none, notes: m.total, share: 1 }] };
    }
    const segments = [...counts]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => ({ series: s, notes: n, share: n / mentions }));
    return { month: m.month, notes: m.total, segments };
  });
  return {
    months,
    series,
    notes: perMonth.reduce((sum, m) => sum + m.total, 0),
    maxNotes: Math.max(0, ...perMonth.map((m) => m.total)),
  };
}

export function plansSummary(plans: Stats['plans']): PlansSummary {
  const overdue = Math.min(plans.overdue, plans.open);
  const dueThisWeek = Math.min(plans.due, plans.open - overdue);
  return {
    overdue,
    dueThisWeek,
    onTrack: plans.open - overdue - dueThisWeek,
    open: plans.open,
    done: plans.done,
    dropped: plans.dropped,
    toCheckIn: overdue + dueThisWeek,
  };
}

export function anchorsSummary(anchors: Stats['anchors']): AnchorsSummary {
  return {
    total: anchors.total,
    inPlace: anchors.fresh + anchors.moved,
    drifted: anchors.drifted,
    orphaned: anchors.orphaned,
    attention: anchors.drifted + anchors.orphaned,
  };
}

/**
 * Who contributed in the `days` days ending `today`: the authors of the notes
 * created then, the owners (else authors) of the plans with a check-in dated
 * then, and those who endorsed a note created then (an endorsement carries no
 * date of its own). Most contributions first.
 */
export function contributorsSummary(notes: Iterable<Note>, today: string, days = CONTRIBUTOR_DAYS, replies: Iterable<Reply> = []): ContributorsSummary {
  const since = addDays(today, -(days - 1));
  const inWindow = (date: string | undefined) => !!date && date >= since && date <= today;
  const people = new Map<string, Contributor>();
  const credit = (name: string | undefined, wrote = false) => {
    const who = name?.trim();
    if (!who) return;
    const p = people.get(who) ?? { name: who, notes: 0, contributions: 0 };
    p.contributions++;
    if (wrote) p.notes++;
    people.set(who, p);
  };
  const all = [...notes];
  for (const note of all) {
    if (inWindow(note.created)) {
      credit(note.author, true);
      for (const name of note.endorsed) credit(name);
    }
    if (note.kind === 'plan') for (const c of checkIns(note.body)) if (inWindow(c.date)) credit(note.owner ?? note.author);
  }
  // A reply is a contribution: who answered a question took part.
  for (const r of replies) if (inWindow(r.created)) credit(r.author);
  const list = [...people.values()].sort((a, b) => b.contributions - a.contributions || a.name.localeCompare(b.name));
  return {
    people: list,
    days,
    notes: list.reduce((sum, p) => sum + p.notes, 0),
    maxNotes: Math.max(0, ...list.map((p) => p.contributions)),
    wins: winsOfMonth(all, today),
  };
}

/** Notes of kind `win` created in the month of `today`, newest first. */
export function winsOfMonth(notes: Iterable<Note>, today: string): Win[] {
  const month = today.slice(0, 7);
  const wins: Array<Win & { created: string }> = [];
  for (const note of notes) {
    if (note.kind !== 'win' || !note.created?.startsWith(month)) continue;
    wins.push({ title: note.title, path: note.path, created: note.created, ...(note.author ? { author: note.author } : {}) });
  }
  return wins
    .sort((a, b) => b.created.localeCompare(a.created) || a.title.localeCompare(b.title))
    .map(({ created: _created, ...win }) => win);
}
