// Parses one note file into a Note and the problems found in it. Never
// throws on bad input: every problem names the file and, where it can, the line.

import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseFrontMatterYaml } from './yamlBudget';
import { mixedLineEndLine, splitFrontMatter } from './frontMatter';
import { describeYamlError } from './yamlErrors';
import { parseFrontMatterFast } from './frontMatterFastPath';
import { KNOWN_KINDS, type Anchor, type LineRange, type Note, type Problem } from '../model';
import { isTopicSlug } from './slug';
import { isIsoDate } from '../dates';
import { normalizeRelativePath, unsafePathReason } from '../workspacePath';

export interface ParsedNote {
  /** Undefined when the file cannot be read as a note at all. */
  note?: Note;
  problems: Problem[];
}

export const PLAN_STATUSES = ['open', 'done', 'dropped'] as const;
/** More topics than this on one note is a mistake, and would slow every view. */
export const MAX_TOPICS = 50;
export const MAX_ANCHORS = 100;
/** A file with more problems than this gets these and one line saying how many more. */
export const MAX_PROBLEMS_PER_FILE = 20;

export interface ParseOptions {
  /**
   * Whether the writer's own front matter takes the fast path (see
   * frontMatterFastPath; the same result, faster). Default true; false parses
   * everything with yaml, for the tests that compare the two.
   */
  fastPath?: boolean;
}

export function parseNote(path: string, text: string, options: ParseOptions = {}): ParsedNote {
  const parsed = parseNoteUncapped(path, text, options.fastPath ?? true);
  return { ...parsed, problems: capProblems(path, parsed.problems) };
}

/** At most MAX_PROBLEMS_PER_FILE problems, then one that counts the rest: a broken file never floods a report. */
export function capProblems(path: string, problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  const rest = problems.length - MAX_PROBLEMS_PER_FILE;
  const severity = problems.slice(MAX_PROBLEMS_PER_FILE).some((p) => p.severity === 'error') ? 'error' : 'warning';
  return [...problems.slice(0, MAX_PROBLEMS_PER_FILE), { file: path, severity, message: `${rest} more problem${rest === 1 ? '' : 's'} in this file not shown` }];
}

function parseNoteUncapped(path: string, text: string, fastPath: boolean): ParsedNote {
  const problems: Problem[] = [];
  const split = splitFrontMatter(text);
  if (!split.ok) {
    return { problems: [{ file: path, line: split.line, severity: 'error', message: split.message }] };
  }
  const { yaml, yamlLine, body, bodyLine } = split.value;
  const lineCounter = new LineCounter();
  // The writer's own subset takes a fast path that builds the nodes yaml would; anything else, yaml.
  const doc = (fastPath ? parseFrontMatterFast(yaml, lineCounter) : undefined) ?? parseFrontMatterYaml(yaml, lineCounter);
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line + yamlLine - 1;

  if (doc.errors.length > 0) {
    // The first YAML error only: the ones after it are mostly its echo. Field problems are all reported (below).
    const described = describeYamlError(doc.errors[0], yaml);
    return {
      problems: [{ file: path, line: lineOf(described.offset), severity: 'error', message: described.message }],
    };
  }
  if (!isMap(doc.contents)) {
    return { problems: [{ file: path, line: yamlLine, severity: 'error', message: 'front matter must be a map of fields (title: ..., kind: ...)' }] };
  }
  const fields = new FieldReader(doc.contents, path, problems, lineOf);

  // Without a usable title there is no note, but the other fields are still read: every problem is reported at once.
  let usable = true;
  const title = fields.string('title');
  if (title === undefined) {
    if (!fields.has('title')) problems.push({ file: path, line: yamlLine, severity: 'error', message: 'title is missing' });
    else if (problems.length === 0) fields.problem('title', 'error', 'title is empty: give the note a one-line title');
    usable = false;
  } else if (title.trim() === '' || /[\r\n]/.test(title.trim())) {
    fields.problem('title', 'error', 'title must be one non-empty line');
    if (title.trim() === '') usable = false;
  }

  let kind = fields.string('kind') ?? 'lesson';
  if (!(KNOWN_KINDS as readonly string[]).includes(kind)) {
    fields.problem('kind', 'warning', `unknown kind "${truncate(kind)}" (known: ${KNOWN_KINDS.join(', ')}); kept as written`);
  }
  kind = kind.trim();

  const mixed = mixedLineEndLine(text);
  if (mixed) {
    const first = split.value.eol === '\r\n' ? 'CRLF' : 'LF';
    problems.push({ file: path, line: mixed.line, severity: 'warning', message: `mixed line ends: this line ends with ${mixed.eol}, the first line with ${first}; save the file with one kind` });
  }

  const topics = readTopics(fields);
  const anchorLines: Array<number | undefined> = [];
  const note: Note = {
    path,
    title: (title ?? '').trim(),
    titleLine: fields.lineOfKey('title'),
    kind,
    topics: topics.list,
    ...(topics.key === 'tags' ? { topicsKey: 'tags' as const } : {}),
    author: fields.string('author'),
    created: fields.date('created'),
    anchors: readAnchors(fields, anchorLines),
    anchorLines,
    review: fields.date('review'),
    status: fields.string('status'),
    owner: fields.string('owner'),
    ...optional('date', fields.date('date')),
    ...optional('host', fields.string('host')?.trim() || undefined),
    ...optional('goal', fields.string('goal')?.trim() || undefined),
    ...optional('goalLine', fields.has('goal') ? fields.lineOfKey('goal') : undefined),
    endorsed: fields.stringList('endorsed') ?? [],
    body,
    bodyLine,
  };
  if (note.status !== undefined && !(PLAN_STATUSES as readonly string[]).includes(note.status)) {
    fields.problem('status', 'warning', `unknown status "${truncate(note.status)}" (known: ${PLAN_STATUSES.join(', ')})`);
  }
  return usable ? { note, problems } : { problems };
}

