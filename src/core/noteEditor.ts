// Edits a note's front matter by splicing the original text at the exact
// ranges the YAML parser reports, so only the edited bytes change: comments,
// key order, quoting, line ends and the body stay as they were (DESIGN.md 2).

import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { splitFrontMatter } from './frontMatter';

export type FrontMatterEdit =
  /** Sets a top-level scalar field, adding it at the end when absent. */
  | { op: 'set'; key: string; value: string }
  /** Replaces `from` with `to` in a top-level list; drops `from` when `to` is already there. */
  | { op: 'replaceInList'; key: string; from: string; to: string }
  /** Appends to a top-level list, creating it when absent; nothing when present already. */
  | { op: 'appendToList'; key: string; value: string }
  /** Sets scalar fields of the `index`-th entry of `anchors`. */
  | { op: 'setAnchorField'; index: number; field: 'path' | 'lines' | 'snippet' | 'commit'; value: string };

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
    const doc = parseDocument(yaml, { uniqueKeys: true });
    if (doc.errors.length > 0) throw new NoteEditError(`front matter is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    if (!isMap(doc.contents)) throw new NoteEditError('front matter is not a map of fields');
    const splice = planEdit(yaml, doc.contents, edit, eol);
    if (splice) yaml = yaml.slice(0, splice.start) + splice.text + yaml.slice(splice.end);
  }
  return text.slice(0, yamlOffset) + yaml + text.slice(yamlOffset + split.value.yaml.length);
}

function planEdit(yaml: string, map: YAMLMap, edit: FrontMatterEdit, eol: string): Splice | undefined {
  switch (edit.op) {
    case 'set':
      return setScalar(yaml, map, edit.key, edit.value, eol);
    case 'replaceInList':
      return replaceInList(yaml, map, edit.key, edit.from, edit.to);
    case 'appendToList':
      return appendToList(yaml, map, edit.key, edit.value, eol);
    case 'setAnchorField': {
      const anchors = map.get('anchors', true);
      const entry = isSeq(anchors) ? anchors.items[edit.index] : undefined;
      if (!isMap(entry)) throw new NoteEditError(`there is no anchor ${edit.index + 1}`);
      return setScalar(yaml, entry, edit.field, edit.value, eol);
    }
  }
}

function setScalar(yaml: string, map: YAMLMap, key: string, value: string, eol: string): Splice | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined || node === null) return addField(yaml, map, key, value, eol);
  if (!isScalar(node) || !node.range) throw new NoteEditError(`${key} is not a single value`);
  if (node.value === value) return undefined;
  const [start, end] = node.range;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' || value.includes('\n')) {
    const parent = keyIndent(yaml, map);
    const indent = blockIndent(yaml, start, end) ?? parent + 2;
    return { start, end, text: renderBlockLiteral(value, indent, parent, eol) };
  }
  return { start, end, text: renderScalar(value, node.type) };
}

function addField(yaml: string, map: YAMLMap, key: string, value: string, eol: string): Splice {
  const indent = ' '.repeat(keyIndent(yaml, map));
  const end = map.range ? map.range[2] : yaml.length;
  const needsEol = end > 0 && yaml[end - 1] !== '\n';
  const rendered = value.includes('\n')
    ? `${indent}${key}: ${renderBlockLiteral(value, indent.length + 2, indent.length, eol)}`
    : `${indent}${key}: ${renderScalar(value, undefined)}${eol}`;
  return { start: end, end, text: (needsEol ? eol : '') + rendered };
}

function replaceInList(yaml: string, map: YAMLMap, key: string, from: string, to: string): Splice | undefined {
  const list = map.get(key, true);
  if (!isSeq(list)) return undefined;
  const item = list.items.find((i) => isScalar(i) && String(i.value) === from) as Scalar | undefined;
  if (!item?.range) return undefined;
  const hasTarget = list.items.some((i) => isScalar(i) && String(i.value) === to);
  if (hasTarget) return removeItem(yaml, list, item);
  return { start: item.range[0], end: item.range[1], text: renderScalar(to, item.type) };
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

function appendToList(yaml: string, map: YAMLMap, key: string, value: string, eol: string): Splice | undefined {
  const list = map.get(key, true) as Node | undefined;
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) {
    if (list && isScalar(list) && list.range) {
      return { start: list.range[0], end: list.range[1], text: `[${renderScalar(value, undefined)}]` };
    }
    const indent = ' '.repeat(keyIndent(yaml, map));
    const end = map.range ? map.range[2] : yaml.length;
    const needsEol = end > 0 && yaml[end - 1] !== '\n';
    return { start: end, end, text: `${needsEol ? eol : ''}${indent}${key}: [${renderScalar(value, undefined)}]${eol}` };
  }
  if (!isSeq(list)) throw new NoteEditError(`${key} is not a list`);
  if (list.items.some((i) => isScalar(i) && String(i.value) === value)) return undefined;
  const last = list.items[list.items.length - 1] as Node | undefined;
  const lastType = last && isScalar(last) ? last.type : undefined;
  if (list.flow) {
    if (!last?.range) {
      const open = yaml.indexOf('[', list.range![0]);
      return { start: open + 1, end: open + 1, text: renderScalar(value, undefined) };
    }
    return { start: last.range[1], end: last.range[1], text: `, ${renderScalar(value, lastType)}` };
  }
  const lastRange = last!.range!;
  const lineStart = yaml.lastIndexOf('\n', lastRange[0] - 1) + 1;
  const prefix = yaml.slice(lineStart, lastRange[0]);
  const nl = yaml.indexOf('\n', lastRange[1]);
  const at = nl < 0 ? yaml.length : nl + 1;
  return { start: at, end: at, text: `${nl < 0 ? eol : ''}${prefix}${renderScalar(value, lastType)}${eol}` };
}

/** Renders a scalar in the style it had, when that style can hold the new value. */
export function renderScalar(value: string, type: Scalar['type'] | undefined): string {
  const scalar = new Scalar(value);
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' || type === 'PLAIN') scalar.type = type;
  return new Document(scalar).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

function renderBlockLiteral(value: string, indent: number, parentIndent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  const normalized = value.replace(/\r\n/g, '\n');
  const chomp = normalized.endsWith('\n\n') ? '+' : normalized.endsWith('\n') ? '' : '-';
  const body = normalized.endsWith('\n') ? normalized.slice(0, -1) : normalized;
  const lines = body.split('\n').map((line) => (line === '' ? '' : pad + line));
  // A first line that starts with a space needs an explicit indentation indicator.
  const indicator = /^[ \t]/.test(body) ? String(indent - parentIndent) : '';
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
