import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHistory, parseNameStatus } from '../../../src/node/gitHistory';
import { relocateAnchor } from '../../../src/core/anchors/relocate';
import { SAMPLE, insertLines, snippetOf } from '../../support/anchorSample';

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-C', root, '-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' }).trim();
}

describe('GitHistory', () => {
  let root: string;
  let first: string;

  before(function () {
    try {
      execFileSync('git', ['--version']);
    } catch {
      this.skip();
    }
    root = mkdtempSync(join(tmpdir(), 'anchors-git-'));
    git(root, 'init', '-q');
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/webhook.ts'), SAMPLE);
    writeFileSync(join(root, 'src/gone.ts'), 'export const gone = 1;\n');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'first');
    first = git(root, 'rev-parse', '--short', 'HEAD');
    git(root, 'mv', 'src/webhook.ts', 'src/hooks.ts');
    git(root, 'rm', '-q', 'src/gone.ts');
    writeFileSync(join(root, 'src/hooks.ts'), insertLines(SAMPLE, 1, ['// moved here']));
    writeFileSync(join(root, 'src/new.ts'), 'export const added = 1;\n');
  });

  after(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('follows a rename and a deletion into the working tree', () => {
    const history = new GitHistory(root);
    assert.equal(history.renamedTo(first, 'src/webhook.ts'), 'src/hooks.ts');
    assert.equal(history.renamedTo(first, 'src/gone.ts'), null);
    assert.deepEqual(history.changedPaths(first), ['src/hooks.ts', 'src/new.ts']);
  });

  it('reads a file as it was at a commit', () => {
    assert.equal(new GitHistory(root).textAt(first, 'src/webhook.ts'), SAMPLE);
  });

  it('knows nothing of a commit that is not there, or of something that is no commit', () => {
    const history = new GitHistory(root);
    assert.equal(history.renamedTo('deadbeef', 'src/webhook.ts'), undefined);
    assert.equal(history.textAt('deadbeef', 'src/webhook.ts'), undefined);
    assert.equal(history.textAt('--output=x', 'src/webhook.ts'), undefined);
    assert.equal(new GitHistory(tmpdir()).changedPaths(first), undefined);
  });

  it('works from a workspace folder inside the repository', () => {
    const history = new GitHistory(join(root, 'src'));
    assert.equal(history.textAt(first, 'webhook.ts'), SAMPLE);
    assert.equal(history.renamedTo(first, 'webhook.ts'), 'hooks.ts');
  });

  it('fetches many versions at once, and knows which are missing', () => {
    const history = new GitHistory(root);
    history.prefetch([
      { commit: first, path: 'src/webhook.ts' },
      { commit: first, path: 'src/gone.ts' },
      { commit: first, path: 'src/never.ts' },
    ]);
    assert.equal(history.textAt(first, 'src/gone.ts'), 'export const gone = 1;\n');
    assert.equal(history.textAt(first, 'src/webhook.ts'), SAMPLE);
    assert.equal(history.textAt(first, 'src/never.ts'), undefined);
  });

  it('lets relocation follow the rename', () => {
    const anchor = { path: 'src/webhook.ts', lines: { start: 6, end: 11 }, snippet: snippetOf(SAMPLE, 6, 11), commit: first };
    const text = insertLines(SAMPLE, 1, ['// moved here']);
    const r = relocateAnchor(anchor, {}, { history: new GitHistory(root), otherFiles: [{ path: 'src/hooks.ts', text }] });
    assert.deepEqual(r, { status: 'moved', path: 'src/hooks.ts', lines: { start: 7, end: 12 }, similarity: 1 });
  });
});

describe('parseNameStatus', () => {
  it('reads renames, copies, deletions and changes', () => {
    const parsed = parseNameStatus('R097\0a.ts\0b.ts\0M\0c.ts\0D\0d.ts\0A\0e.ts\0C100\0f.ts\0g.ts\0');
    assert.deepEqual([...parsed.renamed], [['a.ts', 'b.ts']]);
    assert.deepEqual([...parsed.deleted], ['d.ts']);
    assert.deepEqual(parsed.changed, ['b.ts', 'c.ts', 'e.ts', 'g.ts']);
  });
});
