// A fast path for the front matter our own writer emits (`renderFrontMatter`):
// `key: value` lines, flow lists of plain words, and `anchors:` as a block
// list of maps with `|` snippets. For exactly that subset it builds the same
// nodes the `yaml` package would (same values, same node kinds, same line
// positions), so parseNote validates them with the same code and reports the
// same problems; for anything else (a comment, a blank line between fields,
// CRLF, a quoted escape, a value that is not a plain string, another
// indentation...) it returns undefined and the caller parses with `yaml`.
//
// Why: `yaml`'s parseDocument costs about 80 µs for a typical front matter
// (1.7 KB notes, 2-core machine): 0.8 s of an index build of 10,000 notes.
// This path costs about 6 µs; see `npm run bench`.
// test/unit/core/notes/frontMatterFastPath.test.ts compares both paths on
// generated notes (fast-check), on damaged ones and on every fixture note
// (parseNote's `fastPath: false` parses with yaml alone).

import { isMap, isPair, isScalar, isSeq, type LineCounter, Pair, Scalar, Schema, YAMLMap, YAMLSeq } from 'yaml';

/** What parseNote reads of a parsed document: no errors, a map of fields. */
export interface FastDocument {
  errors: never[];
  contents: YAMLMap<Scalar<string>, unknown>;
}

type Map_ = YAMLMap<Scalar<string>, unknown>;

/**
 * The `yaml` core schema's tests for plain scalars that are not strings
 * (null, booleans, numbers): a plain value matching one is left to `yaml`.
 */
export const NOT_A_STRING: RegExp[] = new Schema({ schema: 'core' }).tags
  .map((tag) => (tag as { test?: RegExp }).test)
  .filter((test): test is RegExp => test instanceof RegExp);
/**
 * Every NOT_A_STRING match starts with one of these (`~`, n/N for null,
 * t/T/f/F for booleans, digits, sign or dot for numbers): other values skip
 * the tests. The unit test pins NOT_A_STRING, so a new tag is noticed.
 */
const MAYBE_NOT_A_STRING = /^[~nNtTfF0-9+.-]/;
/** NOT_A_STRING as one expression (they are all anchored, without flags): one test instead of eight. */
const ANY_NOT_A_STRING = NOT_A_STRING.every((test) => test.flags === '')
  ? new RegExp(NOT_A_STRING.map((test) => `(?:${test.source})`).join('|'))
  : { test: (text: string) => NOT_A_STRING.some((test) => test.test(text)) };

/**
 * Characters yaml may treat specially anywhere: control characters other
 * than tab and newline (CR included), line separators, BOM, noncharacters,
 * lone surrogates. Their presence sends the whole front matter to yaml.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const UNUSUAL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Anything but printable ASCII and newlines: only then is UNUSUAL worth testing. */
const NOT_PLAIN_ASCII = /[^\n\x20-\x7e]/;

/** Indicators a plain scalar may not start with (a space neither). */
const INDICATOR = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@` ') INDICATOR[c.charCodeAt(0)] = 1;
const FLOW_INDICATORS = /[,[\]{}:]/;
/** A comment (`#`), a map inside the value (`: `), or a trailing colon or space. */
const NOT_PLAIN = /#|: |[: ]$/;
/** `|`, `|-`, `|+`, `|2`, `|2-`, `|-2`... */
const BLOCK_HEADER = /^\|(?:([1-9])([-+])?|([-+])([1-9])?)?$/;
/** Anchor maps are indented this much (the writer's `indentSeq: true`). */
const ITEM_INDENT = 4;
const MAX_KEY = 64;

/**
 * yaml's node constructors spend most of their time in Object.defineProperty
 * (about 300 ns a node, 40 nodes a note). yaml tells its nodes apart by one
 * key, `Symbol.for('yaml.node.type')` (global by design, so that copies of
 * the library recognise each other's nodes): objects whose prototype carries
 * that key, over yaml's own prototypes, are yaml nodes to every function of
 * the library, and cost what a plain object costs. Checked below when this
 * module loads; if a version of yaml ever says otherwise, the real
 * constructors are used.
 */
