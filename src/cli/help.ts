// `learnings COMMAND --help`: each command's usage and options (DESIGN.md section 4).

import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const GLOBAL = `Global options (before or after the command):
  --root DIR      workspace root (default ".")
  --folder NAME   notes folder inside the root (default ".learnings")
  --no-git        never run git (no history for anchors, no author from git config)`;

export const COMMAND_HELP: Record<string, string> = {
  new: `learnings new --title T [options]
  Create a note (snippet and commit captured); prints its path.
  --title T                  the note's one-line title (required)
  --kind K                   lesson, peer, retro, plan, win, idea or session (default lesson)
  --topic X                  a topic slug; repeat for several
  --anchor PATH:START-END    anchor the note to lines of a file; repeat for several
  --author A                 default: git's user.name
  --body TEXT | --body -     the body (-: read stdin); default: the kind's template
  --topics-key topics|tags   write the topics under "tags" (Obsidian, Foam); default topics
  --today DATE               take DATE as today: the note's created date (a plan's review date follows)
  --goal G                   the learning goal the note serves (.learnings/goals/G.md must exist)
  --date YYYY-MM-DD          for --kind session: when it takes place
  --host H                   for --kind session: who leads it`,
  list: `learnings list [options]
  List notes, newest first.
  --topic X     notes on X and its subtopics
  --kind K      notes of one kind
  --file PATH   notes anchored to PATH
  --author A    notes by A
  --goal G      notes serving the learning goal G
  --json        an array of notes (path, title, kind, topics, author, created, anchors,
                replies, thread: none|open|resolved)`,
  search: `learnings search QUERY [--limit N] [--json]
  The editor's Search Notes, ranked: word forms, prefixes, accents, one typo;
  titles above topics and authors, above bodies.
  --limit N     at most N results (default 20)
  --json        an array of {path, title, score, excerpt}, best first`,
  show: `learnings show NOTE [--json]
  A note with its anchors resolved and its thread of replies. NOTE: a path, file name or title.`,
  reply: `learnings reply NOTE --body TEXT|- [--resolve | --reopen] [--author A]
  Add a reply to a note's thread (a new file in .learnings/replies/<note>/); prints its path.
  NOTE                       a path, file name or title; exit 2 when no note matches
  --body TEXT | --body -     the reply (-: read stdin)
  --resolve                  the reply resolves the thread (resolved: true)
  --reopen                   the reply reopens it (resolved: false)
  --author A                 default: git's user.name
  --today DATE               take DATE as today (the reply's created)`,
  topics: `learnings topics [--json]
  Topics with note counts, ambassadors and description state.
learnings topics rename OLD NEW
  Rewrite every note that uses OLD (minimal diff); OLD stays an alias.
learnings topics merge FROM INTO
  FROM's notes move to INTO; FROM becomes an alias of INTO.`,
  check: `learnings check [FILE]... [options]
  Validate notes and replies (all, or the given files) and resolve the notes' anchors.
  FILE                       only these notes or replies; other files or not .md are ignored
  --format text|json|github|sarif
                             text (default), JSON (schema/check.schema.json), GitHub Actions
                             annotations, or a SARIF 2.1.0 log
  --json                     the same as --format json
  --strict                   drifted anchors and warnings fail too
  --fix                      rewrite moved anchors in the notes
  Exit: 0 all well, 1 a note is invalid or an anchor orphaned, 2 usage error, 3 internal error.`,
  digest: `learnings digest [options]
  What the team learned, for the meeting (default: the last 14 days).
  --since DATE|GIT-REF   from this date or commit
  --until DATE           up to this date
  --format md|html       default md
  --today DATE           take DATE as today`,
  followups: `learnings followups [--json] [--all] [--today DATE]
  Action plans due for a check-in (--all: every open plan).`,
  goals: `learnings goals [--json] [--today DATE]
  The team's learning goals (.learnings/goals/) with their progress, computed, never stored:
  plans open, done and dropped with their latest check-in, sessions held and planned, wins,
  notes on the goal's topics since it began; and its state: on track, at risk (due within
  30 days with plans open), overdue (past due, not met), met or dropped.
  --json        an array of goals with their state and progress
  --today DATE  take DATE as today`,
  sessions: `learnings sessions [--json | --ics] [--today DATE]
  Learning sessions (notes of kind session): planned (date today or later), held, without a date.
  --json        an array of {path, title, date, host, goal, topics, state}
  --ics         an iCalendar file (RFC 5545) of the dated sessions, all-day events, for
                Google Calendar, Outlook or Thunderbird: learnings sessions --ics > sessions.ics
  --today DATE  take DATE as today`,
  stats: `learnings stats [--json] [--today DATE]
  A few indicators: notes per month, plans, anchors, contributors.`,
};

export function commandHelp(name: string): string {
  return `${COMMAND_HELP[name]}\n\n${GLOBAL}`;
}

/** The version of the package this CLI came in. */
export function cliVersion(): string {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'team-learnings' && pkg.version) return pkg.version;
    } catch {
      // not here: one folder up
    }
  }
  return 'unknown';
}