/** `{key: value}` when the value is there, else nothing: a note without the field has no key for it. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The keys a note's topics are read from: `topics`, else `tags` (Obsidian's and Foam's key). */
export const TOPICS_KEYS = ['topics', 'tags'] as const;
export type TopicsKey = (typeof TOPICS_KEYS)[number];

function readTopics(fields: FieldReader): { list: string[]; key?: TopicsKey } {
  const key = TOPICS_KEYS.find((k) => fields.has(k) && !fields.isNull(k));
  if (!key) return { list: [] };
  const single = fields.singleString(key);
  if (single !== undefined) {
    // `topics: payments` is how Obsidian and Foam accept one topic: read it, and say the list form is ours.
    fields.problem(key, 'warning', `${key} is one text, not a list: read as the topic "${truncate(single)}"; write ${key}: [${truncate(single)}]`);
  }
  const list = single !== undefined ? [single.trim()] : fields.stringList(key);
  if (!list) return { list: [], key };
  if (list.length > MAX_TOPICS) {
    fields.problem(key, 'error', `${list.length} topics: at most ${MAX_TOPICS} are read`);
  }
  const topics: string[] = [];
  for (const topic of list.slice(0, MAX_TOPICS)) {
    if (!isTopicSlug(topic)) {
      fields.problem(key, 'error', `topic "${truncate(topic)}" is not a slug (lowercase letters, digits, "-", "/" for nesting)`);
    } else if (!topics.includes(topic)) {
      topics.push(topic);
    }
  }
  return { list: topics, key };
}

/** `entryLines` gets, for each anchor read, the line of its entry in the note. */
function readAnchors(fields: FieldReader, entryLines: Array<number | undefined>): Anchor[] {
  const node = fields.node('anchors');
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) {
    fields.problem('anchors', 'error', 'anchors must be a list of {path, lines, snippet}');
    return [];
  }
  const anchors: Anchor[] = [];
  node.items.slice(0, MAX_ANCHORS).forEach((item, i) => {
    const where = `anchor ${i + 1}`;
    const line = fields.lineOfNode(item as Node);
    if (!isMap(item)) {
      fields.problemAt(line, 'error', `${where} must be a map with path, lines and snippet`);
      return;
    }
    const path = item.get('path');
    const lines = item.get('lines');
    const snippet = item.get('snippet');
    const commit = item.get('commit');
    const symbol = item.get('symbol');
    // A problem with one field is on that field's line; a missing field, on the anchor's.
    const lineOf = (key: string) => fields.lineOfNode(item.get(key, true) as Node | undefined) ?? line;
    if (typeof path !== 'string') {
      fields.problemAt(lineOf('path'), 'error', `${where}: path is missing or not text`);
      return;
    }
    const unsafe = unsafePathReason(path);
    if (unsafe) {
      fields.problemAt(lineOf('path'), 'error', `${where}: path "${truncate(path)}" ${unsafe}`);
      return;
    }
    const range = parseLineRange(lines);
    if (!range) {
      fields.problemAt(lineOf('lines'), 'error', `${where}: ${lineRangeProblem(lines)}`);
      return;
    }
    if (snippet !== undefined && typeof snippet !== 'string') {
      fields.problemAt(lineOf('snippet'), 'error', `${where}: snippet must be text`);
      return;
    }
    const anchor: Anchor = { path: normalizeRelativePath(path), lines: range, snippet: snippet ?? '' };
    if (commit !== undefined && commit !== null) {
      if (typeof commit === 'string' && /^[0-9a-f]{4,64}$/i.test(commit)) anchor.commit = commit;
      else fields.problemAt(lineOf('commit'), 'warning', `${where}: commit ${typeof commit === 'object' ? 'is not text' : `"${truncate(String(commit))}" is not a commit hash`}; ignored`);
    }
    if (typeof symbol === 'string' && symbol.trim() !== '' && symbol.length <= 200 && !/[\r\n]/.test(symbol)) anchor.symbol = symbol.trim();
    anchors.push(anchor);
    entryLines.push(line);
  });
  if (node.items.length > MAX_ANCHORS) {
    fields.problem('anchors', 'error', `${node.items.length} anchors: at most ${MAX_ANCHORS} are read`);
  }
  return anchors;
}

