// One reply of a note's thread (DESIGN.md section 2): a file under
// `.learnings/replies/<note file name without .md>/`, front matter with
// `author`, `created` and an optional `resolved`, and a markdown body.
// Parsed like a note: never throws, every bad field is one problem naming the file.

import { isScalar, type Node, type Pair } from 'yaml';
import { readFrontMatterMap } from '../notes/frontMatterMap';
import { isIsoDate } from '../dates';
import type { Layout } from '../layout';
import type { Problem } from '../model';

export interface Reply {
  /** Workspace-relative path of the reply file. */
  path: string;
  /** Workspace-relative path of the note it answers. */
  note: string;
  author?: string;
  /** `YYYY-MM-DD`; from the file name when the field is missing or bad. */
  created?: string;
  /** As written: undefined when the reply says nothing about the thread's state. */
  resolved?: boolean;
  body: string;
  bodyLine: number;
}

export interface ParsedReply {
  reply?: Reply;
  problems: Problem[];
}

/** The folder of a note's replies: `.learnings/replies/<note path under notes/, without .md>`. */
export function repliesFolder(layout: Layout, notePath: string): string | undefined {
  if (!notePath.startsWith(`${layout.notesDir}/`) || !notePath.endsWith('.md')) return undefined;
  return `${layout.repliesDir}/${notePath.slice(layout.notesDir.length + 1, -3)}`;
}

/** The note a reply file answers (whether or not it exists), or undefined when the file is not in a note's folder. */
export function replyTarget(layout: Layout, replyPath: string): string | undefined {
  if (!replyPath.startsWith(`${layout.repliesDir}/`) || !replyPath.endsWith('.md')) return undefined;
  const folder = replyPath.slice(layout.repliesDir.length + 1, replyPath.lastIndexOf('/'));
  if (replyPath.lastIndexOf('/') <= layout.repliesDir.length || folder === '') return undefined;
  return `${layout.notesDir}/${folder}.md`;
}

const FILE_NAME = /^(\d{4}-\d{2}-\d{2})-(.*?)(?:-(\d+))?\.md$/;

/** The parts of a reply's file name (`2026-12-01-ana-berg-2.md`): date, author slug, sequence (1 without a suffix). */
export function replyFileName(path: string): { date?: string; slug: string; seq: number } {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const m = FILE_NAME.exec(name);
  if (!m) return { slug: name.replace(/\.md$/, ''), seq: 1 };
  return { date: isIsoDate(m[1]) ? m[1] : undefined, slug: m[2], seq: m[3] === undefined ? 1 : Number(m[3]) };
}

export function parseReply(path: string, text: string, layout: Layout): ParsedReply {
  const problems: Problem[] = [];
  const problem = (line: number | undefined, severity: Problem['severity'], message: string) => problems.push({ file: path, line, severity, message });
  const note = replyTarget(layout, path);
  if (!note) {
    problem(undefined, 'error', `a reply belongs in the folder of its note: ${layout.repliesDir}/<note file name without .md>/`);
    return { problems };
  }
  const read = readFrontMatterMap(path, text, 'author: ..., created: ...');
  if (!read.ok) return { problems: [read.problem] };
  const { map, yamlLine, body, bodyLine, lineOf } = read.value;
  const keyLine = (key: string) => lineOf(((map.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key)?.key as Node | undefined)?.range?.[0]);
  const valueOf = (key: string) => {
    const node = map.get(key, true) as Node | undefined | null;
    return node === undefined || node === null || (isScalar(node) && node.value === null) ? undefined : node;
  };

  let author: string | undefined;
  const authorNode = valueOf('author');
  if (authorNode === undefined) problem(keyLine('author') ?? yamlLine, 'error', 'author is missing: who wrote the reply');
  else if (!isScalar(authorNode) || (typeof authorNode.value !== 'string' && typeof authorNode.value !== 'number')) problem(keyLine('author'), 'error', 'author must be text');
  else if (String(authorNode.value).trim() === '' || /[\r\n]/.test(String(authorNode.value).trim())) problem(keyLine('author'), 'error', 'author must be one non-empty line');
  else author = String(authorNode.value).trim();

  const fromName = replyFileName(path).date;
  let created: string | undefined;
  const createdNode = valueOf('created');
  if (createdNode === undefined) problem(keyLine('created') ?? yamlLine, 'error', 'created is missing: the date of the reply, YYYY-MM-DD');
  else if (!isScalar(createdNode) || typeof createdNode.value !== 'string' || !isIsoDate(createdNode.value)) {
    const shown = isScalar(createdNode) ? String((createdNode as { source?: string }).source ?? createdNode.value) : 'a list or map';
    problem(keyLine('created'), 'error', `created must be a date YYYY-MM-DD, not "${truncate(shown)}"`);
  } else created = createdNode.value;

  let resolved: boolean | undefined;
  const resolvedNode = valueOf('resolved');
  if (resolvedNode !== undefined) {
    if (isScalar(resolvedNode) && typeof resolvedNode.value === 'boolean') resolved = resolvedNode.value;
    else problem(keyLine('resolved'), 'error', `resolved must be true or false, not "${truncate(isScalar(resolvedNode) ? String(resolvedNode.value) : 'a list or map')}"`);
  }
  if (body.trim() === '' && resolved === undefined) problem(bodyLine, 'warning', 'the reply has no text');

  return { reply: { path, note, author, created: created ?? fromName, resolved, body, bodyLine }, problems };
}

function truncate(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- a message is one line: control characters become spaces
  const line = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
