// A few indicators a team can act on (not everything that can be counted):
// notes per topic over recent months, plans due, anchors needing attention,
// contributors this month.

import type { NoteIndex } from '../index/noteIndex';
import type { AnchorResult } from '../anchors/checkAnchors';
import { followups } from './followups';

export interface Stats {
  notes: number;
  topics: number;
  undescribedTopics: string[];
  /** Last `months` months, oldest first: `YYYY-MM` and notes created per top-level topic. */
  perMonth: Array<{ month: string; total: number; byTopic: Record<string, number> }>;
  plans: { open: number; due: number; overdue: number; done: number; dropped: number };
  anchors: { total: number; fresh: number; moved: number; drifted: number; orphaned: number };
  contributorsThisMonth: Array<{ name: string; notes: number }>;
}

export function computeStats(index: NoteIndex, today: string, anchors: AnchorResult[] = [], months = 6): Stats {
  const notes = index.notes();
  const aliases = index.aliases();
  const monthKeys: string[] = [];
  const [y, m] = today.split('-').map(Number);
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    monthKeys.push(d.toISOString().slice(0, 7));
  }
  const perMonth = monthKeys.map((month) => ({ month, total: 0, byTopic: {} as Record<string, number> }));
  const byMonth = new Map(perMonth.map((p) => [p.month, p]));
  for (const note of notes) {
    const bucket = note.created ? byMonth.get(note.created.slice(0, 7)) : undefined;
    if (!bucket) continue;
    bucket.total++;
    const roots = new Set(note.topics.map((t) => aliases.canonical(t).split('/')[0]));
    for (const root of roots) bucket.byTopic[root] = (bucket.byTopic[root] ?? 0) + 1;
  }
  const plans = { open: 0, due: 0, overdue: 0, done: 0, dropped: 0 };
  for (const note of notes) {
    if (note.kind !== 'plan') continue;
    const status = note.status ?? 'open';
    if (status === 'done') plans.done++;
    else if (status === 'dropped') plans.dropped++;
    else plans.open++;
  }
  for (const f of followups(notes, today)) {
    if (f.state === 'overdue') plans.overdue++;
    if (f.state === 'due') plans.due++;
  }
  const anchorCounts = { total: anchors.length, fresh: 0, moved: 0, drifted: 0, orphaned: 0 };
  for (const a of anchors) anchorCounts[a.status]++;
  const thisMonth = today.slice(0, 7);
  const counts = new Map<string, number>();
  for (const note of notes) if (note.author && note.created?.startsWith(thisMonth)) counts.set(note.author, (counts.get(note.author) ?? 0) + 1);
  const flat: string[] = [];
  const walk = (list: ReturnType<NoteIndex['topics']>) => list.forEach((t) => (flat.push(t.described ? '' : t.slug), walk(t.children)));
  walk(index.topics());
  return {
    notes: notes.length,
    topics: flat.length,
    undescribedTopics: flat.filter(Boolean),
    perMonth,
    plans,
    anchors: anchorCounts,
    contributorsThisMonth: [...counts].map(([name, n]) => ({ name, notes: n })).sort((a, b) => b.notes - a.notes || a.name.localeCompare(b.name)),
  };
}