interface NodeFactory {
  scalar(value: string): Scalar<string>;
  pair(key: Scalar<string>, value: unknown): Pair<Scalar<string>, unknown>;
  map(): Map_;
  seq(): YAMLSeq;
}

const constructors: NodeFactory = {
  scalar: (value) => new Scalar(value),
  pair: (key, value) => new Pair(key, value),
  map: () => new YAMLMap(),
  seq: () => new YAMLSeq(),
};

function prototypeFactory(): NodeFactory {
  const NODE_TYPE = Symbol.for('yaml.node.type');
  const kind = <T extends object>(base: { prototype: T }, type: string): { new (): T } => {
    const Kind = function () {} as unknown as { new (): T; prototype: T };
    Kind.prototype = Object.create(base.prototype, { [NODE_TYPE]: { value: Symbol.for(type) } });
    return Kind;
  };
  const ScalarKind = kind(Scalar, 'yaml.scalar');
  const PairKind = kind(Pair, 'yaml.pair');
  const MapKind = kind(YAMLMap, 'yaml.map');
  const SeqKind = kind(YAMLSeq, 'yaml.seq');
  return {
    scalar(value) {
      const node = new ScalarKind() as Scalar<string>;
      node.value = value;
      return node;
    },
    pair(key, value) {
      const node = new PairKind() as Pair<Scalar<string>, unknown>;
      node.key = key;
      node.value = value;
      return node;
    },
    map() {
      const node = new MapKind() as Map_;
      node.items = [];
      return node;
    },
    seq() {
      const node = new SeqKind();
      node.items = [];
      return node;
    },
  };
}

/** The prototype factory when yaml accepts its nodes as its own, the constructors otherwise. */
function chooseFactory(): NodeFactory {
  try {
    const fast = prototypeFactory();
    const map = fast.map();
    const key = fast.scalar('k');
    map.items.push(fast.pair(key, fast.scalar('v')));
    const seq = fast.seq();
    seq.items.push(fast.scalar('i'));
    const works = isScalar(key) && isPair(map.items[0]) && isMap(map) && isSeq(seq) && map.get('k') === 'v' && map.has('k') && map.get('k', true) === map.items[0].value;
    return works ? fast : constructors;
  } catch {
    return constructors;
  }
}

const make: NodeFactory = chooseFactory();
/** Whether nodes are made without yaml's constructors (the unit test expects it). */
export const PROTOTYPE_NODES = make !== constructors;

export function parseFrontMatterFast(src: string, lineCounter: LineCounter): FastDocument | undefined {
  if (src === '' || src.charCodeAt(src.length - 1) !== 10) return undefined;
  if (NOT_PLAIN_ASCII.test(src) && UNUSUAL.test(src)) return undefined;
  const contents = new SubsetParser(src).document();
  if (!contents) return undefined;
  // What yaml's Parser records: the start of the first line and of every line after a newline.
  const starts = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  lineCounter.lineStarts = starts;
  return { errors: [], contents };
}

class SubsetParser {
  /** Offset of the current line; the text always ends with a newline. */
  private pos = 0;

  constructor(private readonly src: string) {}

  document(): Map_ | undefined {
    const src = this.src;
    const map = make.map();
    map.range = [0, src.length, src.length];
    while (this.pos < src.length) {
      const start = this.pos;
      const eol = src.indexOf('\n', start);
      const colon = keyEnd(src, start, eol);
      if (colon < 0) return undefined;
      let value: Scalar | YAMLSeq | undefined;
      if (colon + 1 === eol) {
        this.pos = eol + 1;
        value = this.blockSeq();
      } else if (src.charCodeAt(colon + 1) === 32) {
        value = inlineValue(src.slice(colon + 2, eol), colon + 2);
        this.pos = eol + 1;
      }
      if (!value || !addPair(map, src.slice(start, colon), start, value)) return undefined;
    }
    return map;
  }

