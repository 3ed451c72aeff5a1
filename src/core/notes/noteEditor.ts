// Edits a note's front matter by splicing the original text at the exact
// ranges the YAML parser reports, so only the edited bytes change: comments,
// key order, quoting, line ends and the body stay as they were (DESIGN.md 2).

import { Document, isMap, isScalar, isSeq, Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { splitFrontMatter } from './frontMatter';
import { describeYamlError } from './yamlErrors';
import { parseFrontMatterYaml } from './yamlBudget';

export type FrontMatterEdit =
  /** Sets a top-level scalar field, adding it at the end when absent. */
  | { op: 'set'; key: string; value: string }
  /** Removes a top-level scalar field, its whole line (or lines); nothing when absent. */
  | { op: 'unset'; key: string }
  /** Replaces `from` with `to` in a top-level list; drops `from` when `to` is already there. */
  | { op: 'replaceInList'; key: string; from: string; to: string }
  /** Appends to a top-level list, creating it when absent; nothing when present already. */
  | { op: 'appendToList'; key: string; value: string }
  /** Removes `value` from a top-level list; the whole field when it was the only item. */
  | { op: 'removeFromList'; key: string; value: string }
  /** Sets scalar fields of the `index`-th entry of `anchors`. */
  | { op: 'setAnchorField'; index: number; field: 'path' | 'lines' | 'snippet' | 'commit' | 'symbol'; value: string };

export class NoteEditError extends Error {}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies the edits to the whole note text and returns the new text. */
export function editNote(text: string, edits: FrontMatterEdit[]): string {
  const split = splitFrontMatter(text);
  if (!split.ok) throw new NoteEditError(split.message);
  const { yamlOffset, eol } = split.value;
  let yaml = split.value.yaml;
  for (const edit of edits) {
    // Re-parse after each edit: ranges of later edits must refer to the current text.
    const doc = parseFrontMatterYaml(yaml);
    if (doc.errors.length > 0) throw new NoteEditError(describeYamlError(doc.errors[0], yaml).message);
    if (!isMap(doc.contents)) throw new NoteEditError('front matter is not a map of fields');
    const splice = planEdit(yaml, doc.contents, edit, eol);
    if (!splice) continue;
    const next = applySplice(yaml, splice);
    // Never write what does not read back: a note is only ever changed into a valid one.
    const check = parseFrontMatterYaml(next);
    if (check.errors.length > 0 || !isMap(check.contents)) throw new NoteEditError(`the change to ${editTarget(edit)} would break the front matter; nothing was changed`);
    yaml = next;
  }
  return text.slice(0, yamlOffset) + yaml + text.slice(yamlOffset + split.value.yaml.length);
}

function applySplice(yaml: string, splice: Splice): string {
  return yaml.slice(0, splice.start) + splice.text + yaml.slice(splice.end);
}

function editTarget(edit: FrontMatterEdit): string {
  return edit.op === 'setAnchorField' ? `anchor ${edit.index + 1}` : edit.key;
}

/** Reads a value back from a whole front matter: how a set value is checked before it is kept. */
type ReadBack = (yaml: string) => unknown;

function readField(path: (map: YAMLMap) => unknown): ReadBack {
  return (yaml) => {
    const doc = parseFrontMatterYaml(yaml);
    return doc.errors.length === 0 && isMap(doc.contents) ? path(doc.contents) : undefined;
  };
}

function planEdit(yaml: string, map: YAMLMap, edit: FrontMatterEdit, eol: string): Splice | undefined {
  switch (edit.op) {
    case 'set':
      return setScalar(yaml, map, edit.key, edit.value, eol, readField((m) => m.get(edit.key)));
    case 'unset':
      return unsetScalar(yaml, map, edit.key);
    case 'replaceInList':
      return replaceInList(yaml, map, edit.key, edit.from, edit.to);
    case 'appendToList':
      return appendToList(yaml, map, edit.key, edit.value, eol);
    case 'removeFromList':
      return removeFromList(yaml, map, edit.key, edit.value);
    case 'setAnchorField': {
      const anchors = map.get('anchors', true);
      const entry = isSeq(anchors) ? anchors.items[edit.index] : undefined;
      if (!isMap(entry)) throw new NoteEditError(`there is no anchor ${edit.index + 1}`);
      const read = readField((m) => {
        const list = m.get('anchors', true);
        const item = isSeq(list) ? list.items[edit.index] : undefined;
        return isMap(item) ? item.get(edit.field) : undefined;
      });
      return setScalar(yaml, entry, edit.field, edit.value, eol, read);
    }
  }
}

function setScalar(yaml: string, map: YAMLMap, key: string, value: string, eol: string, read: ReadBack): Splice | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined || node === null) return addField(yaml, map, key, value, eol, read);
  if (!isScalar(node) || !node.range) throw new NoteEditError(`${key} is not a single value`);
  if (node.value === value) return undefined;
  const [start, end] = node.range;
  let text: string;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' || value.includes('\n')) {
    const parent = keyIndent(yaml, map);
    text = renderMultiline(value, blockIndent(yaml, start, end) ?? parent + 2, parent, eol);
  } else {
    text = renderOneLine(value, node.type);
  }
  // A block scalar's range takes its last line end, a one-line value's does not: keep exactly one.
  const nodeEndsLine = end > start && yaml[end - 1] === '\n';
  if (!nodeEndsLine && text.startsWith('|')) {
    // A comment after a one-line value would end up inside a block: stay on the line, quoted.
    const nl = yaml.indexOf('\n', end);
    if (yaml.slice(end, nl < 0 ? yaml.length : nl).trim() !== '') text = quoteDouble(value);
  }
  const fit = (t: string) => {
    if (nodeEndsLine && !t.endsWith('\n')) return t + eol;
    if (!nodeEndsLine && t.endsWith('\n')) return t.slice(0, t.endsWith('\r\n') ? -2 : -1);
    return t;
  };
  return verified(yaml, value, read, key, [{ start, end, text: afterColon(yaml, start, fit(text)) }, { start, end, text: afterColon(yaml, start, fit(quoteDouble(value))) }]);
}