export function parseLineRange(value: unknown): LineRange | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return { start: value, end: value };
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(value);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 || end < start || !Number.isSafeInteger(end)) return undefined;
  return { start, end };
}

/** Why `value` is not a line range, for the message. */
function lineRangeProblem(value: unknown): string {
  const m = typeof value === 'string' ? /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(value) : null;
  if (m && Number(m[2]) < Number(m[1])) return `lines "${truncate(String(value))}" end before they start: write START-END with START <= END`;
  if (value === undefined || value === null) return 'lines are missing: write START-END, like 12-20';
  if (typeof value === 'object') return 'lines must be START-END with 1 <= START <= END, like 12-20';
  return `lines must be START-END with 1 <= START <= END, not "${truncate(String(value))}"`;
}

/** Reads top-level fields with type checks; a wrong type is a problem on the field's line. */
class FieldReader {
  constructor(
    private readonly map: YAMLMap,
    private readonly file: string,
    private readonly problems: Problem[],
    private readonly lineOf: (offset: number | undefined) => number | undefined,
  ) {}

  has(key: string): boolean {
    return this.map.has(key);
  }

  isNull(key: string): boolean {
    const node = this.map.get(key, true);
    return node === undefined || node === null || (isScalar(node) && node.value === null);
  }

  /** The value when it is one text (not a list), else undefined. */
  singleString(key: string): string | undefined {
    const node = this.map.get(key, true);
    return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  }

  node(key: string): unknown {
    return this.map.get(key, true);
  }

  lineOfNode(node: Node | null | undefined): number | undefined {
    return this.lineOf(node?.range?.[0]);
  }

  lineOfKey(key: string): number | undefined {
    const pair = this.map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
    return this.lineOfNode(pair?.key as Node | undefined);
  }

  problem(key: string, severity: Problem['severity'], message: string): void {
    this.problemAt(this.lineOfKey(key), severity, message);
  }

  problemAt(line: number | undefined, severity: Problem['severity'], message: string): void {
    this.problems.push({ file: this.file, line, severity, message });
  }

  string(key: string): string | undefined {
    const node = this.map.get(key, true);
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    if (isScalar(node) && typeof node.value === 'number') {
      // `1e3`, `0x1F`, `.inf` read as numbers: the text as written is kept, and the author told.
      const source = (node as { source?: string }).source ?? String(node.value);
      this.problem(key, 'warning', `${key} ${truncate(source)} is read by YAML as a number: kept as written; put it in quotes`);
      return source;
    }
    this.problem(key, 'error', `${key} must be text`);
    return undefined;
  }

  date(key: string): string | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!isIsoDate(value)) {
      this.problem(key, 'error', `${key} must be a date YYYY-MM-DD, not "${truncate(value)}"`);
      return undefined;
    }
    return value;
  }

  stringList(key: string): string[] | undefined {
    const node = this.map.get(key, true);
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (!isSeq(node)) {
      this.problem(key, 'error', `${key} must be a list, like [a, b]`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push(String(item.value));
      else this.problemAt(this.lineOfNode(item as Node), 'error', `${key}: every entry must be text`);
    }
    return out;
  }
}

/** A value quoted in a message: one line, and short. */
function truncate(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- a message is one line: control characters become spaces
  const line = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
