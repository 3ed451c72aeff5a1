// `learnings reply NOTE --body TEXT|- [--resolve | --reopen] [--author A]`:
// a new reply file in the note's thread (DESIGN.md section 4); prints its path.

import { createReply, ReplyError } from '../../core/dialog/createReply';
import { isIsoDate, today } from '../../core/dates';
import type { CliContext } from '../context';
import { parseOptions } from '../options';
import { UsageError } from '../usage';
import { findNote } from './show';
import { gitUserName } from './new';

export async function replyCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { body: { type: 'string' }, author: { type: 'string' }, resolve: { type: 'boolean' }, reopen: { type: 'boolean' }, today: { type: 'string' } },
    1,
  );
  const ref = positionals[0];
  if (!ref) throw new UsageError('reply needs a NOTE: its path, file name or title');
  if (values.body === undefined) throw new UsageError('reply needs --body TEXT (or --body - to read stdin)');
  if (values.resolve && values.reopen) throw new UsageError('--resolve and --reopen contradict each other');
  if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${values.today}"`);
  const index = await ctx.load();
  const found = findNote(index, ref);
  if (found.length === 0) throw new UsageError(`no note matches "${ref}"`);
  if (found.length > 1) {
    ctx.io.err(`learnings: "${ref}" matches ${found.length} notes; give one path:`);
    for (const n of found.slice(0, 10)) ctx.io.err(`  ${n.path}  ${n.title}`);
    return 2;
  }
  const body = values.body === '-' ? await ctx.stdin() : values.body;
  if (body.trim() === '' && !values.resolve && !values.reopen) throw new UsageError('the reply is empty: give its text with --body');
  const author = values.author?.trim() || gitUserName(ctx.root);
  if (!author) throw new UsageError('who replies? give --author A (or set git config user.name)');
  try {
    const created = await createReply(ctx.fs, ctx.workspace.layout, {
      note: found[0].path,
      author,
      body,
      created: values.today ?? today(),
      ...(values.resolve ? { resolved: true } : values.reopen ? { resolved: false } : {}),
    });
    ctx.io.out(created.path);
    return 0;
  } catch (err) {
    if (err instanceof ReplyError) throw new UsageError(err.message);
    throw err;
  }
}