/**
 * The first splice after which the field reads back as exactly `value`. A
 * block literal can be misread in its place (a blank line after it, a last
 * line of spaces); double quotes on one line always read back.
 */
function verified(yaml: string, value: string, read: ReadBack, key: string, candidates: Splice[]): Splice {
  for (const splice of candidates) if (read(applySplice(yaml, splice)) === value) return splice;
  throw new NoteEditError(`${key} cannot be written here; nothing was changed`);
}

/** An empty value (`key:`) starts right after the colon: the new one needs a space before it. */
function afterColon(yaml: string, start: number, text: string): string {
  return start > 0 && yaml[start - 1] === ':' ? ` ${text}` : text;
}

/**
 * A value of several lines as a block literal (`|`), which keeps it
 * readable; `verified` falls back to double quotes when it does not read
 * back. A control character, a CR or a BOM is never written raw: quoted.
 */
function renderMultiline(value: string, indent: number, parentIndent: number, eol: string): string {
  return UNPRINTABLE.test(value.replace(/\n/g, '')) ? quoteDouble(value) : renderBlockLiteral(value, indent, parentIndent, eol);
}

/** What a note file never holds raw: control characters but tab and line feed, CR, line separators, a BOM, a lone surrogate. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where a new field goes: at the start of the line after the map's last one. */
function insertionPoint(yaml: string, map: YAMLMap): { at: number; needsEol: boolean } {
  let at = map.range ? map.range[2] : yaml.length;
  if (at > 0 && yaml[at - 1] !== '\n') {
    // The map ends inside a line (an empty last value, a comment): go past that line.
    const nl = yaml.indexOf('\n', at);
    at = nl < 0 ? yaml.length : nl + 1;
  }
  return { at, needsEol: at > 0 && yaml[at - 1] !== '\n' };
}

