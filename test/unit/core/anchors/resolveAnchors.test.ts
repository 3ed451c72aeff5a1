import * as assert from 'node:assert/strict';
import { resolveAnchors } from '../../../../src/core/anchors/resolveAnchors';
import type { FileSystem } from '../../../../src/core/fileSystem';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import type { AnchorHistory } from '../../../../src/core/anchors/history';
import { SAMPLE, insertLines, snippetOf } from '../../../support/anchorSample';

function memoryFs(files: Record<string, string>, reads: string[] = []): FileSystem {
  const fs = new MemoryFileSystem(files);
  const readFile = fs.readFile.bind(fs);
  fs.readFile = (path: string) => {
    reads.push(path);
    return readFile(path);
  };
  return fs;
}

describe('resolveAnchors', () => {
  it('reads each file once and resolves every anchor in it', async () => {
    const reads: string[] = [];
    const text = insertLines(SAMPLE, 1, ['// new first line']);
    const fs = memoryFs({ 'a.ts': text }, reads);
    const anchors = [
      { path: 'a.ts', lines: { start: 6, end: 11 }, snippet: snippetOf(SAMPLE, 6, 11) },
      { path: 'a.ts', lines: { start: 22, end: 25 }, snippet: snippetOf(text, 22, 25) },
      { path: 'missing.ts', lines: { start: 1, end: 1 }, snippet: 'x\n' },
      { path: '../outside.ts', lines: { start: 1, end: 1 }, snippet: 'x\n' },
    ];
    const results = await resolveAnchors(anchors, fs);
    assert.deepEqual(
      results.map((r) => [r.status, r.lines?.start]),
      [['moved', 7], ['fresh', 22], ['orphaned', undefined], ['orphaned', undefined]],
    );
    assert.deepEqual(reads, ['a.ts']);
  });

  it('looks in the files history says changed, for code that left its file', async () => {
    const fn = snippetOf(SAMPLE, 21, 25);
    const fs = memoryFs({ 'a.ts': SAMPLE.replace(fn, ''), 'hash.ts': `// helpers\n${fn}` });
    const history: AnchorHistory = { renamedTo: () => undefined, textAt: () => SAMPLE, changedPaths: () => ['a.ts', 'hash.ts'] };
    const anchor = { path: 'a.ts', lines: { start: 21, end: 25 }, snippet: fn, commit: 'abc1234' };
    assert.equal((await resolveAnchors([anchor], fs))[0].status, 'orphaned');
    const [r] = await resolveAnchors([anchor], fs, { history });
    assert.deepEqual(r, { status: 'moved', path: 'hash.ts', lines: { start: 2, end: 6 }, similarity: 1 });
  });

  it('prefers unsaved editor text to the file on disk', async () => {
    const fs = memoryFs({ 'a.ts': SAMPLE });
    const anchor = { path: 'a.ts', lines: { start: 6, end: 11 }, snippet: snippetOf(SAMPLE, 6, 11) };
    const [r] = await resolveAnchors([anchor], fs, { overrides: new Map([['a.ts', insertLines(SAMPLE, 1, ['', ''])]]) });
    assert.deepEqual(r.lines, { start: 8, end: 13 });
  });
});
