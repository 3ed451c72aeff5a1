import { checkWithHistory } from '../anchorCheck';
import type { Note } from '../../core/model';
import type { NoteIndex } from '../../core/index/noteIndex';
import type { CliContext } from '../context';
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
  ctx.reportProblems([...index.problemsOf(note.path), ...problems]);
  if (values.json) {
    ctx.io.out(JSON.stringify({ ...note, anchors: note.anchors.map((a, i) => ({ ...a, lines: `${a.lines.start}-${a.lines.end}`, resolved: anchors[i] })) }, null, 2));
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
  ctx.io.out(`\n${note.path}`);
  return 0;
}