function addField(yaml: string, map: YAMLMap, key: string, value: string, eol: string, read: ReadBack): Splice {
  const indent = ' '.repeat(keyIndent(yaml, map));
  const { at, needsEol } = insertionPoint(yaml, map);
  const field = (rendered: string) => ({ start: at, end: at, text: `${needsEol ? eol : ''}${indent}${key}: ${rendered}${rendered.endsWith('\n') ? '' : eol}` });
  const preferred = value.includes('\n') ? renderMultiline(value, indent.length + 2, indent.length, eol) : renderOneLine(value, undefined);
  return verified(yaml, value, read, key, [field(preferred), field(quoteDouble(value))]);
}

function replaceInList(yaml: string, map: YAMLMap, key: string, from: string, to: string): Splice | undefined {
  const list = map.get(key, true);
  // `topics: payments`, one text where a list is meant: the text itself is the one item.
  if (isScalar(list) && list.range && String(list.value) === from && from !== to) {
    return { start: list.range[0], end: list.range[1], text: renderOneLine(to, list.type) };
  }
  if (!isSeq(list)) return undefined;
  const item = list.items.find((i) => isScalar(i) && String(i.value) === from) as Scalar | undefined;
  if (!item?.range) return undefined;
  if (from === to) return undefined;
  const hasTarget = list.items.some((i) => isScalar(i) && String(i.value) === to);
  if (hasTarget) return removeItem(yaml, list, item);
  return { start: item.range[0], end: item.range[1], text: renderListItem(to, item.type, !!list.flow) };
}

function removeItem(yaml: string, list: YAMLSeq, item: Scalar): Splice {
  const [start, end] = item.range!;
  if (list.flow) {
    const index = list.items.indexOf(item);
    if (index < list.items.length - 1) {
      // Remove "item, " up to the start of the next item.
      const next = (list.items[index + 1] as Node).range![0];
      return { start, end: next, text: '' };
    }
    if (index > 0) {
      const prevEnd = (list.items[index - 1] as Node).range![1];
      return { start: prevEnd, end, text: '' };
    }
    return { start, end, text: '' };
  }
  // Block item: remove its whole line, "- item # comment" included.
  const lineStart = yaml.lastIndexOf('\n', start - 1) + 1;
  const nl = yaml.indexOf('\n', end);
  return { start: lineStart, end: nl < 0 ? yaml.length : nl + 1, text: '' };
}

function unsetScalar(yaml: string, map: YAMLMap, key: string): Splice | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const keyRange = (pair?.key as Node | undefined)?.range;
  if (!pair || !keyRange) return undefined;
  const value = pair.value as Node | null;
  if (value && !isScalar(value)) throw new NoteEditError(`${key} is not a single value`);
  // From the start of the key's line to the end of the value's last line (a block value spans several).
  const lineStart = yaml.lastIndexOf('\n', keyRange[0] - 1) + 1;
  const end = value?.range ? value.range[1] : keyRange[1];
  const nl = yaml.indexOf('\n', Math.max(end - 1, lineStart));
  return { start: lineStart, end: nl < 0 ? yaml.length : nl + 1, text: '' };
}

function removeFromList(yaml: string, map: YAMLMap, key: string, value: string): Splice | undefined {
  const list = map.get(key, true);
  if (!isSeq(list)) return undefined;
  const item = list.items.find((i) => isScalar(i) && String(i.value) === value) as Scalar | undefined;
  if (!item?.range) return undefined;
  if (list.items.length > 1) return removeItem(yaml, list, item);
  // The only item: the field goes, so endorsing then withdrawing leaves the note as it was.
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const keyStart = (pair?.key as Node | undefined)?.range?.[0];
  if (keyStart === undefined) return removeItem(yaml, list, item);
  const lineStart = yaml.lastIndexOf('\n', keyStart - 1) + 1;
  const end = list.range![1];
  const nl = yaml.indexOf('\n', Math.max(end - 1, lineStart));
  return { start: lineStart, end: nl < 0 ? yaml.length : nl + 1, text: '' };
}

