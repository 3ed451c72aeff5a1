export const USAGE = `learnings [--root DIR] [--folder NAME] <command> [options]
  new --title T [--kind K] [--topic X]... [--anchor PATH:START-END]... [--author A] [--body TEXT | --body -]
                                     create a note (snippet and commit captured); prints its path
  list [--topic X] [--kind K] [--file PATH] [--author A] [--json]
  show NOTE                          a note with its anchors resolved (NOTE: path, file name or title)
  topics [--json]                    topics with note counts, ambassadors, description state
  check [--json]                     validate notes and check anchors; exit 1 on a problem

  --root DIR      workspace root (default ".")
  --folder NAME   notes folder inside the root (default ".learnings")`;

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}
