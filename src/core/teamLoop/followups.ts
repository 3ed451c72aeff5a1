// Action plans and their follow-ups: which are due, and the edits that
// record a check-in or close a plan (minimal diffs of the note).

import type { Note } from '../model';
import { addDays } from '../dates';
import { editNote } from '../notes/noteEditor';
import { splitFrontMatter } from '../notes/frontMatter';
import { checkInEntries } from '../notes/checkIns';

export interface Followup {
  note: Note;
  /** Days until the review date; negative when overdue; undefined without a date. */
  dueIn?: number;
  state: 'overdue' | 'due' | 'upcoming' | 'unscheduled';
}

/** Plans within this many days of their review date count as due. */
export const DUE_WINDOW_DAYS = 7;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Open plans, overdue and due first, each with how far its review date is from `today`. */
export function followups(notes: Iterable<Note>, today: string): Followup[] {
  const out: Followup[] = [];
  for (const note of notes) {
    if (note.kind !== 'plan' || (note.status ?? 'open') !== 'open') continue;
    if (!note.review) {
      out.push({ note, state: 'unscheduled' });
      continue;
    }
    const dueIn = daysBetween(today, note.review);
    out.push({ note, dueIn, state: dueIn < 0 ? 'overdue' : dueIn <= DUE_WINDOW_DAYS ? 'due' : 'upcoming' });
  }
  const rank = { overdue: 0, due: 1, upcoming: 2, unscheduled: 3 };
  return out.sort((a, b) => rank[a.state] - rank[b.state] || (a.dueIn ?? 0) - (b.dueIn ?? 0) || a.note.title.localeCompare(b.note.title));
}

export interface ClosedPlan {
  note: Note;
  status: 'done' | 'dropped';
  /** The date of its latest check-in (the closing entry, when it has one), else its creation. */
  closedOn?: string;
  /** That latest check-in's text: the outcome or the reason, when one was given. */
  outcome?: string;
}

/** Plans marked done or dropped, the most recently closed first: they stay visible after the work is over. */
export function closedPlans(notes: Iterable<Note>): ClosedPlan[] {
  const out: ClosedPlan[] = [];
  for (const note of notes) {
    if (note.kind !== 'plan' || (note.status !== 'done' && note.status !== 'dropped')) continue;
    const last = checkIns(note.body).at(-1);
    out.push({ note, status: note.status, closedOn: last?.date ?? note.created, ...(last ? { outcome: last.text } : {}) });
  }
  return out.sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? '') || a.note.title.localeCompare(b.note.title));
}

export function isDue(f: Followup): boolean {
  return f.state === 'overdue' || f.state === 'due';
}

const CHECK_INS = /^##\s+check-?ins\s*$/im;

/**
 * The follow-up questions a check-in answers (DESIGN.md section 2): how the
 * new knowledge changed daily work, what got in the way, what support is
 * needed. Each is optional.
 */
export interface FollowUpAnswers {
  dailyWork?: string;
  inTheWay?: string;
  support?: string;
}

/** How each answer is introduced in the entry: note text, in English like the templates' sections. */
export const FOLLOW_UP_LABELS: Readonly<Record<keyof FollowUpAnswers, string>> = {
  dailyWork: 'Daily work',
  inTheWay: 'In the way',
  support: 'Support needed',
};

/** The answers given as one check-in's text ("Daily work: … · In the way: …"); '' when none was. */
export function followUpEntry(answers: FollowUpAnswers): string {
  return (Object.keys(FOLLOW_UP_LABELS) as Array<keyof FollowUpAnswers>)
    .map((key) => [key, answers[key]?.replace(/\s*\r?\n\s*/g, ' ').trim()] as const)
    .filter(([, answer]) => !!answer)
    .map(([key, answer]) => `${FOLLOW_UP_LABELS[key]}: ${answer}`)
    .join(' · ');
}

