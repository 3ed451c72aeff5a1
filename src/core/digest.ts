// The digest for the team meeting: what was learned in a period, by topic;
// wins to celebrate; plans due and done; check-ins; who contributed; and
// anchors that need a person's look.

import type { Note } from './model';
import type { AnchorResult } from './checkAnchors';
import type { NoteIndex } from './noteIndex';
import { checkIns, followups, isDue, type Followup } from './followups';

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
  checkIns: Array<{ note: Note; date: string; text: string }>;
  contributors: Array<{ name: string; notes: number }>;
  attention: AnchorResult[];
}

export function buildDigest(index: NoteIndex, options: DigestOptions): Digest {
  const inPeriod = (date: string | undefined) => !!date && date >= options.since && date <= options.until;
  const all = index.notes();
  const isNew = (n: Note) => (options.addedPaths ? options.addedPaths.has(n.path) : inPeriod(n.created));
  const fresh = all.filter(isNew);
  const aliases = index.aliases();

  const groups = new Map<string, DigestTopicGroup>();
  for (const note of fresh) {
    const slugs = note.topics.length ? [...new Set(note.topics.map((t) => aliases.canonical(t)))] : [''];
    for (const slug of slugs) {
      const topic = slug ? index.topic(slug) : undefined;
      const group = groups.get(slug) ?? { slug, title: topic?.page ? topic.title : slug || 'No topic', notes: [] };
      group.notes.push(note);
      groups.set(slug, group);
    }
  }
  const byTopic = [...groups.values()].sort((a, b) => b.notes.length - a.notes.length || a.slug.localeCompare(b.slug));

  const entries = all
    .filter((n) => n.kind === 'plan')
    .flatMap((note) => checkIns(note.body).map((c) => ({ note, ...c })))
    .filter((c) => inPeriod(c.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  const plansDone = all.filter((n) => n.kind === 'plan' && n.status === 'done' && (isNew(n) || entries.some((c) => c.note === n)));
  const plansDropped = all.filter((n) => n.kind === 'plan' && n.status === 'dropped' && (isNew(n) || entries.some((c) => c.note === n)));

  const counts = new Map<string, number>();
  for (const note of fresh) if (note.author) counts.set(note.author, (counts.get(note.author) ?? 0) + 1);
  const contributors = [...counts].map(([name, notes]) => ({ name, notes })).sort((a, b) => b.notes - a.notes || a.name.localeCompare(b.name));

  return {
    since: options.since,
    until: options.until,
    byTopic,
    newCount: fresh.length,
    wins: fresh.filter((n) => n.kind === 'win'),
    plansDue: followups(all, options.today).filter(isDue),
    plansDone,
    plansDropped,
    checkIns: entries,
    contributors,
    attention: (options.anchors ?? []).filter((a) => a.status === 'drifted' || a.status === 'orphaned'),
  };
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
