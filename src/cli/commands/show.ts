import { checkWithHistory } from '../anchorCheck';
import type { Note } from '../../core/model';
import type { NoteIndex } from '../../core/index/noteIndex';
import type { CliContext } from '../context';
import type { Thread } from '../../core/dialog/thread';
import { parseOptions } from '../options';
import { UsageError } from '../usage';

/** Finds a note by path, file name (with or without `.md`) or title. */
export function findNote(index: NoteIndex, ref: string): Note[] {
  const wanted = ref.replace(/\\/g, '/').replace(/^\.\//, '');
  const exact = index.get(wanted);
  if (exact) return [exact];
  const notes = index.notes();
  const byName = notes.filter((n) => {
    const name = n.path.slice(n.path.lastIndexOf('/') + 1);
    return name === wanted || name === `${wanted}.md` || n.path.endsWith(`/${wanted}`);
  });
  if (byName.length > 0) return byName;
  const lower = wanted.toLowerCase();
  const byTitle = notes.filter((n) => n.title.toLowerCase() === lower);
  if (byTitle.length > 0) return byTitle;
  return notes.filter((n) => n.title.toLowerCase().includes(lower));
}

export async function showCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, 1);
  const ref = positionals[0];
  if (!ref) throw new UsageError('show needs a NOTE: its path, file name or title');
  const index = await ctx.load();
  const found = findNote(index, ref);
  if (found.length === 0) {
    ctx.reportProblems(index.problemsOf(ref));
    ctx.io.err(`learnings: no note matches "${ref}"`);
    return 1;
  }
  if (found.length > 1) {
    ctx.io.err(`learnings: "${ref}" matches ${found.length} notes; give one path:`);
    for (const n of found.slice(0, 10)) ctx.io.err(`  ${n.path}  ${n.title}`);
    return 2;
  }
  const note = found[0];
  const { anchors, problems } = await checkWithHistory(ctx, [note]);
  const thread = index.thread(note.path);
  ctx.reportProblems([...index.problemsOf(note.path), ...thread.replies.flatMap((r) => index.problemsOf(r.path)), ...problems]);
  if (values.json) {
    const replies = thread.replies.map((r) => ({ path: r.path, author: r.author ?? null, created: r.created ?? null, ...(r.resolved !== undefined ? { resolved: r.resolved } : {}), body: r.body }));
    const dialog = { state: thread.state, participants: thread.participants, lastActivity: thread.lastActivity ?? null, replies };
    ctx.io.out(JSON.stringify({ ...note, anchors: note.anchors.map((a, i) => ({ ...a, lines: `${a.lines.start}-${a.lines.end}`, resolved: anchors[i] })), thread: dialog }, null, 2));
    return 0;
  }
  ctx.io.out(note.title);
  ctx.io.out('='.repeat(Math.min(note.title.length, 80)));
  const meta = [note.kind, note.author, note.created].filter(Boolean).join(' · ');
  ctx.io.out(meta);
  if (note.topics.length) ctx.io.out(`topics: ${note.topics.join(', ')}`);
  if (note.endorsed.length) ctx.io.out(`endorsed by: ${note.endorsed.join(', ')}`);
  if (note.kind === 'plan') {
    ctx.io.out([note.status && `status: ${note.status}`, note.owner && `owner: ${note.owner}`, note.review && `next check-in: ${note.review}`].filter(Boolean).join(' · '));
  }
  for (const a of anchors) {
    const now = a.lines ? `${a.path}:${a.lines}` : a.path;
    const similarity = a.similarity !== undefined ? `, ${Math.round(a.similarity * 100)}% similar` : '';
    ctx.io.out(`anchor: ${now} (${a.status}${a.status === 'fresh' ? '' : `, was ${a.was}`}${similarity})`);
  }
  ctx.io.out('');
  ctx.io.out(note.body.replace(/\s+$/, ''));
  printThread(ctx, thread);
  ctx.io.out(`\n${note.path}`);
  return 0;
}

/** The thread under the note: a heading with its state, then each reply with who, when and whether it resolved or reopened. */
function printThread(ctx: CliContext, thread: Thread): void {
  if (thread.replies.length === 0) return;
  const n = thread.replies.length;
  ctx.io.out('');
  ctx.io.out(`Replies (${n}, ${thread.state}; ${thread.participants.join(', ')}; last ${thread.lastActivity ?? 'undated'})`);
  for (const r of thread.replies) {
    const mark = r.resolved === true ? ' · resolved' : r.resolved === false ? ' · reopened' : '';
    ctx.io.out('');
    ctx.io.out(`  ${r.author ?? 'unknown'} · ${r.created ?? 'undated'}${mark}`);
    for (const line of r.body.replace(/^\s+|\s+$/g, '').split(/\r?\n/)) ctx.io.out(line === '' ? '' : `    ${line}`);
  }
}
