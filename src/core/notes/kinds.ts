// The kinds of note (DESIGN.md section 2): one table for everything that
// differs by kind: what it is called (the preview, the digest, the views, the
// CLI), what it is for, how the title box asks for it, its icon and the
// sections of its built-in template. The English here is what the editor
// translates (src/extension/kinds.ts); the template sections are note text and
// stay in English.

import type { KnownKind } from '../model';

export interface KindInfo {
  /** "Action plan": the badge and the kind pick. */
  label: string;
  /** What the kind is for, under its label in the kind pick. */
  description: string;
  /** What the title box asks for a new note of this kind. */
  titlePrompt: string;
  /** A codicon name. */
  icon: string;
  /** The `## ` sections of the built-in template, in order. */
  sections: readonly string[];
}

export const NOTE_KINDS: Readonly<Record<KnownKind, KindInfo>> = {
  lesson: {
    label: 'Lesson',
    description: 'Something we learned, often the hard way',
    titlePrompt: 'A title: one line that says what was learned',
    icon: 'lightbulb',
    sections: ['What happened', 'What we learned', 'Next time'],
  },
  peer: {
    label: 'Peer learning',
    description: 'How I do something, for a teammate to try',
    titlePrompt: 'A title: the practice you share with your peers',
    icon: 'organization',
    sections: ['Context', 'How I do it', 'Try it'],
  },
  retro: {
    label: 'Retrospective',
    description: 'A short reflection after a delivery',
    titlePrompt: 'A title: which sprint, release or event this retrospective looks back on',
    icon: 'history',
    sections: ['Went well', 'To improve', 'Actions'],
  },
  plan: {
    label: 'Action plan',
    description: 'An action plan with a measurable goal and check-ins',
    titlePrompt: 'A title: what you plan to change or practise',
    icon: 'checklist',
    sections: ['Goal', 'Measurable target', 'Steps', 'Check-ins'],
  },
  win: {
    label: 'Win',
    description: 'A success to celebrate',
    titlePrompt: 'A title: what went well, worth celebrating',
    icon: 'star-full',
    sections: ['The result', 'Thanks to'],
  },
  idea: {
    label: 'Idea',
    description: 'A problem and a first step',
    titlePrompt: 'A title: the idea in one line',
    icon: 'sparkle',
    sections: ['Problem', 'Idea', 'First step'],
  },
  session: {
    label: 'Learning session',
    description: 'Time set aside to learn together: a lunch talk, a course, a workshop',
    titlePrompt: 'A title: what the session is about',
    icon: 'calendar',
    sections: ['Agenda', 'Material', 'What we took away'],
  },
};

/** The prompt for a kind this table does not know (a team's own kind). */
export const OTHER_KIND_TITLE_PROMPT = 'A title: one line that says what the note is about';

/** The table's entry for `kind`; undefined for a kind it does not know (kept as written). */
export function kindInfo(kind: string): KindInfo | undefined {
  return Object.prototype.hasOwnProperty.call(NOTE_KINDS, kind) ? NOTE_KINDS[kind as KnownKind] : undefined;
}

/** The English label of a kind; an unknown kind is shown as written. */
export function kindLabelOf(kind: string): string {
  return kindInfo(kind)?.label ?? kind;
}

/** The label inside a sentence or a list ("retrospective, Kari, 2026-11-23"). */
export function kindWordOf(kind: string): string {
  return kindInfo(kind)?.label.toLowerCase() ?? kind;
}
