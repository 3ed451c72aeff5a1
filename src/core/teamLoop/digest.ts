// The digest for the team meeting: what was learned in a period, by topic;
// wins to celebrate; plans due and done; check-ins; who contributed; and
// anchors that need a person's look.

import type { Note } from '../model';
import type { AnchorResult } from '../anchors/checkAnchors';
import type { NoteIndex } from '../index/noteIndex';
import { checkIns, followups, isDue, type Followup } from './followups';
import type { Thread } from '../dialog/thread';
import { plansProgress, type GoalProgress } from '../goals/progress';
import { sessionsOf } from '../goals/sessions';

/** The period a digest covers when none is asked for: two weeks, a usual sprint. The editor and the CLI both use it. */
export const DEFAULT_DIGEST_DAYS = 14;

export interface DigestOptions {
  /** `YYYY-MM-DD`, inclusive. */
  since: string;
  /** `YYYY-MM-DD`, inclusive. */
  until: string;
  today: string;
  /** When the period is a git range: the note files added in it (overrides `created`). */
  addedPaths?: Set<string>;
  /** Resolved anchors, to list the drifted and orphaned ones. */
  anchors?: AnchorResult[];
}

export interface DigestTopicGroup {
  slug: string;
  title: string;
  notes: Note[];
}

export interface Digest {
  since: string;
  until: string;
  byTopic: DigestTopicGroup[];
  newCount: number;
  wins: Note[];
  plansDue: Followup[];
  plansDone: Note[];
  /** Plans dropped in the period (created in it or with a check-in in it): shown as dropped. */
  plansDropped: Note[];
  /** Check-ins in the period, grouped by plan (plans by title), each plan's by date. */
  checkIns: Array<{ note: Note; date: string; text: string }>;
  checkInsByPlan: Array<{ note: Note; entries: Array<{ date: string; text: string }> }>;
  /** Who wrote notes or replies in the period: `notes` and `replies` each counted. */
  contributors: Array<{ name: string; notes: number; replies?: number }>;
  attention: AnchorResult[];
  /** Threads whose state is open (the latest reply that says so is not resolved), the most recently active first. */
  openQuestions: Array<{ note: Note; thread: Thread }>;
  /** Replies written in the period. */
  replies: number;
  /** Each goal's progress (for `today`) and what served it in the period. */
  learningPlan: Array<{ progress: GoalProgress; checkIns: number; sessionsHeld: Note[]; wins: Note[]; plansClosed: Note[] }>;
  /** Sessions held in the period (dated in it, before today), most recent first. */
  sessionsHeld: Note[];
  /** Sessions planned from today on, soonest first. */
  sessionsComing: Note[];
}

