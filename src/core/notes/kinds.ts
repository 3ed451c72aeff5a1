// What each kind of note is called, in English: one table for the preview,
// the digest (editor and CLI) and the views, so a kind reads the same
// everywhere. The extension translates these same strings.

export const KIND_LABELS: Readonly<Record<string, string>> = {
  lesson: 'Lesson',
  peer: 'Peer learning',
  retro: 'Retrospective',
  plan: 'Action plan',
  win: 'Win',
  idea: 'Idea',
};

/** The English label of a kind; an unknown kind is shown as written. */
export function kindLabelOf(kind: string): string {
  return Object.prototype.hasOwnProperty.call(KIND_LABELS, kind) ? KIND_LABELS[kind] : kind;
}

/** The label inside a sentence or a list ("retrospective, Kari, 2026-11-23"). */
export function kindWordOf(kind: string): string {
  return Object.prototype.hasOwnProperty.call(KIND_LABELS, kind) ? KIND_LABELS[kind].toLowerCase() : kind;
}
