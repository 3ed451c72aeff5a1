import * as assert from 'node:assert/strict';
import { editNote } from '../../../../src/core/notes/noteEditor';
import { parseNote } from '../../../../src/core/notes/parseNote';

/** Asserts that `after` differs from `before` only by replacing `from` with `to`, once. */
function assertOnlyChange(before: string, after: string, from: string, to: string) {
  const at = before.indexOf(from);
  assert.ok(at >= 0, `"${from}" is in the original`);
  assert.equal(after, before.slice(0, at) + to + before.slice(at + from.length));
}

const NOTE = `---
# A comment the editor must keep
title: 'Retry, with quotes'   # trailing comment
topics: [payments/webhooks, "reliability", misc]
created: 2026-11-23
kind: lesson
anchors:
  - path: src/a.ts
    lines: 1-2
    snippet: |
      one
      two
extra_field: { keep: me }
---
Body with --- in it
and more.
`;

describe('editNote: minimal diff', () => {
  it('renames a topic in a flow list and changes only that entry', () => {
    const after = editNote(NOTE, [{ op: 'replaceInList', key: 'topics', from: 'payments/webhooks', to: 'payments/callbacks' }]);
    assertOnlyChange(NOTE, after, 'payments/webhooks', 'payments/callbacks');
  });

  it('keeps the quoting style of the entry it replaces', () => {
    const after = editNote(NOTE, [{ op: 'replaceInList', key: 'topics', from: 'reliability', to: 'resilience' }]);
    assertOnlyChange(NOTE, after, '"reliability"', '"resilience"');
  });

  it('drops the old entry when the new one is already there (merge)', () => {
    const after = editNote(NOTE, [{ op: 'replaceInList', key: 'topics', from: 'misc', to: 'reliability' }]);
    assertOnlyChange(NOTE, after, ', misc', '');
    const first = editNote(NOTE, [{ op: 'replaceInList', key: 'topics', from: 'payments/webhooks', to: 'misc' }]);
    assertOnlyChange(NOTE, first, 'payments/webhooks, ', '');
  });

  it('edits block lists line by line', () => {
    const text = '---\ntitle: T\ntopics:\n  - a   # first\n  - b\n---\nx\n';
    assertOnlyChange(text, editNote(text, [{ op: 'replaceInList', key: 'topics', from: 'a', to: 'c' }]), '- a', '- c');
    assertOnlyChange(text, editNote(text, [{ op: 'replaceInList', key: 'topics', from: 'a', to: 'b' }]), '  - a   # first\n', '');
    assertOnlyChange(text, editNote(text, [{ op: 'appendToList', key: 'topics', value: 'z' }]), '  - b\n', '  - b\n  - z\n');
  });

  it('withdraws an endorsement: the name from a list, the field when it was the only name', () => {
    for (const text of [NOTE, NOTE.replace(/\n/g, '\r\n')]) {
      const endorsed = editNote(text, [{ op: 'appendToList', key: 'endorsed', value: 'Kari Nordmann' }]);
      assert.equal(editNote(endorsed, [{ op: 'removeFromList', key: 'endorsed', value: 'Kari Nordmann' }]), text, 'endorse then withdraw gives back the same bytes');
    }
    const two = '---\ntitle: T\nendorsed: [Ann, Bo] # keep\n---\nx\n';
    assertOnlyChange(two, editNote(two, [{ op: 'removeFromList', key: 'endorsed', value: 'Ann' }]), 'Ann, ', '');
    const block = '---\ntitle: T\nendorsed:\n  - Ann\ntopics: [a]\n---\nx\n';
    assert.equal(editNote(block, [{ op: 'removeFromList', key: 'endorsed', value: 'Ann' }]), '---\ntitle: T\ntopics: [a]\n---\nx\n');
    assert.equal(editNote(block, [{ op: 'removeFromList', key: 'endorsed', value: 'Nobody' }]), block);
  });

  it('unsets a field: its line (or a block value\'s lines) goes, every other byte stays; set then unset gives the note back', () => {
    for (const text of [NOTE, NOTE.replace(/\n/g, '\r\n')]) {
      const linked = editNote(text, [{ op: 'set', key: 'goal', value: 'ship-it' }]);
      assert.notEqual(linked, text);
      assert.equal(editNote(linked, [{ op: 'unset', key: 'goal' }]), text, 'set then unset gives back the same bytes');
    }
    const note = '---\ntitle: T\ngoal: ship-it   # for Q4\ntopics: [a]\n---\nx\n';
    assertOnlyChange(note, editNote(note, [{ op: 'unset', key: 'goal' }]), 'goal: ship-it   # for Q4\n', '');
    const block = '---\ntitle: T\nsummary: |\n  two\n  lines\ntopics: [a]\n---\nx\n';
    assert.equal(editNote(block, [{ op: 'unset', key: 'summary' }]), '---\ntitle: T\ntopics: [a]\n---\nx\n');
    const last = '---\ntitle: T\ngoal: g\n---\nx\n';
    assert.equal(editNote(last, [{ op: 'unset', key: 'goal' }]), '---\ntitle: T\n---\nx\n');
    assert.equal(editNote(note, [{ op: 'unset', key: 'absent' }]), note, 'nothing when absent');
    assert.throws(() => editNote(note, [{ op: 'unset', key: 'topics' }]), /not a single value/);
  });

  it('keeps CRLF line ends in what it adds', () => {
    const crlf = NOTE.replace(/\n/g, '\r\n');
    const after = editNote(crlf, [{ op: 'appendToList', key: 'endorsed', value: 'Kari Nordmann' }]);
    assertOnlyChange(crlf, after, 'extra_field: { keep: me }\r\n', 'extra_field: { keep: me }\r\nendorsed: [Kari Nordmann]\r\n');
    assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
  });

  it('appends to a flow list and sets a scalar in place', () => {
    const appended = editNote(NOTE, [{ op: 'appendToList', key: 'topics', value: 'new-topic' }]);
    assertOnlyChange(NOTE, appended, 'misc]', 'misc, new-topic]');
    const set = editNote(NOTE, [{ op: 'set', key: 'created', value: '2026-12-01' }]);
    assertOnlyChange(NOTE, set, '2026-11-23', '2026-12-01');
    const quoted = editNote(NOTE, [{ op: 'set', key: 'title', value: "It's new" }]);
    assertOnlyChange(NOTE, quoted, "'Retry, with quotes'", "'It''s new'");
  });

  it('rewrites an anchor snippet as a block and the note reads back', () => {
    const after = editNote(NOTE, [
      { op: 'setAnchorField', index: 0, field: 'lines', value: '5-7' },
      { op: 'setAnchorField', index: 0, field: 'snippet', value: '  indented\nthree\nfour\n' },
    ]);
    const parsed = parseNote('n.md', after);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.note?.anchors[0].lines, { start: 5, end: 7 });
    assert.equal(parsed.note?.anchors[0].snippet, '  indented\nthree\nfour\n');
    assert.ok(after.endsWith('extra_field: { keep: me }\n---\nBody with --- in it\nand more.\n'));
    assert.ok(after.startsWith('---\n# A comment the editor must keep\n'));
  });

  it('does not change a byte when the value is already there', () => {
    assert.equal(editNote(NOTE, [{ op: 'appendToList', key: 'topics', value: 'misc' }]), NOTE);
    assert.equal(editNote(NOTE, [{ op: 'set', key: 'kind', value: 'lesson' }]), NOTE);
  });

  it('refuses to edit a note whose front matter is broken', () => {
    assert.throws(() => editNote('---\ntitle: [\n---\n', [{ op: 'set', key: 'title', value: 'x' }]), /not valid YAML/);
    assert.throws(() => editNote('no front matter', [{ op: 'set', key: 'title', value: 'x' }]), /no front matter/);
  });
});