function appendToList(yaml: string, map: YAMLMap, key: string, value: string, eol: string): Splice | undefined {
  const list = map.get(key, true) as Node | undefined;
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) {
    if (list && isScalar(list) && list.range) {
      return { start: list.range[0], end: list.range[1], text: afterColon(yaml, list.range[0], `[${renderListItem(value, undefined, true)}]`) };
    }
    const indent = ' '.repeat(keyIndent(yaml, map));
    const { at, needsEol } = insertionPoint(yaml, map);
    return { start: at, end: at, text: `${needsEol ? eol : ''}${indent}${key}: [${renderListItem(value, undefined, true)}]${eol}` };
  }
  if (!isSeq(list)) throw new NoteEditError(`${key} is not a list`);
  if (list.items.some((i) => isScalar(i) && String(i.value) === value)) return undefined;
  const last = list.items[list.items.length - 1] as Node | undefined;
  const lastType = last && isScalar(last) ? last.type : undefined;
  if (list.flow) {
    if (!last?.range) {
      const open = yaml.indexOf('[', list.range![0]);
      return { start: open + 1, end: open + 1, text: renderListItem(value, undefined, true) };
    }
    return { start: last.range[1], end: last.range[1], text: `, ${renderListItem(value, lastType, true)}` };
  }
  const lastRange = last!.range!;
  const lineStart = yaml.lastIndexOf('\n', lastRange[0] - 1) + 1;
  const prefix = yaml.slice(lineStart, lastRange[0]);
  const nl = yaml.indexOf('\n', lastRange[1]);
  const at = nl < 0 ? yaml.length : nl + 1;
  return { start: at, end: at, text: `${nl < 0 ? eol : ''}${prefix}${renderListItem(value, lastType, false)}${eol}` };
}

/** Renders a scalar in the style it had, when that style can hold the new value. */
export function renderScalar(value: string, type: Scalar['type'] | undefined): string {
  const scalar = new Scalar(value);
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' || type === 'PLAIN') scalar.type = type;
  return new Document(scalar).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

/**
 * A scalar as an item of a list. In a flow list (`[a, b]`) a plain value
 * cannot hold `,[]{}`; in any list a value of several lines is quoted, as a
 * block scalar would need the item's indentation.
 */
function renderListItem(value: string, type: Scalar['type'] | undefined, flow: boolean): string {
  const rendered = renderOneLine(value, type);
  const quoted = rendered.startsWith('"') || rendered.startsWith("'");
  return flow && !quoted && /[,[\]{}]/.test(rendered) ? quoteDouble(value) : rendered;
}

/** A scalar in its style when that fits on one line, else double-quoted: a value inside a line never spans lines. */
function renderOneLine(value: string, type: Scalar['type'] | undefined): string {
  if (UNPRINTABLE.test(value)) return quoteDouble(value);
  const rendered = renderScalar(value, type);
  return /[\r\n]/.test(rendered) || UNPRINTABLE.test(rendered) ? quoteDouble(value) : rendered;
}

/** A double-quoted scalar on one line, whatever the value holds: line ends and control characters escaped. */
function quoteDouble(value: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return `"${value.replace(/[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function renderBlockLiteral(value: string, indent: number, parentIndent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  const normalized = value.replace(/\r\n/g, '\n');
  const chomp = normalized.endsWith('\n\n') ? '+' : normalized.endsWith('\n') ? '' : '-';
  const body = normalized.endsWith('\n') ? normalized.slice(0, -1) : normalized;
  const lines = body.split('\n').map((line) => (line === '' ? '' : pad + line));
  // A first line with text that starts with a space needs an explicit indentation indicator.
  const indicator = /^[ \t]/.test(body.split('\n').find((line) => line !== '') ?? '') ? String(indent - parentIndent) : '';
  return `|${indicator}${chomp}${eol}${lines.join(eol)}${eol}`;
}

function blockIndent(yaml: string, start: number, end: number): number | undefined {
  const firstNl = yaml.indexOf('\n', start);
  if (firstNl < 0 || firstNl >= end) return undefined;
  const line = yaml.slice(firstNl + 1, end).split('\n').find((l) => l.trim() !== '');
  return line === undefined ? undefined : line.length - line.trimStart().length;
}

function keyIndent(yaml: string, map: YAMLMap): number {
  const first = map.items[0]?.key as Node | undefined;
  const at = first?.range?.[0];
  if (at === undefined) return 0;
  return at - (yaml.lastIndexOf('\n', at - 1) + 1);
}
