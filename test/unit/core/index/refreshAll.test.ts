// A batch of changed paths, as the editor's watcher reports them: a folder's
// path stands for the files indexed under it and those now in it (a branch
// switch or a move may report only the folder). Decided in the workspace;
// the extension only forwards the events.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { encodeText } from '../../../../src/core/fileSystem';

const note = (title: string) => `---\ntitle: ${title}\ncreated: 2026-11-01\n---\nBody.\n`;

async function loaded() {
  const fs = new MemoryFileSystem({
    '.learnings/notes/top.md': note('Top'),
    '.learnings/notes/team/a.md': note('A'),
    '.learnings/notes/team/deep/b.md': note('B'),
    '.learnings/notes/teammate.md': note('Not in team/'),
  });
  const ws = new LearningsWorkspace(fs);
  await ws.load();
  return { fs, ws };
}

const paths = (ws: LearningsWorkspace) => ws.index.notes().map((n) => n.path).sort();

describe('LearningsWorkspace.refreshAll: folder events', () => {
  it('a folder gone: every file indexed under it is forgotten, nothing beside it', async () => {
    const { fs, ws } = await loaded();
    await fs.delete('.learnings/notes/team/a.md');
    await fs.delete('.learnings/notes/team/deep/b.md');
    assert.deepEqual(await ws.filesOf(['.learnings/notes/team']), ['.learnings/notes/team/a.md', '.learnings/notes/team/deep/b.md']);
    await ws.refreshAll(['.learnings/notes/team']);
    assert.deepEqual(paths(ws), ['.learnings/notes/teammate.md', '.learnings/notes/top.md']);
  });

  it('a folder created or moved in: every note now in it is read, at any depth', async () => {
    const { fs, ws } = await loaded();
    await fs.writeFile('.learnings/notes/moved/c.md', encodeText(note('C')));
    await fs.writeFile('.learnings/notes/moved/inner/d.md', encodeText(note('D')));
    await fs.writeFile('.learnings/notes/moved/readme.txt', encodeText('not a note'));
    await ws.refreshAll(['.learnings/notes/moved']);
    assert.ok(ws.index.get('.learnings/notes/moved/c.md'));
    assert.ok(ws.index.get('.learnings/notes/moved/inner/d.md'));
    assert.equal(ws.index.size, 6);
  });

  it('a note path is itself; a folder that is gone and had nothing indexed stands for nothing', async () => {
    const { fs, ws } = await loaded();
    await fs.writeFile('.learnings/notes/top.md', encodeText(note('Top, renamed')));
    assert.deepEqual(await ws.filesOf(['.learnings/notes/top.md', '.learnings/notes/never']), ['.learnings/notes/top.md']);
    await ws.refreshAll(['.learnings/notes/top.md', '.learnings/notes/never']);
    assert.equal(ws.index.get('.learnings/notes/top.md')?.title, 'Top, renamed');
    assert.equal(ws.index.size, 4);
  });
});
