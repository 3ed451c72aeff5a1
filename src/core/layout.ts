// Where things live inside the workspace (DESIGN.md section 2).

export const DEFAULT_FOLDER = '.learnings';

export interface Layout {
  folder: string;
  notesDir: string;
  topicsDir: string;
  templatesDir: string;
  /** One folder per note, one file per reply (the dialog on a note). */
  repliesDir: string;
  /** One file per team learning goal (DESIGN.md section 2, goals). */
  goalsDir: string;
}

export function layoutFor(folder: string = DEFAULT_FOLDER): Layout {
  const clean = folder.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '') || DEFAULT_FOLDER;
  return {
    folder: clean,
    notesDir: `${clean}/notes`,
    topicsDir: `${clean}/topics`,
    templatesDir: `${clean}/templates`,
    repliesDir: `${clean}/replies`,
    goalsDir: `${clean}/goals`,
  };
}

export type FileRole = 'note' | 'topic' | 'template' | 'reply' | 'goal' | 'other';

export function roleOf(path: string, layout: Layout): FileRole {
  if (!path.endsWith('.md')) return 'other';
  if (path.startsWith(`${layout.notesDir}/`)) return 'note';
  if (path.startsWith(`${layout.topicsDir}/`)) return 'topic';
  if (path.startsWith(`${layout.templatesDir}/`)) return 'template';
  if (path.startsWith(`${layout.repliesDir}/`)) return 'reply';
  if (path.startsWith(`${layout.goalsDir}/`)) return 'goal';
  return 'other';
}
