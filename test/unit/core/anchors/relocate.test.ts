import * as assert from 'node:assert/strict';
import { relocateAnchor, isFresh } from '../../../../src/core/anchors/relocate';
import { DRIFT_THRESHOLD } from '../../../../src/core/anchors/resolution';
import type { AnchorHistory } from '../../../../src/core/anchors/history';
import type { Anchor } from '../../../../src/core/model';
import { SAMPLE, deleteLines, insertLines, snippetOf } from '../../../support/anchorSample';
import { anchorInLongFile } from '../../../support/hostileInputs';

const PATH = 'src/webhook.ts';

function anchorAt(start: number, end: number, text = SAMPLE): Anchor {
  return { path: PATH, lines: { start, end }, snippet: snippetOf(text, start, end), commit: 'abc1234' };
}

/** History that knows the file as SAMPLE at the anchor's commit. */
function historyOf(old: string, renamed?: string | null): AnchorHistory {
  return { renamedTo: () => renamed, textAt: (_c, path) => (path === PATH ? old : undefined) };
}

describe('relocateAnchor', () => {
  it('says fresh when the snippet is at its recorded lines', () => {
    const r = relocateAnchor(anchorAt(6, 11), { text: SAMPLE });
    assert.deepEqual(r, { status: 'fresh', path: PATH, lines: { start: 6, end: 11 } });
  });

  it('follows lines inserted above to the exact new lines, as moved', () => {
    const text = insertLines(SAMPLE, 2, ['// one', '// two', '// three']);
    const r = relocateAnchor(anchorAt(6, 11), { text });
    assert.deepEqual(r, { status: 'moved', path: PATH, lines: { start: 9, end: 14 }, similarity: 1 });
  });

  it('follows lines deleted above', () => {
    const text = deleteLines(SAMPLE, 1, 4);
    const r = relocateAnchor(anchorAt(21, 25), { text });
    assert.equal(r.status, 'moved');
    assert.deepEqual(r.lines, { start: 17, end: 21 });
  });

  it('finds a re-indented block as moved, on its new lines', () => {
    const lines = SAMPLE.split('\n');
    const indented = [...lines.slice(0, 5), 'namespace hooks {', ...lines.slice(5, 11).map((l) => `  ${l}`), '}', ...lines.slice(11)].join('\n');
    const r = relocateAnchor(anchorAt(6, 11), { text: indented });
    assert.equal(r.status, 'moved');
    assert.deepEqual(r.lines, { start: 7, end: 12 });
  });

  it('reports a renamed identifier inside the snippet as drifted, with its similarity', () => {
    const lines = SAMPLE.split('\n');
    for (let i = 5; i < 11; i++) lines[i] = lines[i].replace(/\bevt\b/g, 'event');
    const r = relocateAnchor(anchorAt(6, 11), { text: lines.join('\n') });
    assert.equal(r.status, 'drifted');
    assert.deepEqual(r.lines, { start: 6, end: 11 });
    assert.ok(r.similarity !== undefined && r.similarity >= DRIFT_THRESHOLD && r.similarity < 1, `similarity ${r.similarity}`);
  });

  it('finds an edited block that also moved', () => {
    const lines = SAMPLE.split('\n');
    lines[22] = '  hash.update(body, "utf8");';
    const text = insertLines(lines.join('\n'), 1, ['// header', '']);
    const r = relocateAnchor(anchorAt(21, 25), { text });
    assert.equal(r.status, 'drifted');
    assert.deepEqual(r.lines, { start: 23, end: 27 });
  });

  it('finds a function moved to another file: moved when history says that file changed, drifted without', () => {
    const fn = SAMPLE.split('\n').slice(20, 25);
    const text = deleteLines(SAMPLE, 20, 25);
    const otherFiles = [{ path: 'src/hash.ts', text: ['// hashing helpers', '', ...fn, ''].join('\n') }];
    const plain = relocateAnchor(anchorAt(21, 25), { text }, { otherFiles });
    assert.deepEqual(plain, { status: 'drifted', path: 'src/hash.ts', lines: { start: 3, end: 7 }, similarity: 1 });
    const history = { ...historyOf(SAMPLE), changedPaths: () => [PATH, 'src/hash.ts'] };
    const r = relocateAnchor(anchorAt(21, 25), { text }, { otherFiles, history });
    assert.deepEqual(r, { status: 'moved', path: 'src/hash.ts', lines: { start: 3, end: 7 }, similarity: 1 });
  });

  it('does not take a copy that was in another file all along for the moved code', () => {
    const fn = SAMPLE.split('\n').slice(20, 25);
    const text = deleteLines(SAMPLE, 20, 25);
    const otherFiles = [{ path: 'src/old-copy.ts', text: [...fn, ''].join('\n') }];
    const history = { ...historyOf(SAMPLE), changedPaths: () => [PATH] };
    const r = relocateAnchor(anchorAt(21, 25), { text }, { otherFiles, history });
    assert.equal(r.status, 'drifted');
    assert.equal(r.path, 'src/old-copy.ts');
  });

  it('doubts a single verbatim match when a close look-alike sits where the code was', () => {
    const lines = SAMPLE.split('\n');
    const copy = lines.slice(5, 11);
    lines[7] = '  const payload = JSON.parse(evt.body ?? "{}");';
    const text = [...lines, '// an old copy', ...copy, ''].join('\n');
    const r = relocateAnchor(anchorAt(6, 11), { text });
    assert.equal(r.status, 'drifted');
    assert.equal(r.ambiguous, true);
  });

  it('doubts a single verbatim match when history saw two copies at capture', () => {
    const lines = SAMPLE.split('\n');
    const withCopy = [...lines.slice(0, 30), ...lines.slice(20, 25), ''].join('\n');
    const anchor = anchorAt(21, 25, withCopy);
    const now = deleteLines(withCopy, 21, 25);
    assert.equal(relocateAnchor(anchor, { text: now }, { history: historyOf(withCopy) }).status, 'drifted');
    assert.equal(relocateAnchor(anchor, { text: insertLines(withCopy, 1, ['']) }, { history: historyOf(withCopy) }).status, 'moved');
  });

  it('orphans code that was deleted', () => {
    const text = deleteLines(SAMPLE, 20, 25);
    const r = relocateAnchor(anchorAt(21, 25), { text });
    assert.deepEqual(r, { status: 'orphaned', path: PATH });
  });

  it('says drifted, not moved, when the code now occurs twice', () => {
    const copy = SAMPLE.split('\n').slice(5, 11);
    const text = insertLines(SAMPLE, 1, [...copy, '']);
    const r = relocateAnchor(anchorAt(6, 11), { text });
    assert.equal(r.status, 'drifted');
    assert.equal(r.ambiguous, true);
    // Nearest the recorded line 6: the copy at 1 beats the original, now at 13.
    assert.deepEqual(r.lines, { start: 1, end: 6 });
  });

  it('lets history tell the original from the copy', () => {
    const copy = SAMPLE.split('\n').slice(5, 11);
    const text = insertLines(SAMPLE, 1, [...copy, '']);
    const r = relocateAnchor(anchorAt(6, 11), { text }, { history: historyOf(SAMPLE) });
    assert.equal(r.status, 'moved');
    assert.deepEqual(r.lines, { start: 13, end: 18 });
  });

  it('stays unsure when history pairs the lines with a copy that kept no neighbour', () => {
    const lines = SAMPLE.split('\n');
    const text = [...lines.slice(0, 5), '// a', ...lines.slice(5, 11), '// b', ...lines.slice(5)].join('\n');
    const r = relocateAnchor(anchorAt(6, 11), { text }, { history: historyOf(SAMPLE) });
    assert.equal(r.status, 'drifted');
    assert.equal(r.ambiguous, true);
  });

  it('does not call a trivial snippet found elsewhere moved', () => {
    const anchor: Anchor = { path: PATH, lines: { start: 3, end: 3 }, snippet: '}\n' };
    const r = relocateAnchor(anchor, { text: 'a();\nb();\nc();\n}\n' });
    assert.equal(r.status, 'drifted');
    assert.deepEqual(r.lines, { start: 4, end: 4 });
  });

  it('reads a CRLF file and a CRLF snippet alike', () => {
    const crlf = SAMPLE.replace(/\n/g, '\r\n');
    assert.equal(relocateAnchor(anchorAt(6, 11), { text: crlf }).status, 'fresh');
    const crlfAnchor = { ...anchorAt(6, 11), snippet: snippetOf(SAMPLE, 6, 11).replace(/\n/g, '\r\n') };
    assert.equal(relocateAnchor(crlfAnchor, { text: SAMPLE }).status, 'fresh');
    const moved = relocateAnchor(crlfAnchor, { text: insertLines(crlf, 1, ['// x\r']) });
    assert.deepEqual(moved.lines, { start: 7, end: 12 });
    assert.equal(moved.status, 'moved');
  });

  it('ignores trailing whitespace in file and snippet', () => {
    const text = SAMPLE.replace('return;', 'return;   ');
    assert.equal(relocateAnchor(anchorAt(6, 11), { text }).status, 'fresh');
  });

  it('accepts a snippet without its final newline', () => {
    const anchor = { ...anchorAt(6, 11), snippet: snippetOf(SAMPLE, 6, 11).slice(0, -1) };
    assert.equal(relocateAnchor(anchor, { text: SAMPLE }).status, 'fresh');
    assert.deepEqual(relocateAnchor(anchor, { text: insertLines(SAMPLE, 1, ['']) }).lines, { start: 7, end: 12 });
  });

  it('orphans an anchor whose file is now empty', () => {
    assert.equal(relocateAnchor(anchorAt(6, 11), { text: '' }).status, 'orphaned');
  });

  it('orphans an anchor whose file is gone and found nowhere', () => {
    const r = relocateAnchor(anchorAt(6, 11), {}, { otherFiles: [{ path: 'src/other.ts', text: 'export const x = 1;\n' }] });
    assert.deepEqual(r, { status: 'orphaned', path: PATH });
  });

  it('follows a renamed file, with or without history', () => {
    const otherFiles = [{ path: 'src/hooks/webhook.ts', text: SAMPLE }];
    const plain = relocateAnchor(anchorAt(6, 11), {}, { otherFiles });
    assert.deepEqual(plain, { status: 'moved', path: 'src/hooks/webhook.ts', lines: { start: 6, end: 11 }, similarity: 1 });
    const edited = SAMPLE.replace('const payload', 'const body');
    const viaHistory = relocateAnchor(anchorAt(6, 11), {}, { otherFiles: [{ path: 'src/hooks/webhook.ts', text: edited }], history: historyOf(SAMPLE, 'src/hooks/webhook.ts') });
    assert.equal(viaHistory.status, 'drifted');
    assert.equal(viaHistory.path, 'src/hooks/webhook.ts');
    assert.deepEqual(viaHistory.lines, { start: 6, end: 11 });
  });

  it('prefers the copy history says is still at home over a verbatim copy elsewhere', () => {
    const text = SAMPLE.replace('const payload = JSON.parse(evt.body);', 'const payload = parse(evt.body);');
    const otherFiles = [{ path: 'src/legacy.ts', text: snippetOf(SAMPLE, 6, 11) }];
    const withoutHistory = relocateAnchor(anchorAt(6, 11), { text }, { otherFiles });
    assert.equal(withoutHistory.path, 'src/legacy.ts');
    const withHistory = relocateAnchor(anchorAt(6, 11), { text }, { otherFiles, history: historyOf(SAMPLE) });
    assert.equal(withHistory.status, 'drifted');
    assert.equal(withHistory.path, PATH);
    assert.deepEqual(withHistory.lines, { start: 6, end: 11 });
  });

  it('breaks a near tie between two edited look-alikes towards the recorded lines', () => {
    const block = ['function total(items) {', '  let sum = 0;', '  for (const item of items) sum += item.price;', '  return sum;', '}'];
    const edited = (name: string) => block.map((l) => l.replace('total', name).replace('price', 'cost'));
    const text = [...edited('totalA'), '', '// filler', '', ...edited('totalB'), ''].join('\n');
    const anchor: Anchor = { path: PATH, lines: { start: 8, end: 12 }, snippet: block.join('\n') + '\n' };
    const r = relocateAnchor(anchor, { text });
    assert.equal(r.status, 'drifted');
    assert.equal(r.ambiguous, true);
    assert.deepEqual(r.lines, { start: 9, end: 13 });
  });

  it('keeps the length of a range whose snippet was capped', () => {
    const anchor = { ...anchorAt(6, 11), lines: { start: 6, end: 19 } };
    const r = relocateAnchor(anchor, { text: insertLines(SAMPLE, 1, ['// a', '// b']) });
    assert.equal(r.status, 'moved');
    assert.deepEqual(r.lines, { start: 8, end: 21 });
  });

  it('shows but does not vouch for an anchor without snippet', () => {
    const anchor: Anchor = { path: PATH, lines: { start: 2, end: 3 }, snippet: '' };
    assert.equal(relocateAnchor(anchor, { text: SAMPLE }).status, 'drifted');
    assert.equal(relocateAnchor(anchor, {}).status, 'orphaned');
  });

  // How long it takes is measured by `npm run bench` (relocate_10k_lines_ms, budget < 500 ms).
  it('finds an edited snippet in a 10,000-line file', () => {
    const { anchor, text } = anchorInLongFile(PATH);
    const r = relocateAnchor(anchor, { text });
    assert.equal(r.status, 'drifted');
    assert.deepEqual(r.lines, { start: 5001, end: 5011 });
  });
});

describe('isFresh', () => {
  it('is true only when the snippet is at its recorded lines', () => {
    assert.equal(isFresh(anchorAt(6, 11), SAMPLE), true);
    assert.equal(isFresh(anchorAt(6, 11), insertLines(SAMPLE, 1, [''])), false);
    assert.equal(isFresh({ ...anchorAt(6, 11), snippet: '' }, SAMPLE), false);
  });
});
