import * as assert from 'node:assert/strict';
import { mapRange } from '../../../src/core/anchors/history';
import { SAMPLE, deleteLines, insertLines } from './sample';

describe('mapRange', () => {
  it('maps a range through lines inserted above', () => {
    const m = mapRange(SAMPLE, insertLines(SAMPLE, 2, ['a', 'b']), { start: 6, end: 8 });
    assert.deepEqual(m, { lines: [8, 9, 10], start: 8, intact: true });
  });

  it('marks changed lines and keeps the start from the first survivor', () => {
    const edited = SAMPLE.replace('  if (await seen(evt.id)) return;', '  if (await seen(evt.key)) return;');
    const m = mapRange(SAMPLE, edited, { start: 6, end: 8 });
    assert.deepEqual(m, { lines: [6, 0, 8], start: 6, intact: false });
  });

  it('places a deleted range where its lines were', () => {
    const m = mapRange(SAMPLE, deleteLines(SAMPLE, 21, 25), { start: 21, end: 25 });
    assert.ok(m);
    assert.deepEqual(m.lines, [0, 0, 0, 0, 0]);
    assert.equal(m.start, 21);
    assert.equal(m.intact, false);
  });

  it('reads CRLF and LF versions as the same lines', () => {
    const m = mapRange(SAMPLE.replace(/\n/g, '\r\n'), SAMPLE, { start: 1, end: 2 });
    assert.deepEqual(m, { lines: [1, 2], start: 1, intact: true });
  });
});
