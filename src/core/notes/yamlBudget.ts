// Parses a front matter with yaml in time linear in its size, whatever it
// holds. yaml's own unique-key check compares every key with every earlier
// one (100,000 keys took 88 s), and a long run of broken lines makes it
// collect one error per line: so a front matter is first counted with
// yaml's Lexer (linear, and stopped at the budget) and refused past a budget
// of tokens and of nesting; then keys are checked for repeats with a Set.

import { isMap, isScalar, isSeq, Lexer, parseDocument, YAMLParseError, type Document, type LineCounter, type Node } from 'yaml';

/**
 * Tokens (keys, values, punctuation, line ends) a front matter may hold. A
 * note with 100 anchors of 40-line snippets holds about 5,000; a front
 * matter of this many parses in a few milliseconds.
 */
export const MAX_FRONT_MATTER_TOKENS = 20_000;
/** Lists and maps inside one another (`[[[`, or `{` in `[`). */
export const MAX_FLOW_DEPTH = 64;

/** Front matters shorter than this, with few brackets, are not counted first: they cannot cost anything. */
const SMALL = 16 * 1024;

/** A front matter over the budget: said as it is, not as "invalid YAML". */
export class FrontMatterBudgetError extends YAMLParseError {}

/**
 * `parseDocument(yaml, { uniqueKeys: true })` with a budget: over it, or
 * with a key given twice, the document has one error (and nothing else to
 * read), which describeYamlError turns into a one-line message.
 */
export function parseFrontMatterYaml(yaml: string, lineCounter?: LineCounter): Document.Parsed {
  // Under SMALL bytes there cannot be MAX_FRONT_MATTER_TOKENS tokens that cost anything; but a few
  // thousand brackets nest deep enough to overflow yaml's recursion, which V8 may not survive (inside
  // its regexp compiler a stack overflow aborts the process): those are counted whatever the size.
  const over = yaml.length < SMALL && !mayNestTooDeeply(yaml) ? undefined : overBudget(yaml);
  if (over) {
    const doc = parseDocument('', { prettyErrors: false });
    doc.errors.push(new FrontMatterBudgetError([over.offset, over.offset + 1], 'IMPOSSIBLE', over.message));
    if (lineCounter) countLines(yaml, over.offset, lineCounter);
    return doc;
  }
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length === 0) {
    const repeated = firstRepeatedKey(doc.contents);
    if (repeated) doc.errors.push(new YAMLParseError(repeated, 'DUPLICATE_KEY', 'Map keys must be unique'));
  }
  return doc;
}

/** Whether `yaml` holds enough brackets to nest past MAX_FLOW_DEPTH (quoted ones count too: the lexer then decides). */
function mayNestTooDeeply(yaml: string): boolean {
  let brackets = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if ((c === 0x5b || c === 0x7b) && ++brackets > MAX_FLOW_DEPTH) return true;
  }
  return false;
}

/** Where and why `yaml` is over the budget, or undefined when it is within it. */
export function overBudget(yaml: string): { offset: number; message: string } | undefined {
  let tokens = 0;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(yaml)) {
    if (token === '[' || token === '{') {
      if (++depth > MAX_FLOW_DEPTH) return { offset, message: `front matter is not valid YAML: lists or maps are nested too deeply` };
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    if (++tokens > MAX_FRONT_MATTER_TOKENS) {
      return { offset, message: `front matter is too large: over ${MAX_FRONT_MATTER_TOKENS.toLocaleString('en-US')} keys, values and marks (a note holds a few dozen fields): not read` };
    }
    // A token that is not a control character is text of the source (Lexer's control tokens are one character below a space).
    if (token.length > 1 || token.charCodeAt(0) >= 0x20) offset += token.length;
  }
  return undefined;
}

/** The range of the first key repeated within one map, in one linear walk. */
function firstRepeatedKey(root: unknown): [number, number] | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key)) {
          // yaml compares key values with ===: 1 and "1" are different keys.
          const id = `${typeof key.value}\u0000${String(key.value)}`;
          if (seen.has(id)) return key.range ? [key.range[0], key.range[1]] : [0, 1];
          seen.add(id);
        } else if (key) stack.push(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

/** What yaml's Parser records in a LineCounter, the start of every line, as far as `upTo`: only that line is asked for. */
function countLines(yaml: string, upTo: number, lineCounter: LineCounter): void {
  lineCounter.lineStarts = [0];
  for (let i = yaml.indexOf('\n'); i >= 0 && i < upTo; i = yaml.indexOf('\n', i + 1)) lineCounter.lineStarts.push(i + 1);
}
