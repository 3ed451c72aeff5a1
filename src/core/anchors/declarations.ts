// The declarations of a source file (functions, methods, classes, exported
// constants), found by a small line scan: a regular expression per language
// for where a declaration starts, indentation for where it ends. No parser:
// good enough to name the code a snippet sits in, and to find that name
// again after the body was rewritten (DESIGN.md section 3).

import { splitLines } from './lines';
import type { PreparedFile } from './preparedFile';

export interface Declaration {
  /** Qualified by its enclosing type: `Router.handle`. */
  name: string;
  /** 0-based first line (the declaration line). */
  start: number;
  /** 0-based last line (its closing brace or `end`, or last indented line). */
  end: number;
  /** A class, struct, interface, module...: names the declarations inside it. */
  container: boolean;
}

type Lang = 'js' | 'py' | 'go' | 'java' | 'cs' | 'kt' | 'rs' | 'rb';

const EXTENSIONS: Record<string, Lang> = {
  ts: 'js', tsx: 'js', js: 'js', jsx: 'js', mjs: 'js', cjs: 'js', mts: 'js', cts: 'js', vue: 'js', svelte: 'js',
  py: 'py', pyi: 'py',
  go: 'go',
  java: 'java', groovy: 'java', scala: 'java',
  cs: 'cs',
  kt: 'kt', kts: 'kt',
  rs: 'rs',
  rb: 'rb', rake: 'rb',
};

interface Rule {
  re: RegExp;
  /** Index of the capture group holding the name. */
  name: number;
  container?: boolean;
  /** Capture group of a receiver type (Go methods). */
  receiver?: number;
}

const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'new', 'else', 'do', 'try', 'with', 'await', 'typeof', 'delete', 'void', 'throw', 'case', 'using', 'lock', 'foreach', 'fixed', 'sizeof', 'when', 'elif', 'match', 'loop', 'super', 'this']);

