// Writes a new reply file: `YYYY-MM-DD-<author-slug>.md` in the note's replies
// folder, never replacing a file (a second reply the same day by the same
// person gets `-2`, then `-3`), written exclusively as a new note is.

import { Document } from 'yaml';
import { FileExistsError, encodeText, type FileSystem } from '../fileSystem';
import type { Layout } from '../layout';
import { today } from '../dates';
import { toFileSlug } from '../notes/slug';
import { noteText } from '../notes/createNote';
import { repliesFolder } from './reply';

export interface NewReplyInput {
  /** The note's workspace-relative path. */
  note: string;
  author: string;
  body: string;
  /** `YYYY-MM-DD`; today by default. */
  created?: string;
  /** true resolves the thread, false reopens it; absent says nothing about its state. */
  resolved?: boolean;
}

export interface CreatedReply {
  path: string;
  text: string;
}

export class ReplyError extends Error {}

export function replyText(input: NewReplyInput & { created: string }): string {
  const fields: Record<string, unknown> = { author: input.author.trim(), created: input.created };
  if (input.resolved !== undefined) fields.resolved = input.resolved;
  const yaml = new Document(fields).toString({ lineWidth: 0 });
  return noteText(yaml, input.body);
}

export async function createReply(fs: FileSystem, layout: Layout, input: NewReplyInput): Promise<CreatedReply> {
  const folder = repliesFolder(layout, input.note);
  if (!folder) throw new ReplyError(`${input.note} is not a note of ${layout.notesDir}`);
  const author = input.author.trim();
  if (author === '' || /[\r\n]/.test(author)) throw new ReplyError('the author of a reply must be one non-empty line');
  const created = input.created ?? today();
  const text = replyText({ ...input, author, created });
  const slug = toFileSlug(author) || 'reply';
  await fs.createDirectory(folder);
  for (let n = 1; n < 1000; n++) {
    const path = `${folder}/${created}-${slug}${n === 1 ? '' : `-${n}`}.md`;
    try {
      await fs.writeFile(path, encodeText(text), { exclusive: true });
      return { path, text };
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
  throw new ReplyError(`too many replies named ${created}-${slug} on ${input.note}`);
}
