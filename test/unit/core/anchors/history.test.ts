import * as assert from 'node:assert/strict';
import { mapRange } from '../../../../src/core/anchors/history';
import { SAMPLE, deleteLines, insertLines } from '../../../support/anchorSample';

describe('mapRange', () => {
  it('maps a range through lines inserted above', () => {
    const m = mapRange(SAMPLE, insertLines(SAMPLE, 2, ['a', 'b']), { start: 6, end: 8 });
    assert.deepEqual(m, { lines: [8, 9, 10], start: 8, intact: true, neighbourKept: true });
  });

  it('marks changed lines and keeps the start from the first survivor', () => {
    const edited = SAMPLE.replace('  if (await seen(evt.id)) return;', '  if (await seen(evt.key)) return;');
    const m = mapRange(SAMPLE, edited, { start: 6, end: 8 });
    assert.deepEqual(m, { lines: [6, 0, 8], start: 6, intact: false, neighbourKept: false });
  });

  it('places a deleted range where its lines were', () => {
    const m = mapRange(SAMPLE, deleteLines(SAMPLE, 21, 25), { start: 21, end: 25 });
    assert.ok(m);
    assert.deepEqual(m.lines, [0, 0, 0, 0, 0]);
    assert.equal(m.start, 21);
    assert.equal(m.intact, false);
  });

  it('says when a range lost both its neighbours, as when a diff pairs it with a copy', () => {
    const lines = SAMPLE.split('\n');
    const block = lines.slice(5, 11);
    // A copy of the block, wrapped in new lines, inserted right above it: the diff may pair either copy.
    const text = [...lines.slice(0, 5), '// a', ...block, '// b', ...lines.slice(5)].join('\n');
    // Both pairings cost the same; this diff pairs the old range with the copy, which kept no neighbour.
    assert.deepEqual(mapRange(SAMPLE, text, { start: 6, end: 11 }), { lines: [7, 8, 9, 10, 11, 12], start: 7, intact: true, neighbourKept: false });
    const plain = mapRange(SAMPLE, insertLines(SAMPLE, 6, ['// new']), { start: 6, end: 11 });
    assert.equal(plain?.neighbourKept, true);
  });

  it('reads CRLF and LF versions as the same lines', () => {
    const m = mapRange(SAMPLE.replace(/\n/g, '\r\n'), SAMPLE, { start: 1, end: 2 });
    assert.deepEqual(m, { lines: [1, 2], start: 1, intact: true, neighbourKept: true });
  });
});
