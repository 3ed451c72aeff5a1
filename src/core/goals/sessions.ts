// Learning sessions (notes of kind `session`): planned while their `date`
// is today or later, held after. `today` is handed in.

import type { Note } from '../model';
import { addDays } from '../dates';

export type SessionState = 'planned' | 'held' | 'unscheduled';

/** A session within this many days shows in the status bar with the plans due. */
export const SESSION_SOON_DAYS = 7;

export function sessionState(note: Note, today: string): SessionState {
  if (!note.date) return 'unscheduled';
  return note.date < today ? 'held' : 'planned';
}

export interface Sessions {
  /** Today or later, soonest first. */
  planned: Note[];
  /** Before today, most recent first. */
  held: Note[];
  /** Without a date. */
  unscheduled: Note[];
}

export function sessionsOf(notes: Iterable<Note>, today: string): Sessions {
  const out: Sessions = { planned: [], held: [], unscheduled: [] };
  for (const note of notes) {
    if (note.kind !== 'session') continue;
    out[sessionState(note, today)].push(note);
  }
  out.planned.sort((a, b) => a.date!.localeCompare(b.date!) || a.title.localeCompare(b.title));
  out.held.sort((a, b) => b.date!.localeCompare(a.date!) || a.title.localeCompare(b.title));
  out.unscheduled.sort((a, b) => a.title.localeCompare(b.title));
  return out;
}

/** Planned sessions from `today` up to `days` days on. */
export function sessionsSoon(notes: Iterable<Note>, today: string, days = SESSION_SOON_DAYS): Note[] {
  const last = addDays(today, days);
  return sessionsOf(notes, today).planned.filter((n) => n.date! <= last);
}