  /** `  - key: value` items, each a map of scalars (the anchors). */
  private blockSeq(): YAMLSeq | undefined {
    const src = this.src;
    const seq = make.seq();
    const seqStart = this.pos + 2;
    while (src.startsWith('  - ', this.pos)) {
      // The first pair starts after "  - ", the others after four spaces.
      this.pos += ITEM_INDENT;
      const item = make.map();
      const first = this.pos;
      for (;;) {
        if (!this.itemPair(item)) return undefined;
        if (!src.startsWith('    ', this.pos) || !isLower(src.charCodeAt(this.pos + ITEM_INDENT))) break;
        this.pos += ITEM_INDENT;
      }
      item.range = [first, this.pos, this.pos];
      seq.items.push(item);
    }
    if (seq.items.length === 0) return undefined;
    seq.range = [seqStart, this.pos, this.pos];
    return seq;
  }

  /** `key: value` or `key: |` and its lines, inside an anchor; leaves `pos` on the next line. */
  private itemPair(item: Map_): boolean {
    const src = this.src;
    const start = this.pos;
    const eol = src.indexOf('\n', start);
    const colon = keyEnd(src, start, eol);
    if (colon < 0 || src.charCodeAt(colon + 1) !== 32) return false;
    const text = src.slice(colon + 2, eol);
    this.pos = eol + 1;
    let value: Scalar | YAMLSeq | undefined;
    if (text.charCodeAt(0) === 124 /* | */) {
      const header = BLOCK_HEADER.exec(text);
      value = header ? this.blockScalar(header, colon + 2) : undefined;
    } else {
      value = inlineValue(text, colon + 2);
    }
    // A list inside an anchor would be printed in a problem message: left to yaml.
    return value instanceof Scalar && addPair(item, src.slice(start, colon), start, value);
  }

  /** A literal block scalar's lines, after its header; leaves `pos` on the line that ends it. */
  private blockScalar(header: RegExpExecArray, start: number): Scalar | undefined {
    const src = this.src;
    const explicit = header[1] ?? header[4];
    const chomp = header[2] ?? header[3];
    let indent = explicit === undefined ? 0 : ITEM_INDENT + Number(explicit);
    const first = this.pos;
    /** The newline that ends the last line with content, or -1. */
    let contentEnd = -1;
    /** The longest line of spaces before the first content line, when the indentation is detected. */
    let leadingBlank = 0;
    while (this.pos < src.length) {
      const line = this.pos;
      const eol = src.indexOf('\n', line);
      let spaces = 0;
      while (src.charCodeAt(line + spaces) === 32) spaces++;
      const c = src.charCodeAt(line + spaces);
      // A tab where indentation is read: left to yaml.
      if (c === 9) return undefined;
      if (c === 10) {
        // A blank line, or one of spaces only: an empty line of the scalar
        // unless it has more spaces than the indentation (then yaml decides).
        if (indent === 0) leadingBlank = Math.max(leadingBlank, spaces);
        else if (spaces > indent) return undefined;
        this.pos = eol + 1;
        continue;
      }
      if (spaces <= ITEM_INDENT) break; // the next field, item or top-level key
      if (indent === 0) {
        indent = spaces;
        if (leadingBlank > indent) return undefined;
      }
      if (spaces < indent) return undefined;
      contentEnd = eol;
      this.pos = eol + 1;
    }
    if (contentEnd < 0) return undefined;
    // Every line less its indentation; blank lines (at most `indent` spaces) become empty.
    const text = src.slice(first, contentEnd).replace(indentation(indent), '');
    let value = text;
    if (chomp === '+') {
      let trailing = 0;
      for (let i = src.indexOf('\n', contentEnd + 1); i >= 0 && i < this.pos; i = src.indexOf('\n', i + 1)) trailing++;
      value = text + '\n'.repeat(trailing + 1);
    } else if (chomp !== '-') {
      value = `${text}\n`;
    }
    return scalar(value, Scalar.BLOCK_LITERAL, start, this.pos);
  }
}

