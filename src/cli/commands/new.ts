import { execGit } from '../../node/gitPolicy';
import { captureAnchor, CaptureError, parseAnchorSpec } from '../../core/anchors/captureAnchor';
import { createNote } from '../../core/notes/createNote';
import { isTopicSlug } from '../../core/notes/slug';
import { KNOWN_KINDS } from '../../core/model';
import { isIsoDate, today } from '../../core/dates';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { UsageError } from '../usage';
import { isGoalSlug } from '../../core/goals/parseGoal';

export async function newCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    title: { type: 'string' },
    kind: { type: 'string' },
    topic: { type: 'string', multiple: true },
    anchor: { type: 'string', multiple: true },
    author: { type: 'string' },
    body: { type: 'string' },
    'topics-key': { type: 'string' },
    today: { type: 'string' },
    goal: { type: 'string' },
    date: { type: 'string' },
    host: { type: 'string' },
  });
  const created = values.today ?? today();
  if (!isIsoDate(created)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${created}"`);
  const topicsKey = values['topics-key'] ?? 'topics';
  if (topicsKey !== 'topics' && topicsKey !== 'tags') throw new UsageError(`--topics-key must be topics or tags, not "${topicsKey}"`);
  const title = values.title?.trim();
  if (!title) throw new UsageError('new needs --title');
  if (/[\r\n]/.test(title)) throw new UsageError('--title must be one line');
  const kind = values.kind ?? 'lesson';
  if (!(KNOWN_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`unknown kind "${kind}" (known: ${KNOWN_KINDS.join(', ')})`);
  }
  const topics = values.topic ?? [];
  for (const topic of topics) {
    if (!isTopicSlug(topic)) throw new UsageError(`topic "${topic}" is not a slug (lowercase letters, digits, "-", "/" for nesting)`);
  }
  const extra: Record<string, string> = {};
  if (values.date !== undefined) {
    if (kind !== 'session') throw new UsageError('--date is for --kind session: when the session takes place');
    if (!isIsoDate(values.date)) throw new UsageError(`--date must be a date YYYY-MM-DD, not "${values.date}"`);
    extra.date = values.date;
  }
  if (values.host !== undefined) {
    if (kind !== 'session') throw new UsageError('--host is for --kind session: who leads it');
    if (!values.host.trim() || /[\r\n]/.test(values.host)) throw new UsageError('--host must be one line');
    extra.host = values.host.trim();
  }
  if (values.goal !== undefined) {
    const goal = values.goal.trim();
    if (!isGoalSlug(goal)) throw new UsageError(`--goal "${values.goal}" is not a goal slug (the goal's file name without .md)`);
    const known = (await ctx.load()).goals().map((g) => g.slug);
    if (!known.includes(goal)) {
      throw new UsageError(`no goal "${goal}" (no ${ctx.workspace.layout.goalsDir}/${goal}.md)${known.length ? `; known: ${known.join(', ')}` : ''}`);
    }
    extra.goal = goal;
  }
  const anchors = [];
  for (const spec of values.anchor ?? []) {
    const parsed = parseAnchorSpec(spec);
    if (!parsed) throw new UsageError(`--anchor "${spec}" must be PATH:START-END`);
    try {
      anchors.push(await captureAnchor(ctx.fs, parsed.path, parsed.lines));
    } catch (err) {
      if (err instanceof CaptureError) {
        ctx.io.err(`learnings: ${err.message}`);
        return 1;
      }
      throw err;
    }
  }
  const body = values.body === '-' ? await ctx.stdin() : values.body;
  const note = await createNote(ctx.fs, ctx.workspace.layout, {
    title,
    kind,
    topics,
    author: values.author ?? gitUserName(ctx.root),
    created,
    anchors,
    body,
    topicsKey,
    ...(Object.keys(extra).length ? { extra } : {}),
  });
  ctx.io.out(note.path);
  return 0;
}

export function gitUserName(root: string): string | undefined {
  try {
    const name = (execGit(['config', 'user.name'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }) as string).trim();
    return name || undefined;
  } catch {
    return process.env.USER || undefined;
  }
}
