// What the dashboard's script may ask: run one of a few commands, with a
// topic slug for revealTopic and nothing for the others. A message is
// untrusted input (the page shows names and titles from notes), so anything
// else is dropped. No `vscode` import: unit-tested without VS Code.

export const REVEAL_TOPIC = 'teamLearnings.revealTopic';
export const FOCUS_FOLLOWUPS = 'teamLearnings.followups.focus';
export const FOCUS_THIS_FILE = 'teamLearnings.thisFile.focus';
export const FOCUS_TOPICS = 'teamLearnings.topics.focus';
export const CHECK_ANCHORS = 'teamLearnings.checkAnchors';
/** The contributors card: the digest of the same window, which names who contributed and what. */
export const CONTRIBUTORS_DIGEST = 'teamLearnings.generateDigest';
/** The goals card: a goal selected in the Learning Plan view (a goal slug), or the view. */
export const REVEAL_GOAL = 'teamLearnings.revealGoal';
export const FOCUS_LEARNING_PLAN = 'teamLearnings.learningPlan.focus';

/** The only commands the page can run. */
export const DASHBOARD_COMMANDS: ReadonlySet<string> = new Set([REVEAL_TOPIC, FOCUS_FOLLOWUPS, FOCUS_THIS_FILE, FOCUS_TOPICS, CHECK_ANCHORS, CONTRIBUTORS_DIGEST, REVEAL_GOAL, FOCUS_LEARNING_PLAN]);

/** `arg` is set for revealTopic (a topic slug) and revealGoal (a goal slug) only. */
export interface DashboardMessage {
  type: 'command';
  id: string;
  arg?: string;
}

const TOPIC_SLUG = /^[a-z0-9/-]+$/;
const MAX_SLUG = 200;

/** True when `slug` can be handed to revealTopic from the page. */
export function isTopicArg(slug: unknown): slug is string {
  return typeof slug === 'string' && slug.length <= MAX_SLUG && TOPIC_SLUG.test(slug);
}

/** True when `slug` can be handed to revealGoal from the page: a goal slug (no nesting). */
export function isGoalArg(slug: unknown): slug is string {
  return typeof slug === 'string' && slug.length <= MAX_SLUG && /^[a-z0-9-]+$/.test(slug);
}

/** The message as a DashboardMessage, or undefined when it is not one we accept. */
export function parseDashboardMessage(message: unknown): DashboardMessage | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type !== 'command' || typeof m.id !== 'string' || !DASHBOARD_COMMANDS.has(m.id)) return undefined;
  if (m.id === REVEAL_TOPIC) return isTopicArg(m.arg) ? { type: 'command', id: REVEAL_TOPIC, arg: m.arg } : undefined;
  if (m.id === REVEAL_GOAL) return isGoalArg(m.arg) ? { type: 'command', id: REVEAL_GOAL, arg: m.arg } : undefined;
  // The other commands take no argument: one sent anyway is not passed on.
  return { type: 'command', id: m.id };
}
