import type { Note } from '../../core/model';
import { formatLines } from '../../core/model';
import type { CliContext } from '../context';
import type { Thread } from '../../core/dialog/thread';
import { parseOptions } from '../options';

export function noteToJson(note: Note, thread?: Thread) {
  return {
    path: note.path,
    title: note.title,
    kind: note.kind,
    topics: note.topics,
    author: note.author ?? null,
    created: note.created ?? null,
    anchors: note.anchors.map((a) => ({ path: a.path, lines: formatLines(a.lines), ...(a.commit ? { commit: a.commit } : {}) })),
    ...(thread ? { replies: thread.replies.length, thread: thread.state } : {}),
  };
}

export async function listCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    topic: { type: 'string' },
    kind: { type: 'string' },
    file: { type: 'string' },
    author: { type: 'string' },
    goal: { type: 'string' },
    json: { type: 'boolean' },
  });
  const index = await ctx.load();
  const notes = index.query({ topic: values.topic, kind: values.kind, file: values.file?.replace(/\\/g, '/').replace(/^\.\//, ''), author: values.author, goal: values.goal });
  ctx.reportProblems(index.problems().filter((p) => p.severity === 'error'));
  if (values.json) {
    ctx.io.out(JSON.stringify(notes.map((n) => noteToJson(n, index.thread(n.path))), null, 2));
    return 0;
  }
  if (notes.length === 0) {
    ctx.io.err('No notes match.');
    return 0;
  }
  const kindWidth = Math.max(...notes.map((n) => n.kind.length));
  for (const note of notes) {
    const topics = note.topics.length ? `  [${note.topics.join(', ')}]` : '';
    ctx.io.out(`${note.created ?? '          '}  ${note.kind.padEnd(kindWidth)}  ${note.title}${topics}`);
    ctx.io.out(`${' '.repeat(12 + kindWidth + 2)}${note.path}`);
  }
  return 0;
}