const JS_RULES: Rule[] = [
  { re: /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?class\s+([\w$]+)/, name: 1, container: true },
  { re: /^\s*(?:export\s+)?(?:declare\s+)?(?:interface|enum|namespace|module)\s+([\w$]+)/, name: 1, container: true },
  { re: /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:async\s+)?function\s*\*?\s*([\w$]+)/, name: 1 },
  { re: /^\s*(?:export\s+)?(?:declare\s+)?type\s+([\w$]+)\s*(?:<[^=]*>)?\s*=/, name: 1 },
  { re: /^\s*export\s+(?:declare\s+)?(?:const|let|var)\s+([\w$]+)/, name: 1 },
  { re: /^(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|\([^)]*\)?\s*(?::[^=]+)?=>|[\w$]+\s*=>|\(\s*$|class\b)/, name: 1 },
  { re: /^\s*(?:module\.)?exports\.([\w$]+)\s*=/, name: 1 },
  // Methods: `name(args) {`, with modifiers; `name = (args) =>` class fields; `name: function (`.
  { re: /^\s+(?:(?:public|private|protected|static|async|readonly|override|abstract|get|set|declare)\s+)*\*?\s*(#?[\w$]+)\s*(?:<[^>()]*>)?\s*\([^;]*$/, name: 1 },
  { re: /^\s+(?:(?:public|private|protected|static|readonly)\s+)*(#?[\w$]+)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:\([^)]*\)?\s*(?::[^=]+)?=>|[\w$]+\s*=>|function\b)/, name: 1 },
  { re: /^\s+([\w$]+)\s*:\s*(?:async\s+)?function\b/, name: 1 },
];

const PY_RULES: Rule[] = [
  { re: /^\s*class\s+(\w+)/, name: 1, container: true },
  { re: /^\s*(?:async\s+)?def\s+(\w+)/, name: 1 },
];

const GO_RULES: Rule[] = [
  { re: /^func\s+\(\s*\w*\s*\*?\s*(\w+)[^)]*\)\s*(\w+)/, name: 2, receiver: 1 },
  { re: /^func\s+(\w+)/, name: 1 },
  { re: /^type\s+(\w+)/, name: 1, container: true },
];

const MODIFIERS = '(?:(?:public|private|protected|internal|static|final|abstract|override|virtual|async|synchronized|sealed|partial|extern|unsafe|new|native|default|readonly|const|transient|strictfp)\\s+)*';
const ANNOTATED = '(?:@\\w+(?:\\([^)]*\\))?\\s+)*';

const JAVA_RULES: Rule[] = [
  { re: new RegExp(`^\\s*${ANNOTATED}${MODIFIERS}(?:class|interface|enum|record|@interface|struct|object|trait)\\s+(\\w+)`), name: 1, container: true },
  { re: new RegExp(`^\\s*${ANNOTATED}${MODIFIERS}(?:<[^>]+>\\s+)?[\\w.<>\\[\\],?]+(?:\\s*<[^()]*>)?\\s+(\\w+)\\s*\\([^;]*$`), name: 1 },
  { re: new RegExp(`^\\s*${ANNOTATED}${MODIFIERS}(\\w+)\\s*\\([^;]*\\)\\s*(?:throws [\\w., ]+)?\\s*\\{?\\s*$`), name: 1 },
];

const CS_RULES: Rule[] = [
  { re: new RegExp(`^\\s*(?:\\[[^\\]]*\\]\\s*)*${MODIFIERS}(?:class|interface|enum|record|struct|namespace)\\s+([\\w.]+)`), name: 1, container: true },
  { re: new RegExp(`^\\s*(?:\\[[^\\]]*\\]\\s*)*${MODIFIERS}[\\w.<>\\[\\],?]+(?:\\s*<[^()]*>)?\\s+(\\w+)\\s*(?:<[^()]*>)?\\s*\\([^;]*$`), name: 1 },
];

const KT_RULES: Rule[] = [
  { re: /^\s*(?:(?:public|private|protected|internal|open|abstract|sealed|data|enum|inner|annotation|value|companion)\s+)*(?:class|interface|object)\s+(\w+)/, name: 1, container: true },
  { re: /^\s*(?:(?:public|private|protected|internal|open|abstract|override|suspend|inline|operator|infix|tailrec|external)\s+)*fun\s+(?:<[^>]+>\s*)?(?:[\w.<>]+\.)?(\w+)\s*\(/, name: 1 },
  { re: /^(?:(?:public|private|internal)\s+)?(?:val|var)\s+(\w+)/, name: 1 },
];

const RS_RULES: Rule[] = [
  { re: /^\s*impl(?:\s*<[^>]*>)?\s+(?:[\w:<>]+\s+for\s+)?([\w]+)/, name: 1, container: true },
  { re: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:struct|enum|trait|union|mod)\s+(\w+)/, name: 1, container: true },
  { re: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:default\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+"[^"]*"\s+)?fn\s+(\w+)/, name: 1 },
];

const RB_RULES: Rule[] = [
  { re: /^\s*(?:class|module)\s+((?:\w+::)*\w+)/, name: 1, container: true },
  { re: /^\s*def\s+(?:self\.)?(\w+[?!=]?)/, name: 1 },
];

const RULES: Record<Lang, Rule[]> = { js: JS_RULES, py: PY_RULES, go: GO_RULES, java: JAVA_RULES, cs: CS_RULES, kt: KT_RULES, rs: RS_RULES, rb: RB_RULES };

/** The language of a path, by its extension; undefined when no rule knows it. */
export function languageOf(path: string): Lang | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}

/** Every declaration of `text` (as the file at `path`), in file order; none for an unknown language. */
export function declarationsOf(path: string, text: string | readonly string[]): Declaration[] {
  const lang = languageOf(path);
  if (!lang) return [];
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const rules = RULES[lang];
  const found: Array<Declaration & { indent: number; simple: string; receiver?: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 400 || !/\w/.test(line)) continue;
    const trimmed = line.trimStart();
    if (trimmed.startsWith('//') || trimmed.startsWith('#') || trimmed.startsWith('*') || trimmed.startsWith('/*')) continue;
    for (const rule of rules) {
      const m = rule.re.exec(line);
      if (!m) continue;
      const simple = m[rule.name];
      if (!simple || KEYWORDS.has(simple)) continue;
      const indent = line.length - trimmed.length;
      found.push({ name: simple, simple, start: i, end: endOf(lines, i, indent, lang), container: rule.container === true, indent, receiver: rule.receiver ? m[rule.receiver] : undefined });
      break;
    }
  }
  // Qualify by the innermost container holding each declaration.
  return found.map((d) => {
    let owner: (typeof found)[number] | undefined;
    for (const c of found) if (c.container && c !== d && c.start < d.start && c.end >= d.end && c.indent < d.indent && (!owner || c.start > owner.start)) owner = c;
    const prefix = d.receiver ?? owner?.simple;
    return { name: prefix ? `${prefix}.${d.simple}` : d.simple, start: d.start, end: d.end, container: d.container };
  });
}

