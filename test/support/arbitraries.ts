// Generators for the property tests: valid notes written the many ways
// people write YAML (plain, quoted, flow and block lists, comments, CRLF, a
// BOM, unknown fields, anchors with block snippets), and ways to damage them.

import fc from 'fast-check';

export type Eol = '\n' | '\r\n';

export type ScalarStyle = 'plain' | 'double' | 'single';
export type ListStyle = 'flow' | 'block' | 'indentless';

export type Field =
  | { kind: 'scalar'; key: string; value: string; style: ScalarStyle; comment?: string }
  | { kind: 'list'; key: string; items: string[]; style: ListStyle; comment?: string }
  | { kind: 'empty'; key: string }
  | { kind: 'map'; key: string; entries: Array<[string, string]> }
  | { kind: 'anchors'; items: GenAnchor[] }
  | { kind: 'comment'; text: string };

export interface GenAnchor {
  path: string;
  lines: string;
  snippet: string[];
  commit?: string;
  /** Order of the fields in the map. */
  order: Array<'path' | 'lines' | 'snippet' | 'commit'>;
}

export interface GenNote {
  eol: Eol;
  bom: boolean;
  fields: Field[];
  body: string;
}

// ---------------------------------------------------------------------------
// Text

/* eslint-disable no-control-regex -- the generators deal in control characters on purpose */

/** Characters that matter to YAML and markdown, and some that do not. */
const TRICKY = [' ', ':', '#', '"', "'", '\\', '[', ']', '{', '}', ',', '-', '?', '!', '&', '*', '%', '@', '`', '|', '>', '~', '=', '/', '.', '\t', 'é', 'ø', 'ß', '中', '🎉', '\u00a0'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');

const char = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LETTERS) }, { weight: 2, arbitrary: fc.constantFrom(...TRICKY) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) });

/** One line of text, anything a person might type: quotes, colons, "#", Unicode, leading or trailing spaces. */
export const lineText = fc.string({ unit: char, minLength: 0, maxLength: 40 });

/** A value for `set`: one line, or several (a block literal), sometimes with blank lines and indentation. */
export const setValue = fc.oneof(
  { weight: 4, arbitrary: lineText },
  // Anything at all: control characters, CR, U+2028, a BOM, astral planes.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(fc.oneof(lineText, fc.constant(''), lineText.map((l) => `  ${l}`)), { minLength: 2, maxLength: 5 }), fc.constantFrom('', '\n', '\n\n'))
      .map(([lines, end]) => lines.join('\n') + end),
  },
);

const slug = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?(\/[a-z][a-z0-9]{0,6})?$/);
const name = fc.oneof(fc.stringMatching(/^[A-Z][a-z]{1,7}( [A-Z][a-z]{1,9})?$/), fc.constantFrom('Tomás Ortega', 'Åse Ødegård', "O'Brien", 'Dr. No: Jr', 'Zoë #1'));
const key = fc.stringMatching(/^x-[a-z]{1,8}$/);

/** YAML 1.2 core schema words and shapes that a plain scalar would not read back as a string. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Whether `value` can be written as a plain scalar in a block (flow: also in a flow list) and read back as the same string. */
export function plainSafe(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || NOT_A_STRING.test(value)) return false;
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #/.test(value)) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  return true;
}

