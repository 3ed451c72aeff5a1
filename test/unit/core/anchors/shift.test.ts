import * as assert from 'node:assert/strict';
import { lineChangeOf, shiftRange } from '../../../../src/core/anchors/shift';

const range = { start: 10, end: 14 };

describe('shiftRange', () => {
  it('moves the range down for lines inserted above', () => {
    assert.deepEqual(shiftRange(range, { start: 3, end: 2, lines: 2 }), { range: { start: 12, end: 16 }, deleted: false });
  });

  it('moves the range down for lines inserted right before its first line', () => {
    assert.deepEqual(shiftRange(range, { start: 10, end: 9, lines: 1 }), { range: { start: 11, end: 15 }, deleted: false });
  });

  it('moves the range up for lines deleted above', () => {
    assert.deepEqual(shiftRange(range, { start: 2, end: 4, lines: 0 }), { range: { start: 7, end: 11 }, deleted: false });
  });

  it('leaves the range alone for edits below it', () => {
    assert.deepEqual(shiftRange(range, { start: 15, end: 20, lines: 0 }), { range, deleted: false });
    assert.deepEqual(shiftRange(range, { start: 15, end: 14, lines: 3 }), { range, deleted: false });
  });

  it('grows for lines inserted inside and shrinks for lines deleted inside', () => {
    assert.deepEqual(shiftRange(range, { start: 12, end: 11, lines: 3 }), { range: { start: 10, end: 17 }, deleted: false });
    assert.deepEqual(shiftRange(range, { start: 11, end: 12, lines: 0 }), { range: { start: 10, end: 12 }, deleted: false });
  });

  it('keeps the range when a line in it is retyped', () => {
    assert.deepEqual(shiftRange(range, { start: 12, end: 12, lines: 1 }), { range, deleted: false });
    assert.deepEqual(shiftRange({ start: 5, end: 5 }, { start: 5, end: 5, lines: 1 }), { range: { start: 5, end: 5 }, deleted: false });
  });

  it('collapses when a deletion covers it, and says so', () => {
    assert.deepEqual(shiftRange(range, { start: 8, end: 16, lines: 0 }), { range: { start: 8, end: 8 }, deleted: true });
    assert.deepEqual(shiftRange(range, { start: 10, end: 14, lines: 0 }), { range: { start: 10, end: 10 }, deleted: true });
  });

  it('counts a paste over a wider selection as deleting the range', () => {
    assert.deepEqual(shiftRange(range, { start: 9, end: 15, lines: 2 }), { range: { start: 9, end: 10 }, deleted: true });
  });

  it('trims the top when an edit from above reaches into the range', () => {
    assert.deepEqual(shiftRange(range, { start: 8, end: 11, lines: 0 }), { range: { start: 8, end: 10 }, deleted: false });
    assert.deepEqual(shiftRange(range, { start: 8, end: 11, lines: 1 }), { range: { start: 8, end: 11 }, deleted: false });
  });

  it('trims the bottom when an edit from inside reaches below the range', () => {
    assert.deepEqual(shiftRange(range, { start: 13, end: 18, lines: 0 }), { range: { start: 10, end: 12 }, deleted: false });
    assert.deepEqual(shiftRange(range, { start: 13, end: 18, lines: 2 }), { range: { start: 10, end: 13 }, deleted: false });
  });
});

describe('lineChangeOf', () => {
  it('reads Enter at the start of a line as a line inserted before it', () => {
    assert.deepEqual(lineChangeOf({ line: 9, character: 0 }, { line: 9, character: 0 }, '\n'), { start: 10, end: 9, lines: 1 });
  });

  it('reads Enter at the end of a line as a line inserted after it, when the line length is known', () => {
    assert.deepEqual(lineChangeOf({ line: 13, character: 8 }, { line: 13, character: 8 }, '\n', 8), { start: 15, end: 14, lines: 1 });
    assert.deepEqual(lineChangeOf({ line: 13, character: 8 }, { line: 13, character: 8 }, '\n'), { start: 14, end: 14, lines: 2 });
  });

  it('reads deleting whole lines as lines removed', () => {
    assert.deepEqual(lineChangeOf({ line: 4, character: 0 }, { line: 7, character: 0 }, ''), { start: 5, end: 7, lines: 0 });
  });

  it('reads typing within a line as that line replaced by one', () => {
    assert.deepEqual(lineChangeOf({ line: 4, character: 3 }, { line: 4, character: 5 }, 'xy'), { start: 5, end: 5, lines: 1 });
  });

  it('keeps an anchor in place while its last line is followed by a new line', () => {
    const change = lineChangeOf({ line: 13, character: 20 }, { line: 13, character: 20 }, '\n  next();', 20);
    assert.deepEqual(shiftRange(range, change), { range, deleted: false });
  });
});
