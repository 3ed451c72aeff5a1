export const USAGE = `learnings [--root DIR] [--folder NAME] [--no-git] <command> [options]
  new --title T [--kind K] [--topic X]... [--anchor PATH:START-END]... [--author A] [--body TEXT | --body -]
      [--topics-key topics|tags] [--today DATE] [--goal G] [--date YYYY-MM-DD] [--host H]
                                     create a note (snippet and commit captured); prints its path
  list [--topic X] [--kind K] [--file PATH] [--author A] [--goal G] [--json]
  search QUERY [--limit N] [--json] the editor's search, ranked: word forms, prefixes, accents, a typo
  show NOTE                          a note with its anchors resolved and its replies (NOTE: path, file name or title)
  reply NOTE --body TEXT|- [--resolve | --reopen] [--author A]
                                     add a reply to a note's thread; prints its path
  topics [--json]                    topics with note counts, ambassadors, description state
  topics rename OLD NEW              rewrite every note that uses OLD (minimal diff); OLD stays an alias
  topics merge FROM INTO             FROM's notes move to INTO; FROM becomes an alias of INTO
  check [FILE]... [--format text|json|github|sarif] [--json] [--strict] [--fix]
                                     validate notes (all, or the given note files) and resolve anchors
  digest [--since DATE|GIT-REF] [--until DATE] [--format md|html]
                                     what the team learned, for the meeting (default: last 14 days)
  followups [--json] [--all]         action plans due for a check-in (--all: every open plan)
  goals [--json]                     the team's learning goals with their progress and state
  sessions [--json | --ics]          learning sessions, planned and held (--ics: a calendar file)
  stats [--json]                     a few indicators: notes per month, plans, anchors, contributors

  --root DIR      workspace root (default ".")
  --folder NAME   notes folder inside the root (default ".learnings")
  --no-git        never run git (no history for anchors, no author from git config)
  --today DATE    (new, digest, followups, goals, sessions, stats) take DATE as today
  --version; COMMAND --help

Global options go before or after the command. Exit codes: 0 all well, 1 a problem
in the notes, 2 a usage error (a missing --root or notes folder too), 3 an internal error.`;

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}