/** The declarations of a prepared file, scanned once and shared by all its anchors. */
export function declarationsIn(path: string, file: PreparedFile): Declaration[] {
  const key = `declarations:${languageOf(path) ?? ''}`;
  let found = file.memo.get(key) as Declaration[] | undefined;
  if (!found) {
    found = declarationsOf(path, file.lines);
    file.memo.set(key, found);
  }
  return found;
}

/**
 * The last line of the declaration starting at `start`: the line before the
 * next one indented no deeper (or that line, when it closes the block:
 * `}`, `end`, `)`). A signature wrapped over several lines (`) {`) goes on.
 */
function endOf(lines: readonly string[], start: number, indent: number, lang: Lang): number {
  let last = start;
  const opensBlock = lang === 'py' ? /:\s*(#.*)?$/.test(lines[start]) : true;
  if (lang !== 'py' && lang !== 'rb' && /;\s*$/.test(lines[start]) && !/[{(]/.test(lines[start])) return start;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trimStart();
    if (trimmed === '') continue;
    const lineIndent = line.length - trimmed.length;
    if (lineIndent > indent) {
      last = i;
      continue;
    }
    if (/^\{\s*$/.test(trimmed) || (/^[)\]>]/.test(trimmed) && /(\{|=>|:|\()\s*$/.test(trimmed))) {
      last = i;
      continue; // the end of a wrapped signature, at the declaration's indentation
    }
    if (/^(\}|\)|\]|end\b)/.test(trimmed)) return i;
    if (lang === 'py' && !opensBlock) return last;
    if (lang === 'py' && /^(@|elif\b|else\b|except\b|finally\b)/.test(trimmed)) return last;
    return last;
  }
  return last;
}

/** A line that only holds a comment (or its end): a doc comment above a declaration belongs to it. */
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|#(?!\[)|--|;|%|"""|''')/;

/**
 * The declaration a range sits in or starts with (0-based lines): one that
 * starts on the range's first meaningful line (not blank, not a comment),
 * else the innermost holding that line, else the first that starts inside the range.
 */
export function enclosingDeclaration(declarations: readonly Declaration[], lines: readonly string[], start: number, end: number): Declaration | undefined {
  let first = start;
  while (first < end && lines[first] !== undefined && (!/[\p{L}\p{N}_$]/u.test(lines[first]) || COMMENT_LINE.test(lines[first]))) first++;
  const startsThere = declarations.find((d) => d.start === first);
  if (startsThere) return startsThere;
  let inner: Declaration | undefined;
  for (const d of declarations) if (d.start <= first && d.end >= first && (!inner || d.start >= inner.start)) inner = d;
  if (inner) return inner;
  return declarations.find((d) => d.start >= start && d.start <= end);
}

/**
 * The declaration named `symbol` in `declarations`: the one with that exact
 * qualified name, else the one whose simple name matches. Undefined when
 * none, or several, match: a guess at one of two is no clue.
 */
export function findDeclaration(declarations: readonly Declaration[], symbol: string): Declaration | undefined {
  const unique = (found: readonly Declaration[]): Declaration | undefined => {
    if (found.length === 1) return found[0];
    // `exports.parse = parse;` names the function but is not it: the one with a body is.
    const bodies = found.filter((d) => d.end > d.start);
    return bodies.length === 1 ? bodies[0] : undefined;
  };
  const exact = declarations.filter((d) => d.name === symbol);
  if (exact.length > 0) return unique(exact);
  const simple = symbol.slice(symbol.lastIndexOf('.') + 1);
  // A qualified symbol whose type was renamed still names its method; an unqualified one matches any owner.
  return unique(declarations.filter((d) => d.name === simple || d.name.endsWith(`.${simple}`)));
}
