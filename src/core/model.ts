// The shapes of the model (DESIGN.md section 2). Plain data: every surface
// (CLI, extension, browser) reads the same objects.

export const KNOWN_KINDS = ['lesson', 'peer', 'retro', 'plan', 'win', 'idea', 'session'] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

export interface LineRange {
  /** 1-based, inclusive. */
  start: number;
  /** 1-based, inclusive. */
  end: number;
}

export interface Anchor {
  /** Workspace-relative, with `/`. */
  path: string;
  lines: LineRange;
  snippet: string;
  commit?: string;
  /** The declaration the snippet sits in or starts with, at capture: `Router.handle`. */
  symbol?: string;
}

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Workspace-relative path of the file the problem is in. */
  file: string;
  /** 1-based line in that file, where it is known. */
  line?: number;
  severity: Severity;
  message: string;
}

export interface Note {
  /** Workspace-relative path, e.g. `.learnings/notes/2026-11-23-x.md`. */
  path: string;
  title: string;
  /** 1-based line of the `title` field, for messages about it. */
  titleLine?: number;
  /** Kept as written, even when unknown (a warning says so). */
  kind: string;
  topics: string[];
  /** Set when the topics were read from `tags:` (no `topics:`): edits then rewrite `tags`. */
  topicsKey?: 'tags';
  author?: string;
  /** `YYYY-MM-DD`. */
  created?: string;
  anchors: Anchor[];
  /** 1-based line in the note of each anchor's entry, by index, for messages about it. */
  anchorLines?: Array<number | undefined>;
  review?: string;
  status?: string;
  owner?: string;
  /** For a `session`: when it takes place, `YYYY-MM-DD`. */
  date?: string;
  /** For a `session`: who leads it. */
  host?: string;
  /** The slug of the team learning goal the note serves (`.learnings/goals/<slug>.md`). */
  goal?: string;
  /** 1-based line of the `goal` field, for messages about it. */
  goalLine?: number;
  endorsed: string[];
  body: string;
  /** 1-based line where the body starts, for positions in the file. */
  bodyLine: number;
}

export interface TopicPage {
  /** The slug, from the page's path: `payments/webhooks`. */
  slug: string;
  path: string;
  title?: string;
  ambassadors: string[];
  aliases: string[];
  description: string;
}

/** Formats a problem as the one readable line every surface prints. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`;
}

export function formatLines(r: LineRange): string {
  return `${r.start}-${r.end}`;
}
