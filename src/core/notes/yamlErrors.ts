// The YAML parser's errors, said the way a note's author can act on: one
// line, naming the field where it can, and what to write instead.

import type { YAMLError } from 'yaml';
import { FrontMatterBudgetError } from './yamlBudget';

const MAX_MESSAGE = 160;

export interface YamlProblem {
  message: string;
  /** Offset in `yaml` the problem is at: where an unclosed list or quote opened, else where the parser stopped. */
  offset: number;
}

/** One readable line for the first error of a front matter; `yaml` is the text that was parsed. */
export function describeYamlError(err: YAMLError, yaml: string): YamlProblem {
  const at = err.pos[0];
  if (err instanceof FrontMatterBudgetError) return { message: err.message, offset: at };
  const flow = /^Flow (sequence|map)\b/.exec(err.message);
  if (err.code === 'BAD_INDENT' && flow) {
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
    return { message: `front matter is not valid YAML: the ${flow[1] === 'sequence' ? 'list' : 'map'} opened with "${open}" is not closed with "${close}"`, offset: scan(yaml, at).flow ?? at };
  }
  if (err.code === 'MISSING_CHAR' && /quote/.test(err.message)) {
    const quote = scan(yaml, at).quote;
    const kind = (quote === undefined ? err.message.includes("'") : yaml.charAt(quote) === "'") ? 'single' : 'double';
    return { message: `front matter is not valid YAML: a value in ${kind} quotes is never closed`, offset: quote ?? at };
  }
  return { message: `front matter is not valid YAML: ${explain(err, yaml)}`, offset: at };
}

function explain(err: YAMLError, yaml: string): string {
  switch (err.code) {
    case 'DUPLICATE_KEY': {
      const key = keyAt(yaml, err.pos[0]);
      return key ? `"${key}" is given twice: each field may appear only once` : 'a field is given twice: each field may appear only once';
    }
    case 'TAB_AS_INDENT':
      return 'a tab indents this line: YAML indents with spaces only';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a value holds ": " or is indented under another value: put the value in quotes';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key runs over several lines: a field is one "key: value" line';
    case 'BAD_SCALAR_START':
      return `a value cannot start with "${yaml.charAt(err.pos[0])}" unquoted: put the value in quotes`;
    default:
      // yaml reports a stack overflow of its own recursion as an error: say what causes it.
      if (/Maximum call stack/i.test(err.message)) return 'lists or maps are nested too deeply';
      return clip(err.message.split('\n')[0]);
  }
}

/**
 * Reads `yaml` up to `end` the way a person would look for the culprit: the
 * innermost "[" or "{" still open, and a quote still open. Quotes count only
 * where a value starts (so the apostrophe in `it's` does not).
 */
function scan(yaml: string, end: number): { flow?: number; quote?: number } {
  const open: number[] = [];
  let quote: number | undefined;
  for (let i = 0; i < end && i < yaml.length; i++) {
    const c = yaml[i];
    if (quote !== undefined) {
      const q = yaml[quote];
      if (q === '"' && c === '\\') i++;
      else if (c === q) {
        if (q === "'" && yaml[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(yaml[i - 1]))) {
      const nl = yaml.indexOf('\n', i);
      i = nl < 0 ? yaml.length : nl;
    } else if ((c === '"' || c === "'") && startsValue(yaml, i)) quote = i;
    else if (c === '[' || c === '{') open.push(i);
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
  }
  return { flow: open.at(-1), quote };
}

/** Whether a value can start at `i`: after a line start, indentation, ": ", "- ", "[", "{", "," or "?". */
function startsValue(yaml: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (yaml[j] === ' ' || yaml[j] === '\t')) j--;
  return j < 0 || /[\n:\-[{,?]/.test(yaml[j]);
}

/** The key written at `offset`, quotes removed; undefined when there is none. */
function keyAt(yaml: string, offset: number): string | undefined {
  const line = yaml.slice(offset, yaml.indexOf('\n', offset) < 0 ? yaml.length : yaml.indexOf('\n', offset));
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:(?:\s|$)/.exec(line);
  if (!m) return undefined;
  const raw = m[1].trim();
  const key = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
  return key === '' ? undefined : clip(key, 60);
}

/** One line, and short: the parser quotes the text it stopped at, control characters included. */
function clip(text: string, max = MAX_MESSAGE): string {
  // eslint-disable-next-line no-control-regex -- a message is one line: control characters become spaces
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
