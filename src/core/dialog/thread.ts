// A note's thread: the note and its replies in order, who took part, whether
// it is resolved, and when it last moved (DESIGN.md section 2).

import { compareText } from '../textOrder';
import { replyFileName, type Reply } from './reply';

/** `none`: no reply yet; `open`: replied, not resolved; `resolved`: the latest reply that says so says true. */
export type ThreadState = 'none' | 'open' | 'resolved';

export interface Thread {
  note: string;
  replies: Reply[];
  /** The note's author first (when known), then each replier once, in the order they joined. */
  participants: string[];
  state: ThreadState;
  /** The latest date in the thread (the note's `created` when no reply has one). */
  lastActivity?: string;
}

/**
 * Replies in the order they were written: by date, then, within a day, by the
 * sequence of the file name (`ana-berg.md` before `ana-berg-2.md`), then by name.
 */
export function compareReplies(a: Reply, b: Reply): number {
  const byDate = compareText(a.created ?? '', b.created ?? '');
  if (byDate !== 0) return byDate;
  const fa = replyFileName(a.path);
  const fb = replyFileName(b.path);
  if (fa.slug === fb.slug && fa.seq !== fb.seq) return fa.seq - fb.seq;
  return compareText(a.path, b.path);
}

/** The state the replies give a thread: the latest reply with `resolved` decides. */
export function threadState(ordered: readonly Reply[]): ThreadState {
  if (ordered.length === 0) return 'none';
  for (let i = ordered.length - 1; i >= 0; i--) {
    const r = ordered[i].resolved;
    if (r !== undefined) return r ? 'resolved' : 'open';
  }
  return 'open';
}

export function buildThread(note: { path: string; author?: string; created?: string }, replies: Iterable<Reply>): Thread {
  const ordered = [...replies].sort(compareReplies);
  const participants: string[] = [];
  const seen = new Set<string>();
  const add = (name: string | undefined) => {
    const key = name?.trim().toLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    participants.push(name!.trim());
  };
  add(note.author);
  for (const r of ordered) add(r.author);
  let lastActivity = note.created;
  for (const r of ordered) if (r.created && (!lastActivity || r.created > lastActivity)) lastActivity = r.created;
  return { note: note.path, replies: ordered, participants, state: threadState(ordered), ...(lastActivity ? { lastActivity } : {}) };
}

/** The people who replied (not the note's author unless they replied too), each once. */
export function repliers(thread: Thread): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of thread.replies) {
    const key = r.author?.toLowerCase();
    if (!r.author || !key || seen.has(key)) continue;
    seen.add(key);
    out.push(r.author);
  }
  return out;
}