export function buildDigest(index: NoteIndex, options: DigestOptions): Digest {
  const inPeriod = (date: string | undefined) => !!date && date >= options.since && date <= options.until;
  const all = index.notes();
  const isNew = (n: Note) => (options.addedPaths ? options.addedPaths.has(n.path) : inPeriod(n.created));
  const fresh = all.filter(isNew);
  const aliases = index.aliases();

  // Each note once: a win under Wins only, any other note under its first topic.
  const groups = new Map<string, DigestTopicGroup>();
  for (const note of fresh) {
    if (note.kind === 'win') continue;
    const slug = note.topics.length ? aliases.canonical(note.topics[0]) : '';
    const topic = slug ? index.topic(slug) : undefined;
    const group = groups.get(slug) ?? { slug, title: topic?.page ? topic.title : slug || 'No topic', notes: [] };
    group.notes.push(note);
    groups.set(slug, group);
  }
  const byTopic = sortTopicGroups([...groups.values()]);

  const entries = all
    .filter((n) => n.kind === 'plan')
    .flatMap((note) => checkIns(note.body).map((c) => ({ note, ...c })))
    .filter((c) => inPeriod(c.date))
    .sort((a, b) => a.note.title.localeCompare(b.note.title) || a.note.path.localeCompare(b.note.path) || a.date.localeCompare(b.date));
  const checkInsByPlan: Digest['checkInsByPlan'] = [];
  for (const { note, date, text } of entries) {
    const last = checkInsByPlan[checkInsByPlan.length - 1];
    if (last?.note === note) last.entries.push({ date, text });
    else checkInsByPlan.push({ note, entries: [{ date, text }] });
  }
  const plansDone = all.filter((n) => n.kind === 'plan' && n.status === 'done' && (isNew(n) || entries.some((c) => c.note === n)));
  const plansDropped = all.filter((n) => n.kind === 'plan' && n.status === 'dropped' && (isNew(n) || entries.some((c) => c.note === n)));

  const counts = new Map<string, number>();
  for (const note of fresh) if (note.author) counts.set(note.author, (counts.get(note.author) ?? 0) + 1);
  // Replies in the period count too: who answered a question took part.
  const periodReplies = index.replies().filter((r) => inPeriod(r.created) && index.get(r.note));
  const replyCounts = new Map<string, number>();
  for (const r of periodReplies) if (r.author) replyCounts.set(r.author, (replyCounts.get(r.author) ?? 0) + 1);
  const names = new Set([...counts.keys(), ...replyCounts.keys()]);
  const contributors = [...names]
    .map((name) => ({ name, notes: counts.get(name) ?? 0, ...(replyCounts.has(name) ? { replies: replyCounts.get(name) } : {}) }))
    .sort((a, b) => b.notes + (b.replies ?? 0) - (a.notes + (a.replies ?? 0)) || b.notes - a.notes || a.name.localeCompare(b.name));
  const openQuestions = all
    .map((note) => ({ note, thread: index.thread(note.path) }))
    .filter((q) => q.thread.state === 'open')
    .sort((a, b) => (b.thread.lastActivity ?? '').localeCompare(a.thread.lastActivity ?? '') || a.note.title.localeCompare(b.note.title));

  const sessions = sessionsOf(all, options.today);
  const sessionsHeld = sessions.held.filter((s) => inPeriod(s.date));
  const wins = fresh.filter((n) => n.kind === 'win');
  const learningPlan = plansProgress(index.goals(), all, options.today, (topic) => aliases.canonical(topic)).map((progress) => {
    const serves = (n: Note) => n.goal === progress.goal.slug;
    return {
      progress,
      checkIns: entries.filter((c) => serves(c.note)).length,
      sessionsHeld: sessionsHeld.filter(serves),
      wins: wins.filter(serves),
      plansClosed: [...plansDone, ...plansDropped].filter(serves),
    };
  });

  return {
    since: options.since,
    until: options.until,
    byTopic,
    newCount: fresh.length,
    wins,
    plansDue: followups(all, options.today).filter(isDue),
    plansDone,
    plansDropped,
    checkIns: entries,
    checkInsByPlan,
    contributors,
    attention: (options.anchors ?? []).filter((a) => a.status === 'drifted' || a.status === 'orphaned'),
    openQuestions,
    replies: periodReplies.length,
    learningPlan,
    sessionsHeld,
    sessionsComing: sessions.planned,
  };
}

/**
 * Topic groups with each parent before its subtopics: top-level topics by how
 * many notes they and their subtopics hold (then by slug), within one the
 * parent first and its subtopics by slug; notes without a topic last.
 */
export function sortTopicGroups(groups: DigestTopicGroup[]): DigestTopicGroup[] {
  const rootOf = (slug: string) => slug.split('/')[0];
  const weight = new Map<string, number>();
  for (const g of groups) if (g.slug) weight.set(rootOf(g.slug), (weight.get(rootOf(g.slug)) ?? 0) + g.notes.length);
  const bySegments = (a: string, b: string) => {
    const x = a.split('/');
    const y = b.split('/');
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  };
  return [...groups].sort((a, b) => {
    if (!a.slug || !b.slug) return (a.slug ? 0 : 1) - (b.slug ? 0 : 1);
    const ra = rootOf(a.slug);
    const rb = rootOf(b.slug);
    if (ra !== rb) return (weight.get(rb) ?? 0) - (weight.get(ra) ?? 0) || (ra < rb ? -1 : 1);
    return bySegments(a.slug, b.slug);
  });
}

/** The first paragraph of a note's body that is not a heading, on one line, cut at a word. */
export function summaryOf(body: string, max = 200): string {
  const paragraph = body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .find((p) => p !== '' && !/^#{1,6}\s[^\n]*$/.test(p));
  if (!paragraph) return '';
  const flat = paragraph
    .replace(/^#{1,6}\s[^\n]*\n/, '')
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^([-*+]|\d+[.)])\s+/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  // An odd backtick would leave a code span open in the digest.
  if ((cut.match(/`/g) ?? []).length % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('`')).trimEnd();
  return `${cut.replace(/[\s,;:.]+$/, '')}…`;
}
