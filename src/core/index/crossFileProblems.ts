// Problems no single file shows on its own: two notes with the same title,
// and a topic page that no note uses. Warnings: every note still works.

import type { Note, Problem, TopicPage } from '../model';
import { flattenTopics, type Topic } from '../topics/topics';
import type { Goal } from '../goals/parseGoal';

/** How many other files a duplicate-title message names before it counts the rest. */
const NAMED = 2;

export function crossFileProblems(notes: Iterable<Note>, pages: Iterable<TopicPage>, topics: Topic[]): Problem[] {
  return [...duplicateTitles(notes), ...unusedTopicPages(pages, topics)];
}

function duplicateTitles(notes: Iterable<Note>): Problem[] {
  const byTitle = new Map<string, Note[]>();
  for (const note of notes) {
    const key = titleKey(note.title);
    const same = byTitle.get(key);
    if (same) same.push(note);
    else byTitle.set(key, [note]);
  }
  const problems: Problem[] = [];
  for (const same of byTitle.values()) {
    if (same.length < 2) continue;
    same.sort((a, b) => a.path.localeCompare(b.path));
    for (const note of same) {
      const others = same.filter((n) => n !== note).map((n) => n.path);
      const named = others.slice(0, NAMED).join(', ') + (others.length > NAMED ? ` and ${others.length - NAMED} more` : '');
      problems.push({
        file: note.path,
        line: note.titleLine,
        severity: 'warning',
        message: `another note has the same title: ${named}; give each note its own title`,
      });
    }
  }
  return problems;
}

/**
 * Format characters (zero-width spaces and joiners, word joiner, BOM, soft
 * hyphen, bidi marks, overrides and isolates) and the other default-ignorable
 * code points (variation selectors, fillers): invisible, so not part of what
 * a title reads as.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * Titles that read the same to a person: Unicode compatibility form
 * (fullwidth letters, ligatures), invisible characters, spacing and case do
 * not count.
 */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().toUpperCase().toLowerCase();
}

function unusedTopicPages(pages: Iterable<TopicPage>, topics: Topic[]): Problem[] {
  const bySlug = new Map(flattenTopics(topics).map((t) => [t.slug, t]));
  const problems: Problem[] = [];
  for (const page of pages) {
    const topic = bySlug.get(page.slug);
    if (topic && topic.noteCount > 0) continue;
    problems.push({
      file: page.path,
      severity: 'warning',
      message: `no note uses the topic "${page.slug}"${page.aliases.length ? ' or its aliases' : ''}: tag a note with it, or merge the page into another topic`,
    });
  }
  return problems;
}

/** A note whose `goal` names no goal in the goals folder: an error on that note, which still works. */
export function unknownGoals(notes: Iterable<Note>, goals: Iterable<Goal>): Problem[] {
  const slugs = new Set([...goals].map((g) => g.slug));
  const problems: Problem[] = [];
  for (const note of notes) {
    if (note.goal === undefined || slugs.has(note.goal)) continue;
    const known = [...slugs].sort();
    problems.push({
      file: note.path,
      line: note.goalLine,
      severity: 'error',
      message: `goal "${note.goal.length > 60 ? `${note.goal.slice(0, 60)}…` : note.goal}" names no goal (no ${note.goal}.md in the goals folder)${known.length ? `; known: ${known.slice(0, 5).join(', ')}${known.length > 5 ? ', …' : ''}` : ''}`,
    });
  }
  return problems;
}
