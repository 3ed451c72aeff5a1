// Renaming and merging topics: every note that uses the old topic (or a
// subtopic of it) is rewritten with a minimal diff, and the old name is kept
// as an alias so links and habits keep working.

import { editNote, type FrontMatterEdit } from '../notes/noteEditor';
import type { NoteIndex } from '../index/noteIndex';
import type { Layout } from '../layout';
import type { TopicPage } from '../model';
import { isTopicSlug } from '../notes/slug';
import { renderScalar } from '../notes/noteEditor';
import type { FileChange } from '../writes/applyChanges';

export class TopicEditError extends Error {}

/** The new topic name of `topic` when `from` becomes `to`, or undefined when it is unaffected. */
export function renamedTopic(topic: string, from: string, to: string): string | undefined {
  if (topic === from) return to;
  if (topic.startsWith(`${from}/`)) return to + topic.slice(from.length);
  return undefined;
}

export interface TopicChangePlan {
  changes: FileChange[];
  /** Notes that could not be rewritten (broken front matter), with why. */
  skipped: Array<{ path: string; reason: string }>;
}

/**
 * Plans `rename` (FROM's page moves to TO, FROM is kept as an alias) or
 * `merge` (FROM's notes go to INTO, FROM becomes an alias of INTO).
 * `read` gives a file's current text.
 */
export async function planTopicChange(
  mode: 'rename' | 'merge',
  index: NoteIndex,
  layout: Layout,
  from: string,
  to: string,
  read: (path: string) => Promise<string | undefined>,
): Promise<TopicChangePlan> {
  for (const slug of [from, to]) if (!isTopicSlug(slug)) throw new TopicEditError(`"${slug}" is not a topic slug (lowercase letters, digits, "-", "/" for nesting)`);
  if (from === to) throw new TopicEditError('the two topics are the same');
  if (to.startsWith(`${from}/`)) throw new TopicEditError(`cannot move "${from}" under itself`);
  const fromTopic = index.topic(from);
  if (!fromTopic || fromTopic.slug !== from) throw new TopicEditError(`no topic "${from}"`);
  if (mode === 'merge' && !index.topic(to)) throw new TopicEditError(`no topic "${to}" to merge into`);
  if (mode === 'rename' && index.topic(to) && index.topic(to)!.slug === to) {
    throw new TopicEditError(`topic "${to}" exists already: merge into it instead`);
  }

  const changes: FileChange[] = [];
  const skipped: TopicChangePlan['skipped'] = [];
  // Every note using FROM, a subtopic of FROM, or an alias that resolves to them.
  // A note tagged with an alias of FROM keeps working: the aliases move with FROM's page.
  for (const note of index.query({ topic: from })) {
    const edits: FrontMatterEdit[] = [];
    for (const raw of note.topics) {
      const target = renamedTopic(raw, from, to);
      if (target !== undefined) edits.push({ op: 'replaceInList', key: note.topicsKey ?? 'topics', from: raw, to: target });
    }
    if (edits.length === 0) continue;
    const before = await read(note.path);
    if (before === undefined) {
      skipped.push({ path: note.path, reason: 'could not be read' });
      continue;
    }
    try {
      const after = editNote(before, edits);
      if (after !== before) changes.push({ path: note.path, before, after });
    } catch (err) {
      skipped.push({ path: note.path, reason: (err as Error).message });
    }
  }

  // Keep FROM as an alias on the target's page, moving FROM's page there on a rename.
  const fromPage = index.pages().find((p) => p.slug === from);
  const toPage = index.pages().find((p) => p.slug === to);
  const toPath = `${layout.topicsDir}/${to}.md`;
  if (mode === 'rename' && fromPage && !toPage) {
    const text = await read(fromPage.path);
    if (text !== undefined) {
      changes.push({ path: toPath, before: undefined, after: withAlias(text, from) });
      changes.push({ path: fromPage.path, before: text, after: undefined, requires: toPath });
    }
  } else if (toPage) {
    const text = await read(toPage.path);
    if (text !== undefined) {
      const after = withAlias(text, from, fromPage);
      if (after !== text) changes.push({ path: toPage.path, before: text, after });
    }
    if (fromPage && mode === 'merge') {
      const fromText = await read(fromPage.path);
      const updated = changes.some((c) => c.path === toPage.path);
      if (fromText !== undefined) changes.push({ path: fromPage.path, before: fromText, after: undefined, ...(updated ? { requires: toPage.path } : {}) });
    }
  } else {
    changes.push({ path: toPath, before: undefined, after: `---\naliases: [${renderScalar(from, 'PLAIN')}]\n---\n` });
  }
  return { changes, skipped };
}

/** The page text with `alias` (and the merged page's aliases) added to its aliases. */
function withAlias(text: string, alias: string, merged?: TopicPage): string {
  const wanted = [alias, ...(merged?.aliases ?? [])];
  if (!text.startsWith('---')) {
    const gap = text === '' || /^\r?\n/.test(text) ? '' : '\n';
    return `---\naliases: [${wanted.map((a) => renderScalar(a, 'PLAIN')).join(', ')}]\n---\n${gap}${text}`;
  }
  return editNote(
    text,
    wanted.map((value) => ({ op: 'appendToList', key: 'aliases', value })),
  );
}
