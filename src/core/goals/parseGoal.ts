// Parses a team learning goal (`.learnings/goals/<slug>.md`, DESIGN.md
// section 2): title, topics, target, due, owner, status and why it matters.
// Never throws on bad input: every problem names the file and its line.

import { isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { readFrontMatterMap } from '../notes/frontMatterMap';
import { capProblems } from '../notes/parseNote';
import { isTopicSlug } from '../notes/slug';
import { isIsoDate } from '../dates';
import type { Problem } from '../model';

export const GOAL_STATUSES = ['open', 'met', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface Goal {
  /** From the file name: `.learnings/goals/asvs-level-2.md` is `asvs-level-2`. */
  slug: string;
  path: string;
  title: string;
  topics: string[];
  /** What will show the goal is met, in the team's words. */
  target?: string;
  /** `YYYY-MM-DD`. */
  due?: string;
  owner?: string;
  /** `open` unless the file says `met` or `dropped`. */
  status: GoalStatus;
  /** `YYYY-MM-DD`, when written: notes on its topics count from then. */
  created?: string;
  /** Why this matters to us, and how we will know. */
  body: string;
}

export interface ParsedGoal {
  goal?: Goal;
  problems: Problem[];
}

/** A goal's slug: lowercase letters, digits and `-`, no nesting. */
export function isGoalSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

/** `goalsDir` is the workspace-relative folder of goals, e.g. `.learnings/goals`. */
export function goalSlugFromPath(path: string, goalsDir: string): string | undefined {
  const prefix = `${goalsDir}/`;
  if (!path.startsWith(prefix) || !path.endsWith('.md')) return undefined;
  return path.slice(prefix.length, -'.md'.length);
}

export function parseGoal(path: string, text: string, goalsDir: string): ParsedGoal {
  const slug = goalSlugFromPath(path, goalsDir) ?? '';
  if (!isGoalSlug(slug)) {
    return { problems: [{ file: path, severity: 'error', message: `"${oneLine(slug)}" is not a goal slug: name goal files in lowercase letters, digits and "-", directly in ${goalsDir}` }] };
  }
  const read = readFrontMatterMap(path, text, 'title: ..., due: ...');
  if (!read.ok) return { problems: [read.problem] };
  const { map, yamlLine, body, lineOf } = read.value;
  const problems: Problem[] = [];
  const keyLine = (key: string) => {
    const pair = map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
    return lineOf((pair?.key as Node | undefined)?.range?.[0]);
  };
  const problem = (key: string, message: string) => problems.push({ file: path, line: keyLine(key) ?? yamlLine, severity: 'error', message });
  const text_ = (key: string) => readText(map, key, () => problem(key, `${key} must be text`));

  const title = text_('title')?.trim();
  const titleOk = !!title && !/[\r\n]/.test(title);
  if (!title) problem('title', map.has('title') ? 'title must be one non-empty line' : 'title is missing: give the goal a one-line title');
  else if (!titleOk) problem('title', 'title must be one line');

  const due = text_('due')?.trim();
  if (due !== undefined && !isIsoDate(due)) problem('due', `due must be a date YYYY-MM-DD, not "${oneLine(due)}"`);
  const created = text_('created')?.trim();
  if (created !== undefined && !isIsoDate(created)) problem('created', `created must be a date YYYY-MM-DD, not "${oneLine(created)}"`);

  const status = text_('status')?.trim() ?? 'open';
  if (!(GOAL_STATUSES as readonly string[]).includes(status)) problem('status', `unknown status "${oneLine(status)}" (known: ${GOAL_STATUSES.join(', ')})`);

  const topics: string[] = [];
  const topicsNode = map.get('topics', true);
  if (topicsNode !== undefined && !(isScalar(topicsNode) && topicsNode.value === null)) {
    if (!isSeq(topicsNode)) problem('topics', 'topics must be a list, like [security, payments/webhooks]');
    else
      for (const item of topicsNode.items) {
        const value = isScalar(item) ? String(item.value) : undefined;
        if (value === undefined || !isTopicSlug(value)) problem('topics', `topic "${oneLine(value ?? '')}" is not a slug (lowercase letters, digits, "-", "/" for nesting)`);
        else if (!topics.includes(value)) topics.push(value);
      }
  }

  if (!title || !titleOk) return { problems: capProblems(path, problems) };
  const goal: Goal = {
    slug,
    path,
    title,
    topics,
    status: (GOAL_STATUSES as readonly string[]).includes(status) ? (status as GoalStatus) : 'open',
    body: body.trim(),
  };
  const target = text_('target')?.trim();
  if (target) goal.target = target;
  if (due !== undefined && isIsoDate(due)) goal.due = due;
  if (created !== undefined && isIsoDate(created)) goal.created = created;
  const owner = text_('owner')?.trim();
  if (owner) goal.owner = owner;
  return { goal, problems: capProblems(path, problems) };
}

function readText(map: YAMLMap, key: string, wrongType: () => void): string | undefined {
  const node = map.get(key, true);
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
    return typeof node.value === 'number' ? ((node as { source?: string }).source ?? String(node.value)) : node.value;
  }
  wrongType();
  return undefined;
}

/** A value quoted in a message: one line, and short. */
function oneLine(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- a message is one line: control characters become spaces
  const line = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
