// The edits that point one anchor of a note at code in a new place, shared by
// `check --fix` and the editor's Re-anchor: only the fields that change, the
// code's own lines as the snippet, the commit and the enclosing declaration;
// never into the notes folder or generated code.

import * as assert from 'node:assert/strict';
import { reanchorEdits, ReanchorError } from '../../../../src/core/anchors/reanchor';
import { editNote } from '../../../../src/core/notes/noteEditor';
import { parseNote } from '../../../../src/core/notes/parseNote';
import type { Note } from '../../../../src/core/model';

const CODE = ['export class Cart {', '  total(items: Item[]): number {', '    let sum = 0;', '    for (const i of items) sum += i.price;', '    return sum;', '  }', '}', ''].join('\n');

const NOTE_TEXT = `---
title: Sum prices in minor units
topics: [payments]
anchors:
  - path: src/old.ts
    lines: 10-12
    snippet: |
      let sum = 0;
      for (const i of items) sum += i.price;
    commit: a1b2c3d
---
Body.
`;

function note(text = NOTE_TEXT): Note {
  const parsed = parseNote('.learnings/notes/n.md', text);
  assert.ok(parsed.note, JSON.stringify(parsed.problems));
  return parsed.note;
}

describe('reanchorEdits', () => {
  it('sets path, lines, snippet, commit and symbol, and the note reads the new anchor', () => {
    const edits = reanchorEdits(note(), 0, { path: 'src/cart.ts', range: { start: 3, end: 5 }, text: CODE, head: 'abcdef0123456789abcdef0123456789abcdef01' });
    assert.deepEqual(edits.map((e) => (e.op === 'setAnchorField' ? e.field : e.op)), ['path', 'lines', 'snippet', 'commit', 'symbol']);
    const after = parseNote('.learnings/notes/n.md', editNote(NOTE_TEXT, edits)).note;
    assert.deepEqual(after?.anchors[0], {
      path: 'src/cart.ts',
      lines: { start: 3, end: 5 },
      snippet: '    let sum = 0;\n    for (const i of items) sum += i.price;\n    return sum;\n',
      commit: 'abcdef0',
      symbol: 'Cart.total',
    });
    assert.equal(after?.title, 'Sum prices in minor units', 'the rest of the note as it was');
  });

  it('changes only what differs: the same place again is no edit', () => {
    const n = note();
    const once = editNote(NOTE_TEXT, reanchorEdits(n, 0, { path: 'src/cart.ts', range: { start: 3, end: 5 }, text: CODE, head: 'abcdef0123' }));
    assert.deepEqual(reanchorEdits(note(once), 0, { path: 'src/cart.ts', range: { start: 3, end: 5 }, text: CODE, head: 'abcdef0123' }), []);
  });

  it('writes a commit only when the anchor had one, or when asked', () => {
    const without = NOTE_TEXT.replace('    commit: a1b2c3d\n', '');
    const target = { path: 'src/cart.ts', range: { start: 3, end: 5 }, text: CODE, head: 'abcdef0123' };
    assert.ok(!reanchorEdits(note(without), 0, target).some((e) => e.op === 'setAnchorField' && e.field === 'commit'));
    assert.ok(reanchorEdits(note(without), 0, { ...target, addCommit: true }).some((e) => e.op === 'setAnchorField' && e.field === 'commit' && e.value === 'abcdef0'));
  });

  it('refuses the notes folder, generated code, lines past the end, and an anchor that is not there', () => {
    const refused = (fn: () => unknown, message: RegExp) => assert.throws(fn, (err: Error) => err instanceof ReanchorError && message.test(err.message));
    const n = note();
    refused(() => reanchorEdits(n, 0, { path: '.learnings/notes/other.md', range: { start: 1, end: 2 }, text: CODE }), /is in the notes folder: an anchor is only ever moved to code/);
    refused(() => reanchorEdits(n, 0, { path: 'kb/notes/other.md', range: { start: 1, end: 2 }, text: CODE, notesFolder: 'kb' }), /is in the notes folder/);
    refused(() => reanchorEdits(n, 0, { path: 'dist/cart.js', range: { start: 1, end: 2 }, text: CODE }), /is generated or vendored/);
    refused(() => reanchorEdits(n, 0, { path: 'package-lock.json', range: { start: 1, end: 2 }, text: CODE }), /is a lockfile/);
    refused(() => reanchorEdits(n, 0, { path: 'src/cart.ts', range: { start: 50, end: 51 }, text: CODE }), /lines 50-51 are past the end of the file/);
    refused(() => reanchorEdits(n, 3, { path: 'src/cart.ts', range: { start: 1, end: 2 }, text: CODE }), /there is no anchor 4/);
  });
});
