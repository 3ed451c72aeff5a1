// Creates a new note file: front matter in the DESIGN.md format, the body
// from the kind's template, a file name from the date and title, and never
// replacing an existing file.

import { Document, isMap, isSeq, Scalar } from 'yaml';
import { FileExistsError, encodeText, type FileSystem } from './fileSystem';
import type { Layout } from './layout';
import type { Anchor } from './model';
import { formatLines } from './model';
import { toFileSlug } from './slug';
import { loadTemplate } from './templates';
import { today } from './dates';

export interface NewNoteInput {
  title: string;
  kind?: string;
  topics?: string[];
  author?: string;
  /** `YYYY-MM-DD`; today by default. */
  created?: string;
  anchors?: Anchor[];
  /** The body; the kind's template when absent. */
  body?: string;
  /** Extra fields, e.g. `review` and `status` for a plan. */
  extra?: Record<string, string>;
}

export interface CreatedNote {
  path: string;
  text: string;
  /** Offset in `text` where the body starts: the editor puts the cursor there. */
  bodyOffset: number;
}

export function renderFrontMatter(input: NewNoteInput & { kind: string; created: string }): string {
  const fields: Record<string, unknown> = { title: input.title.trim(), kind: input.kind };
  fields.topics = input.topics ?? [];
  if (input.author) fields.author = input.author;
  fields.created = input.created;
  for (const [key, value] of Object.entries(input.extra ?? {})) fields[key] = value;
  if (input.anchors && input.anchors.length > 0) {
    fields.anchors = input.anchors.map((a) => {
      const entry: Record<string, string> = { path: a.path, lines: formatLines(a.lines), snippet: a.snippet };
      if (a.commit) entry.commit = a.commit;
      return entry;
    });
  }
  const doc = new Document(fields);
  const topics = doc.get('topics', true);
  if (isSeq(topics)) topics.flow = true;
  const anchors = doc.get('anchors', true);
  if (isSeq(anchors)) {
    for (const entry of anchors.items) {
      const snippet = isMap(entry) ? entry.get('snippet', true) : undefined;
      if (snippet instanceof Scalar) snippet.type = 'BLOCK_LITERAL';
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}

export async function createNote(fs: FileSystem, layout: Layout, input: NewNoteInput, options: { allowRepoTemplates?: boolean } = {}): Promise<CreatedNote> {
  const kind = input.kind ?? 'lesson';
  const created = input.created ?? today();
  const body =
    input.body ?? (await loadTemplate(fs, layout, kind, { title: input.title, author: input.author, date: created }, options.allowRepoTemplates));
  const head = `---\n${renderFrontMatter({ ...input, kind, created })}---\n`;
  const text = head + body + (body.endsWith('\n') || body === '' ? '' : '\n');
  const slug = toFileSlug(input.title) || 'note';
  await fs.createDirectory(layout.notesDir);
  for (let n = 1; n < 1000; n++) {
    const path = `${layout.notesDir}/${created}-${slug}${n === 1 ? '' : `-${n}`}.md`;
    try {
      await fs.writeFile(path, encodeText(text), { exclusive: true });
      return { path, text, bodyOffset: head.length + firstBodyLineOffset(body) };
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
  throw new Error(`too many notes named ${created}-${slug}`);
}

/** The line just under the template's first heading (its empty line), where the writer starts typing. */
function firstBodyLineOffset(body: string): number {
  const m = /^#+ [^\n]*\n/.exec(body);
  return m ? m[0].length : 0;
}
