// Property tests of the minimal-diff writer (issue #7): for generated notes
// (every quoting and list style, comments, CRLF, a BOM, unknown fields,
// anchors) and generated edits, `editNote` then parsing gives back the edit,
// every other field is as it was, and every byte outside the edited field is
// unchanged: comments, key order, quoting, line ends and the body.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { editNote, NoteEditError, type FrontMatterEdit } from '../../../../src/core/notes/noteEditor';
import { splitFrontMatter } from '../../../../src/core/notes/frontMatter';
import { parseNote } from '../../../../src/core/notes/parseNote';
/* eslint-disable no-control-regex -- control characters are what some checks look for */
import { commentMarks, genNote, lineText, mutate, mutation, renderNote, setValue } from '../../../support/arbitraries';
import { fuzz } from '../../../support/fuzzConfig';

type Data = Record<string, unknown>;

interface Parsed {
  yaml: string;
  yamlOffset: number;
  map: YAMLMap;
  data: Data;
}

function parseFront(text: string): Parsed {
  const split = splitFrontMatter(text);
  assert.ok(split.ok, 'has front matter');
  const doc = parseDocument(split.value.yaml, { uniqueKeys: true });
  assert.deepEqual(doc.errors, [], `valid YAML:\n${split.value.yaml}`);
  assert.ok(isMap(doc.contents));
  return { yaml: split.value.yaml, yamlOffset: split.value.yamlOffset, map: doc.contents, data: (doc.toJS() ?? {}) as Data };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

/** The offset just past the line end after `offset` (or the end of the text). */
function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', Math.max(0, offset));
  return nl < 0 ? text.length : nl + 1;
}

/** From the start of a field's key to the end of the line its value ends on. */
function pairZone(yaml: string, pair: Pair): [number, number] {
  const keyStart = (pair.key as Node).range![0];
  const value = pair.value as Node | null;
  const end = value?.range ? Math.max(value.range[2] - 1, value.range[0]) : (pair.key as Node).range![1];
  return [keyStart, lineEndAfter(yaml, end)];
}

/** Where a new field goes: after the last field, up to the end of the front matter. */
function endZone(yaml: string, map: YAMLMap): [number, number] {
  const last = map.items[map.items.length - 1];
  return [last ? pairZone(yaml, last)[1] : 0, yaml.length];
}

type EditSeed =
  | { op: 'set'; pick: number; value: string }
  | { op: 'append'; pick: number; value: string }
  | { op: 'replace'; pick: number; item: number; to: string; existing: boolean }
  | { op: 'anchor'; pick: number; field: 'path' | 'lines' | 'snippet' | 'commit'; value: string };

const anchorValue = {
  path: fc.stringMatching(/^src\/[a-z]{1,8}\/[a-z]{1,8}\.ts$/),
  lines: fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 50 })).map(([s, n]) => `${s}-${s + n}`),
  snippet: fc.array(fc.stringMatching(/^[a-z(){};= \t]{0,20}$/), { minLength: 1, maxLength: 4 }).map((lines) => `${lines.join('\n')}\n`),
  commit: fc.stringMatching(/^[0-9a-f]{7,12}$/),
};

const editSeed: fc.Arbitrary<EditSeed> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: setValue }),
  fc.record({ op: fc.constant('append' as const), pick: fc.nat(), value: lineText.filter((v) => v !== '') }),
  fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), item: fc.nat(), to: lineText.filter((v) => v !== ''), existing: fc.boolean() }),
  fc.constantFrom('path', 'lines', 'snippet', 'commit').chain((field) =>
    fc.record({ op: fc.constant('anchor' as const), pick: fc.nat(), field: fc.constant(field), value: anchorValue[field] }),
  ),
);

interface Planned {
  edit: FrontMatterEdit;
  /** The data the front matter must hold after the edit. */
  expect: Data;
  /** Offsets in the whole text: bytes before `zone[0]` and after `zone[1]` must not change. */
  zone: [number, number];
}