export function doubleQuoted(value: string): string {
  const escaped = value.replace(/[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => {
    if (c === '"') return '\\"';
    if (c === '\\') return '\\\\';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

export function singleQuoted(value: string): string | undefined {
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return undefined;
  return `'${value.replace(/'/g, "''")}'`;
}

export function renderScalarAs(value: string, style: ScalarStyle, flow = false): string {
  if (style === 'plain' && plainSafe(value, flow)) return value;
  if (style === 'single') return singleQuoted(value) ?? doubleQuoted(value);
  return doubleQuoted(value);
}

/* eslint-enable no-control-regex */

// ---------------------------------------------------------------------------
// Notes

const style = fc.constantFrom<ScalarStyle>('plain', 'plain', 'double', 'single');
const comment = fc.option(fc.stringMatching(/^[a-z][a-z ]{0,12}$/), { nil: undefined, freq: 3 });

const scalarField = (k: fc.Arbitrary<string>, value: fc.Arbitrary<string>) =>
  fc.record({ kind: fc.constant('scalar' as const), key: k, value, style, comment }).map((f) => ({ ...f, comment: f.comment === undefined ? undefined : f.comment }));

const listField = (k: string, item: fc.Arbitrary<string>) =>
  fc.record({
    kind: fc.constant('list' as const),
    key: fc.constant(k),
    items: fc.uniqueArray(item, { maxLength: 5 }),
    style: fc.constantFrom<ListStyle>('flow', 'block', 'indentless'),
    comment,
  });

const snippetLine = fc.stringMatching(/^[a-z(){};=. \t]{0,24}$/);
const anchor: fc.Arbitrary<GenAnchor> = fc.record({
  path: fc.stringMatching(/^src\/[a-z]{1,8}(\/[a-z]{1,8})?\.ts$/),
  lines: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 40 })).map(([s, n]) => `${s}-${s + n}`),
  snippet: fc.tuple(fc.stringMatching(/^[a-z][a-z(){};=. \t]{0,24}$/), fc.array(fc.oneof(snippetLine, snippetLine.map((l) => `  ${l}`)), { maxLength: 4 })).map(([first, rest]) => [first, ...rest]),
  commit: fc.option(fc.stringMatching(/^[0-9a-f]{7}$/), { nil: undefined }),
  order: fc.shuffledSubarray(['path', 'lines', 'snippet', 'commit'] as const, { minLength: 4, maxLength: 4 }).map((o) => [...o]),
});

/** A valid note: a title, some known and unknown fields in any order, comments, a body. */
export const genNote: fc.Arbitrary<GenNote> = fc
  .record({
    eol: fc.constantFrom<Eol>('\n', '\n', '\r\n'),
    bom: fc.boolean(),
    title: scalarField(fc.constant('title'), lineText.filter((t) => t.trim() !== '')),
    others: fc.array(
      fc.oneof(
        scalarField(fc.constantFrom('kind'), fc.constantFrom('lesson', 'plan', 'win', 'retro', 'peer', 'idea')),
        scalarField(fc.constantFrom('author', 'owner'), name),
        scalarField(fc.constantFrom('created', 'review'), fc.constantFrom('2026-11-23', '2025-01-31', '2024-02-29')),
        scalarField(fc.constantFrom('status'), fc.constantFrom('open', 'done', 'dropped')),
        scalarField(key, lineText),
        listField('topics', slug),
        listField('endorsed', name),
        fc.record({ kind: fc.constant('empty' as const), key: fc.constantFrom('topics', 'endorsed', 'x-empty') }),
        fc.record({ kind: fc.constant('map' as const), key: fc.constant('x-meta'), entries: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[a-z0-9 ]{1,10}$/)), { minLength: 1, maxLength: 3, selector: ([k]) => k }) }),
        fc.record({ kind: fc.constant('anchors' as const), items: fc.array(anchor, { minLength: 1, maxLength: 3 }) }),
        fc.record({ kind: fc.constant('comment' as const), text: fc.stringMatching(/^[a-z][a-z ]{0,20}$/) }),
      ),
      { maxLength: 8 },
    ),
    titleAt: fc.nat(),
    body: fc.array(fc.oneof(lineText, fc.constantFrom('', '---', '# Heading', '- item', '```', '    code')), { maxLength: 6 }).map((lines) => lines.join('\n')),
  })
  .map(({ eol, bom, title, others, titleAt, body }) => {
    // Each key once (comments are not keys).
    const seen = new Set<string>();
    const fields: Field[] = [];
    for (const f of others) {
      const k = f.kind === 'comment' ? undefined : f.kind === 'anchors' ? 'anchors' : f.key;
      if (k !== undefined) {
        if (seen.has(k) || k === 'title') continue;
        seen.add(k);
      }
      fields.push(f as Field);
    }
    fields.splice(titleAt % (fields.length + 1), 0, title as Field);
    return { eol, bom, fields, body };
  });

