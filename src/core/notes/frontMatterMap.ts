// The first steps every file with front matter shares (a reply, a goal):
// split it off, parse it within the budget, say a YAML error as one line, and
// insist on a map of fields. What the fields mean is each parser's own.

import { isMap, LineCounter, type YAMLMap } from 'yaml';
import type { Problem } from '../model';
import { splitFrontMatter } from './frontMatter';
import { parseFrontMatterYaml } from './yamlBudget';
import { describeYamlError } from './yamlErrors';

export interface FrontMatterMap {
  map: YAMLMap;
  /** 1-based line of the front matter's first line. */
  yamlLine: number;
  body: string;
  bodyLine: number;
  /** The file's line of an offset into the front matter. */
  lineOf(offset: number | undefined): number | undefined;
}

/** The front matter of `text` as a map of fields, or the one problem that stops reading it. `fields` shows the map expected: `author: ..., created: ...`. */
export function readFrontMatterMap(path: string, text: string, fields: string): { ok: true; value: FrontMatterMap } | { ok: false; problem: Problem } {
  const split = splitFrontMatter(text);
  if (!split.ok) return { ok: false, problem: { file: path, line: split.line, severity: 'error', message: split.message } };
  const { yaml, yamlLine, body, bodyLine } = split.value;
  const lineCounter = new LineCounter();
  const doc = parseFrontMatterYaml(yaml, lineCounter);
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line + yamlLine - 1);
  if (doc.errors.length > 0) {
    const described = describeYamlError(doc.errors[0], yaml);
    return { ok: false, problem: { file: path, line: lineOf(described.offset), severity: 'error', message: described.message } };
  }
  if (!isMap(doc.contents)) return { ok: false, problem: { file: path, line: yamlLine, severity: 'error', message: `front matter must be a map of fields (${fields})` } };
  return { ok: true, value: { map: doc.contents, yamlLine, body, bodyLine, lineOf } };
}