const SET_KEYS = ['title', 'kind', 'author', 'owner', 'created', 'review', 'status', 'x-added'];
const LIST_KEYS = ['topics', 'endorsed', 'x-list'];

/** A concrete edit of this note from a seed, or undefined when the note has nothing for it to edit. */
function plan(before: Parsed, seed: EditSeed): Planned | undefined {
  const { map, yaml, yamlOffset } = before;
  const expect = structuredClone(before.data);
  const keys = map.items.map((p) => String((p.key as { value?: unknown }).value));
  const shift = ([a, b]: [number, number]): [number, number] => [a + yamlOffset, b + yamlOffset];
  switch (seed.op) {
    case 'set': {
      const candidates = [...new Set([...SET_KEYS, ...keys])].filter((k) => {
        const node = map.get(k, true);
        return node === undefined || node === null || isScalar(node);
      });
      const key = candidates[seed.pick % candidates.length];
      const pair = pairOf(map, key);
      expect[key] = seed.value;
      return { edit: { op: 'set', key, value: seed.value }, expect, zone: shift(pair ? pairZone(yaml, pair) : endZone(yaml, map)) };
    }
    case 'append': {
      const candidates = LIST_KEYS.filter((k) => {
        const node = map.get(k, true);
        return node === undefined || node === null || isSeq(node) || (isScalar(node) && node.value === null);
      });
      if (candidates.length === 0) return undefined;
      const key = candidates[seed.pick % candidates.length];
      const pair = pairOf(map, key);
      const list = Array.isArray(expect[key]) ? (expect[key] as unknown[]) : [];
      if (!list.map(String).includes(seed.value)) list.push(seed.value);
      expect[key] = list;
      return { edit: { op: 'appendToList', key, value: seed.value }, expect, zone: shift(pair ? pairZone(yaml, pair) : endZone(yaml, map)) };
    }
    case 'replace': {
      const candidates = LIST_KEYS.filter((k) => {
        const node = map.get(k, true);
        return isSeq(node) && node.items.length > 0;
      });
      if (candidates.length === 0) return undefined;
      const key = candidates[seed.pick % candidates.length];
      const list = (expect[key] as unknown[]).map(String);
      const from = list[seed.item % list.length];
      const to = seed.existing && list.length > 1 ? list[(seed.item + 1) % list.length] : seed.to;
      const i = list.indexOf(from);
      if (from === to) {
        // Replacing a value by itself changes nothing.
      } else if (list.includes(to)) list.splice(i, 1);
      else list[i] = to;
      expect[key] = list;
      return { edit: { op: 'replaceInList', key, from, to }, expect, zone: shift(pairZone(yaml, pairOf(map, key)!)) };
    }
    case 'anchor': {
      const anchors = map.get('anchors', true);
      if (!isSeq(anchors) || anchors.items.length === 0 || !anchors.items.every(isMap)) return undefined;
      const index = seed.pick % anchors.items.length;
      (expect.anchors as Data[])[index][seed.field] = seed.value;
      const entry = anchors.items[index] as YAMLMap;
      return { edit: { op: 'setAnchorField', index, field: seed.field, value: seed.value }, expect, zone: shift([entry.range![0], lineEndAfter(yaml, entry.range![2] - 1)]) };
    }
  }
}

function describeCase(before: string, edit: FrontMatterEdit, after?: string): string {
  return `edit ${JSON.stringify(edit)}\n--- before ---\n${JSON.stringify(before)}${after === undefined ? '' : `\n--- after ---\n${JSON.stringify(after)}`}`;
}