/** The answers in a check-in's text written by followUpEntry; undefined for a check-in in other words. */
export function parseFollowUp(text: string): FollowUpAnswers | undefined {
  const out: FollowUpAnswers = {};
  const keys = Object.keys(FOLLOW_UP_LABELS) as Array<keyof FollowUpAnswers>;
  for (const part of text.split(' · ')) {
    const key = keys.find((k) => part.startsWith(`${FOLLOW_UP_LABELS[k]}: `));
    if (!key || out[key] !== undefined) return undefined;
    out[key] = part.slice(FOLLOW_UP_LABELS[key].length + 2);
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Adds a dated entry under the note's "## Check-ins" heading (creating it at
 * the end when absent) and moves `review` on. Only those bytes change.
 */
export function addCheckIn(text: string, date: string, entry: string, nextReviewInDays = 14): string {
  return editNote(appendCheckIn(text, date, entry), [{ op: 'set', key: 'review', value: addDays(date, nextReviewInDays) }]);
}

/** Adds the dated entry under "## Check-ins" (created at the end when absent); nothing else changes. */
export function appendCheckIn(text: string, date: string, entry: string): string {
  const split = splitFrontMatter(text);
  if (!split.ok) throw new Error(split.message);
  const eol = split.value.eol;
  const line = `- ${date}: ${entry.replace(/\s*\r?\n\s*/g, ' ').trim()}${eol}`;
  let body = split.value.body;
  const heading = CHECK_INS.exec(body);
  if (heading) {
    // After the last line of the section (before the next heading or the end).
    const sectionStart = heading.index + heading[0].length;
    const next = body.slice(sectionStart).search(/^#{1,2}\s/m);
    const sectionEnd = next < 0 ? body.length : sectionStart + next;
    let section = body.slice(sectionStart, sectionEnd);
    const trailing = /(\r?\n)*$/.exec(section)![0];
    section = section.slice(0, section.length - trailing.length);
    const sep = section.trim() === '' ? eol + eol : eol;
    body = body.slice(0, sectionStart) + section + sep + line + (next < 0 ? '' : eol) + body.slice(sectionEnd);
  } else {
    const trimmed = body.replace(/(\r?\n)*$/, '');
    body = `${trimmed}${trimmed ? eol + eol : ''}## Check-ins${eol}${eol}${line}`;
  }
  return text.slice(0, split.value.bodyOffset) + body;
}

/** Marks a plan done or dropped and records why as a dated check-in (the outcome or the reason). */
export function closePlan(text: string, status: 'done' | 'dropped', date: string, entry: string): string {
  return setPlanStatus(appendCheckIn(text, date, entry), status);
}

/**
 * Opens a closed plan again. When its last check-in is the closing entry
 * written on `date` (it starts with one of `closingPrefixes`), that entry goes
 * too: reopening the same day undoes the close.
 */
export function reopenPlan(text: string, date: string, closingPrefixes: readonly string[]): string {
  const split = splitFrontMatter(text);
  if (!split.ok) throw new Error(split.message);
  let out = text;
  const last = checkIns(split.value.body).at(-1);
  if (last && last.date === date && closingPrefixes.some((p) => last.text.startsWith(p))) {
    const body = split.value.body;
    const lineRe = /^[-*]\s+(\d{4}-\d{2}-\d{2})\s*[:\-–]\s*(.+)(\r?\n|$)/gm;
    let found: RegExpExecArray | undefined;
    for (const m of body.matchAll(lineRe)) if (m[1] === last.date && m[2].trim() === last.text) found = m as RegExpExecArray;
    if (found) {
      const start = split.value.bodyOffset + found.index;
      out = text.slice(0, start) + text.slice(start + found[0].length);
    }
  }
  return setPlanStatus(out, 'open');
}

export function setPlanStatus(text: string, status: 'open' | 'done' | 'dropped'): string {
  return editNote(text, [{ op: 'set', key: 'status', value: status }]);
}

/** Check-in entries in a plan's body: `- YYYY-MM-DD: text` under "Check-ins". */
export function checkIns(body: string): Array<{ date: string; text: string }> {
  return checkInEntries(body);
}
