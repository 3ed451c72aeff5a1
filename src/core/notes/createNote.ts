// Creates a new note file: front matter in the DESIGN.md format, the body
// from the kind's template, a file name from the date and title, and never
// replacing an existing file.

import { Document, isMap, isSeq, Scalar, visit } from 'yaml';
import { FileExistsError, encodeText, type FileSystem } from '../fileSystem';
import type { Layout } from '../layout';
import type { Anchor } from '../model';
import { formatLines } from '../model';
import { toFileSlug } from './slug';
import { loadTemplate } from './templates';
import { addDays } from '../dates';

/** Days from a plan's creation to its first check-in. */
export const PLAN_REVIEW_DAYS = 14;

export interface NewNoteInput {
  title: string;
  kind?: string;
  topics?: string[];
  author?: string;
  /** `YYYY-MM-DD`: the day it is written, from the caller's clock (the editor's, the CLI's `--today`). */
  created: string;
  anchors?: Anchor[];
  /** The body; the kind's template when absent. */
  body?: string;
  /** Extra fields; for a plan, over its defaults (see planDefaults). */
  extra?: Record<string, string>;
  /** The key the topics are written under: `tags` for notes that Obsidian or Foam also read. */
  topicsKey?: 'topics' | 'tags';
}

export interface CreatedNote {
  path: string;
  text: string;
  /** Offset in `text` where the body starts: the editor puts the cursor there. */
  bodyOffset: number;
}

export function renderFrontMatter(input: NewNoteInput & { kind: string; created: string }): string {
  const fields: Record<string, unknown> = { title: input.title.trim(), kind: input.kind };
  const topicsKey = input.topicsKey ?? 'topics';
  fields[topicsKey] = input.topics ?? [];
  if (input.author) fields.author = input.author;
  fields.created = input.created;
  for (const [key, value] of Object.entries(input.extra ?? {})) fields[key] = value;
  if (input.anchors && input.anchors.length > 0) {
    fields.anchors = input.anchors.map((a) => {
      const entry: Record<string, string> = { path: a.path, lines: formatLines(a.lines), snippet: a.snippet };
      if (a.commit) entry.commit = a.commit;
      if (a.symbol) entry.symbol = a.symbol;
      return entry;
    });
  }
  const doc = new Document(fields);
  preferPrettierQuotes(doc);
  const topics = doc.get(topicsKey, true);
  if (isSeq(topics)) topics.flow = true;
  const anchors = doc.get('anchors', true);
  if (isSeq(anchors)) {
    for (const entry of anchors.items) {
      const snippet = isMap(entry) ? entry.get('snippet', true) : undefined;
      if (snippet instanceof Scalar) snippet.type = 'BLOCK_LITERAL';
    }
  }
  // An empty line of a snippet is written without its indentation, as Prettier writes it: the same YAML.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true }).replace(/^ {1,6}$/gm, '');
}

/**
 * What a new plan starts with, wherever it is written (the editor, `learnings new`):
 * a review date PLAN_REVIEW_DAYS after `created`, status open, its author as owner.
 */
export function planDefaults(created: string, author?: string): Record<string, string> {
  return { review: addDays(created, PLAN_REVIEW_DAYS), status: 'open', ...(author ? { owner: author } : {}) };
}

export async function createNote(fs: FileSystem, layout: Layout, input: NewNoteInput, options: { allowRepoTemplates?: boolean } = {}): Promise<CreatedNote> {
  const kind = input.kind ?? 'lesson';
  const { created } = input;
  const body =
    input.body ?? (await loadTemplate(fs, layout, kind, { title: input.title, author: input.author, date: created }, options.allowRepoTemplates));
  const extra = kind === 'plan' ? { ...planDefaults(created, input.author), ...input.extra } : input.extra;
  const text = noteText(renderFrontMatter({ ...input, kind, created, extra }), body);
  const head = text.slice(0, text.length - normalizedBody(body).length);
  const slug = toFileSlug(input.title) || 'note';
  await fs.createDirectory(layout.notesDir);
  for (let n = 1; n < 1000; n++) {
    const path = `${layout.notesDir}/${created}-${slug}${n === 1 ? '' : `-${n}`}.md`;
    try {
      await fs.writeFile(path, encodeText(text), { exclusive: true });
      return { path, text, bodyOffset: head.length + firstBodyLineOffset(normalizedBody(body)) };
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
  throw new Error(`too many notes named ${created}-${slug}`);
}

/**
 * Quotes as Prettier writes them: double, unless the value holds more double
 * quotes than single ones. yaml already picks single quotes for a value with
 * `"` and no `'`, double otherwise: only a value with more `"` than `'` (and
 * both) differs, and only when it must be quoted at all.
 */
function preferPrettierQuotes(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || !node.value.includes("'") || !node.value.includes('"')) return;
      if (node.value.split('"').length <= node.value.split("'").length) return;
      // Single quotes cannot escape: a value with a control character or a line end stays as yaml writes it.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(node.value)) return;
      if (/^["']/.test(new Document(node.value).toString({ lineWidth: 0 }))) node.type = 'QUOTE_SINGLE';
    },
  });
}

/**
 * Front matter, a blank line, the body ending in one line end: the shape
 * Prettier and markdownlint expect, so a team's formatter leaves notes alone.
 */
export function noteText(frontMatter: string, body: string): string {
  const rest = normalizedBody(body);
  return `---\n${frontMatter}---\n${rest === '' ? '' : `\n${rest}`}`;
}

/** The body without blank lines before or after it, ending in one line end (empty stays empty). */
function normalizedBody(body: string): string {
  const trimmed = body.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\s+$/, '');
  return trimmed === '' ? '' : `${trimmed}\n`;
}

/** The line just under the template's first heading (its empty line), where the writer starts typing. */
function firstBodyLineOffset(body: string): number {
  const m = /^#+ [^\n]*\n/.exec(body);
  return m ? m[0].length : 0;
}