function checkEdit(before: string, seed: EditSeed): void {
  const parsedBefore = parseFront(before);
  const planned = plan(parsedBefore, seed);
  if (!planned) return;
  const { edit, expect, zone } = planned;
  let after: string;
  try {
    after = editNote(before, [edit]);
  } catch (err) {
    assert.fail(`editNote threw ${(err as Error).message}\n${describeCase(before, edit)}`);
  }
  const why = describeCase(before, edit, after);

  // 1. The edit is there, and every other field is as it was.
  const parsedAfter = parseFront(after);
  assert.deepEqual(parsedAfter.data, expect, `data after the edit\n${why}`);

  // 2. Not a byte changed outside the edited field.
  const [z0, z1] = zone;
  assert.equal(after.slice(0, z0), before.slice(0, z0), `bytes before the field\n${why}`);
  assert.equal(after.slice(after.length - (before.length - z1)), before.slice(z1), `bytes after the field\n${why}`);

  // 3. Line ends: a CRLF note stays CRLF, an LF note gains no CR.
  const front = after.slice(0, parsedAfter.yamlOffset + parsedAfter.yaml.length);
  if (!/(^|[^\r])\n/.test(before.slice(0, parsedBefore.yamlOffset + parsedBefore.yaml.length))) assert.doesNotMatch(front, /(^|[^\r])\n/, `CRLF kept\n${why}`);
  if (!before.includes('\r')) assert.ok(!after.includes('\r'), `no CR added\n${why}`);

  // 3b. Nothing unprintable written raw: a NUL would make the note a binary file.
  const raw = (t: string) => (t.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]|\ufeff(?!---)/g) ?? []).length;
  assert.equal(raw(after), raw(before), `no raw control character added\n${why}`);

  // 4. Comments stay (a list item removed takes none: the generated items carry no comment).
  for (const c of commentMarks(before)) assert.ok(after.includes(`# ${c} `), `comment ${c} kept\n${why}`);

  // 5. The note still parses, and a set title reads back.
  const note = parseNote('.learnings/notes/x.md', after);
  if (edit.op === 'set' && edit.key === 'title' && edit.value.trim() !== '' && !edit.value.trim().includes('\n')) {
    assert.equal(note.note?.title, edit.value.trim(), why);
  }

  // 6. The same edit again changes nothing.
  if (edit.op === 'set' || edit.op === 'appendToList' || edit.op === 'setAnchorField') {
    assert.equal(editNote(after, [edit]), after, `the same edit twice\n${why}`);
  }
}

describe('property: the minimal-diff writer', () => {
  it('gives back each edit, and leaves every other byte as it was', () => {
    fc.assert(
      fc.property(genNote, editSeed, (note, seed) => checkEdit(renderNote(note), seed)),
      fuzz(),
    );
  });

  it('applies a sequence of edits as one after the other', () => {
    fc.assert(
      fc.property(genNote, fc.array(editSeed, { minLength: 2, maxLength: 4 }), (note, seeds) => {
        let text = renderNote(note);
        for (const seed of seeds) {
          const planned = plan(parseFront(text), seed);
          if (!planned) continue;
          const all = editNote(text, [planned.edit]);
          checkEdit(text, seed);
          text = all;
        }
      }),
      fuzz(0.5),
    );
  });

  it('on a damaged note, returns a text or throws a NoteEditError, and never writes what it cannot parse', () => {
    fc.assert(
      fc.property(genNote, fc.array(mutation, { minLength: 1, maxLength: 3 }), editSeed, (note, mutations, seed) => {
        const text = mutate(renderNote(note), mutations);
        const edit: FrontMatterEdit =
          seed.op === 'set' ? { op: 'set', key: 'title', value: seed.value } : seed.op === 'append' ? { op: 'appendToList', key: 'topics', value: seed.value } : { op: 'setAnchorField', index: 0, field: 'lines', value: '1-2' };
        let after: string;
        try {
          after = editNote(text, [edit]);
        } catch (err) {
          assert.ok(err instanceof NoteEditError, `only NoteEditError: ${(err as Error).stack}`);
          return;
        }
        const split = splitFrontMatter(after);
        assert.ok(split.ok);
        assert.deepEqual(parseDocument(split.value.yaml, { uniqueKeys: true }).errors, [], `the result parses\n${JSON.stringify(text)}\n${JSON.stringify(after)}`);
        // The body is never touched.
        const splitBefore = splitFrontMatter(text);
        assert.ok(splitBefore.ok);
        assert.equal(split.value.body, splitBefore.value.body);
      }),
      fuzz(),
    );
  });
});