const indentations: RegExp[] = [];
function indentation(n: number): RegExp {
  return (indentations[n] ??= new RegExp(`^ {0,${n}}`, 'gm'));
}

function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/**
 * The offset of the `:` after a key the writer writes (lowercase letters,
 * digits, `_`, `-`, starting with a letter) at `start`, or -1.
 */
function keyEnd(src: string, start: number, eol: number): number {
  if (!isLower(src.charCodeAt(start))) return -1;
  const limit = Math.min(eol, start + MAX_KEY + 1);
  for (let i = start + 1; i < limit; i++) {
    const c = src.charCodeAt(i);
    if (c === 58 /* : */) return i;
    if (!(isLower(c) || (c >= 48 && c <= 57) || c === 95 || c === 45)) return -1;
  }
  return -1;
}

function addPair(map: Map_, key: string, start: number, value: unknown): boolean {
  // A key yaml reads as null or a boolean (`null:`, `true:`) is left to it.
  if (maybeNotAString(key)) return false;
  // yaml (with uniqueKeys) reports a repeated key as an error: left to it.
  for (const pair of map.items) if (pair.key.value === key) return false;
  map.items.push(make.pair(scalar(key, Scalar.PLAIN, start, start + key.length), value));
  return true;
}

/** A value on the key's line: a plain or simply quoted string, or a flow list of plain strings. */
function inlineValue(text: string, start: number): Scalar | YAMLSeq | undefined {
  if (text.includes('\t')) return undefined;
  const first = text.charCodeAt(0);
  if (first === 91 /* [ */) {
    if (text.charCodeAt(text.length - 1) !== 93 /* ] */) return undefined;
    const seq = make.seq();
    seq.flow = true;
    seq.range = [start, start + text.length, start + text.length];
    const inner = text.slice(1, -1);
    if (inner === '') return seq;
    let at = start + 1;
    for (const item of inner.split(', ')) {
      if (!isPlainString(item, true)) return undefined;
      seq.items.push(scalar(item, Scalar.PLAIN, at, at + item.length));
      at += item.length + 2;
    }
    return seq;
  }
  if (first === 34 /* " */ || first === 39 /* ' */) {
    const quote = text[0];
    const inner = text.slice(1, -1);
    // No escapes ("\\" or "''") and nothing after the closing quote.
    if (text.length < 2 || text[text.length - 1] !== quote || inner.includes(quote) || (first === 34 && inner.includes('\\'))) return undefined;
    return scalar(inner, first === 34 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, start, start + text.length);
  }
  return isPlainString(text, false) ? scalar(text, Scalar.PLAIN, start, start + text.length) : undefined;
}

/**
 * A plain scalar that `yaml` reads back as this very string: no indicator
 * first, no `: ` or `#` inside, no trailing space or colon, no flow
 * indicator inside a flow list, and not a null, boolean or number.
 */
function isPlainString(text: string, inFlow: boolean): boolean {
  const first = text.charCodeAt(0);
  if (text === '' || (first < 128 && INDICATOR[first] === 1)) return false;
  if (NOT_PLAIN.test(text)) return false;
  if (inFlow && FLOW_INDICATORS.test(text)) return false;
  return !maybeNotAString(text);
}

function maybeNotAString(text: string): boolean {
  return MAYBE_NOT_A_STRING.test(text) && ANY_NOT_A_STRING.test(text);
}

function scalar(value: string, type: Scalar.Type, start: number, end: number): Scalar<string> {
  const node = make.scalar(value);
  node.type = type;
  node.range = [start, end, end];
  return node;
}