/** The note as a file. Comments carry a unique mark, so a test can find each one again. */
export function renderNote(note: GenNote): string {
  const lines: string[] = [];
  let n = 0;
  const mark = (text: string | undefined) => (text === undefined ? '' : ` # c${n++} ${text}`);
  for (const f of note.fields) {
    switch (f.kind) {
      case 'scalar':
        lines.push(`${f.key}: ${renderScalarAs(f.value, f.style)}${mark(f.comment)}`);
        break;
      case 'empty':
        lines.push(`${f.key}:`);
        break;
      case 'list':
        if (f.style === 'flow' || f.items.length === 0) {
          lines.push(`${f.key}: [${f.items.map((i) => renderScalarAs(i, 'plain', true)).join(', ')}]${mark(f.comment)}`);
        } else {
          lines.push(`${f.key}:${mark(f.comment)}`);
          const indent = f.style === 'block' ? '  ' : '';
          for (const i of f.items) lines.push(`${indent}- ${renderScalarAs(i, 'plain')}`);
        }
        break;
      case 'map':
        lines.push(`${f.key}:`);
        for (const [k, v] of f.entries) lines.push(`  ${k}: ${renderScalarAs(v, 'double')}`);
        break;
      case 'anchors':
        lines.push('anchors:');
        for (const a of f.items) {
          const entry: string[] = [];
          for (const field of a.order) {
            if (field === 'path') entry.push(`path: ${a.path}`);
            else if (field === 'lines') entry.push(`lines: ${a.lines}`);
            else if (field === 'commit' && a.commit !== undefined) entry.push(`commit: ${renderScalarAs(a.commit, 'double')}`);
            else if (field === 'snippet') entry.push('snippet: |', ...a.snippet.map((l) => (l === '' ? '' : `  ${l}`)));
          }
          entry.forEach((l, i) => lines.push(`${i === 0 ? '  - ' : l === '' ? '' : '    '}${l}`));
        }
        break;
      case 'comment':
        lines.push(`# c${n++} ${f.text}`);
        break;
    }
  }
  const text = ['---', ...lines, '---', note.body].join('\n');
  return (note.bom ? '\ufeff' : '') + text.replace(/\n/g, note.eol);
}

/** The comment marks (`c0`, `c1`...) in a rendered note. */
export function commentMarks(text: string): string[] {
  return [...text.matchAll(/# (c\d+) /g)].map((m) => m[1]);
}

// ---------------------------------------------------------------------------
// Damage

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'dropLine'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'crlf'; line: number }
  | { op: 'bom' }
  | { op: 'truncate'; at: number };

const noise = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TRICKY, '\n', '\r', '\r\n', '---', '...', '\u0000', '\ufeff', '\ud800'), maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: noise }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('dropLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('crlf' as const), line: fc.nat() }),
  fc.constant({ op: 'bom' as const }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

export function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const lines = t.split('\n');
    switch (m.op) {
      case 'insert': {
        const at = m.at % (t.length + 1);
        t = t.slice(0, at) + m.text + t.slice(at);
        break;
      }
      case 'delete': {
        const at = m.at % (t.length + 1);
        t = t.slice(0, at) + t.slice(at + m.length);
        break;
      }
      case 'dropLine':
        lines.splice(m.line % lines.length, 1);
        t = lines.join('\n');
        break;
      case 'duplicateLine': {
        const i = m.line % lines.length;
        lines.splice(i, 0, lines[i]);
        t = lines.join('\n');
        break;
      }
      case 'crlf': {
        const i = m.line % lines.length;
        lines[i] = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : `${lines[i]}\r`;
        t = lines.join('\n');
        break;
      }
      case 'bom':
        t = t.startsWith('\ufeff') ? t.slice(1) : `\ufeff${t}`;
        break;
      case 'truncate':
        t = t.slice(0, m.at % (t.length + 1));
        break;
    }
  }
  return t;
}
