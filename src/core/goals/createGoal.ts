// A new goal file (`.learnings/goals/<slug>.md`), never replacing one; and
// the edit that marks a goal met or dropped (only that field's bytes change).

import { Document, isSeq } from 'yaml';
import { FileExistsError, encodeText, type FileSystem } from '../fileSystem';
import type { Layout } from '../layout';
import { toFileSlug } from '../notes/slug';
import { noteText } from '../notes/createNote';
import { editNote } from '../notes/noteEditor';
import type { GoalStatus } from './parseGoal';

export interface NewGoalInput {
  title: string;
  topics?: string[];
  target?: string;
  /** `YYYY-MM-DD`. */
  due?: string;
  owner?: string;
  /** `YYYY-MM-DD`: notes on its topics count from then. */
  created: string;
  body?: string;
}

/** The body of a new goal: what DESIGN.md asks a goal to say. */
export const GOAL_TEMPLATE = '## Why this matters to us\n\n## How we will know\n';

export async function createGoal(fs: FileSystem, layout: Layout, input: NewGoalInput): Promise<{ path: string; text: string; slug: string }> {
  const fields: Record<string, unknown> = { title: input.title.trim(), topics: input.topics ?? [] };
  if (input.target) fields.target = input.target;
  if (input.due) fields.due = input.due;
  if (input.owner) fields.owner = input.owner;
  fields.status = 'open';
  fields.created = input.created;
  const doc = new Document(fields);
  const topics = doc.get('topics', true);
  if (isSeq(topics)) topics.flow = true;
  const text = noteText(doc.toString({ lineWidth: 0, flowCollectionPadding: false }), input.body ?? GOAL_TEMPLATE);
  const base = toFileSlug(input.title) || 'goal';
  await fs.createDirectory(layout.goalsDir);
  for (let n = 1; n < 1000; n++) {
    const slug = `${base}${n === 1 ? '' : `-${n}`}`;
    const path = `${layout.goalsDir}/${slug}.md`;
    try {
      await fs.writeFile(path, encodeText(text), { exclusive: true });
      return { path, text, slug };
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
  throw new Error(`too many goals named ${base}`);
}

export function setGoalStatus(text: string, status: GoalStatus): string {
  return editNote(text, [{ op: 'set', key: 'status', value: status }]);
}
