// Nothing lost (issue #7): a write checks that the file still holds what was
// read; a new note never replaces a file; a change of many files either
// applies fully or reports exactly what was done.

import * as assert from 'node:assert/strict';
import { applyChanges, writeIfUnchanged } from '../../../../src/core/writes/applyChanges';
import { decodeText, encodeText } from '../../../../src/core/fileSystem';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { editNote } from '../../../../src/core/notes/noteEditor';

const note = (title: string) => `---\ntitle: ${title}\ntopics: [old]\n---\nBody.\n`;

/** A memory file system whose writes can fail, and in which another writer can step in. */
class FlakyFileSystem extends MemoryFileSystem {
  failOn = new Set<string>();
  /** Runs once, before the n-th read (1-based) of a path. */
  beforeRead?: { path: string; n: number; run: () => void };
  private reads = new Map<string, number>();

  override async readFile(path: string): Promise<Uint8Array> {
    const n = (this.reads.get(path) ?? 0) + 1;
    this.reads.set(path, n);
    if (this.beforeRead?.path === path && this.beforeRead.n === n) this.beforeRead.run();
    return super.readFile(path);
  }

  override async writeFile(path: string, data: Uint8Array, options?: { exclusive?: boolean }): Promise<void> {
    if (this.failOn.has(path)) throw new Error('EIO: the disk said no');
    return super.writeFile(path, data, options);
  }
}

function files(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`.learnings/notes/n${i}.md`, note(`Note ${i}`)]));
}

const rename = (text: string) => text.replace('[old]', '[new]');

describe('applyChanges: nothing lost', () => {
  it('writes nothing at all when one file changed since it was read, and names it', async () => {
    const fs = new FlakyFileSystem(files(5));
    const changes = Object.keys(files(5)).map((path) => ({ path, before: fs.text(path)!, after: rename(fs.text(path)!) }));
    await fs.writeFile('.learnings/notes/n3.md', encodeText('---\ntitle: Someone else\n---\n'));
    const report = await applyChanges(fs, changes);
    assert.deepEqual(report, { applied: [], conflicts: ['.learnings/notes/n3.md'], failed: [] });
    for (const path of Object.keys(files(5))) {
      if (path !== '.learnings/notes/n3.md') assert.equal(fs.text(path), changes.find((c) => c.path === path)!.before, `${path} untouched`);
    }
    assert.equal(fs.text('.learnings/notes/n3.md'), '---\ntitle: Someone else\n---\n', "the other writer's text stays");
  });

  it('a failure midway: the report lists what was written, what failed and why, and the rest is still written', async () => {
    const fs = new FlakyFileSystem(files(4));
    fs.failOn.add('.learnings/notes/n1.md');
    const changes = Object.keys(files(4)).map((path) => ({ path, before: fs.text(path)!, after: rename(fs.text(path)!) }));
    const report = await applyChanges(fs, changes);
    assert.deepEqual(report.applied, ['.learnings/notes/n0.md', '.learnings/notes/n2.md', '.learnings/notes/n3.md']);
    assert.deepEqual(report.failed, [{ path: '.learnings/notes/n1.md', reason: 'EIO: the disk said no' }]);
    assert.deepEqual(report.conflicts, []);
    assert.equal(fs.text('.learnings/notes/n1.md'), note('Note 1'), 'the failed file holds its old text, whole');
    assert.equal(fs.text('.learnings/notes/n2.md'), rename(note('Note 2')));
  });

  it('a file changed between the check and its write is left as the other writer made it, and reported', async () => {
    const fs = new FlakyFileSystem(files(3));
    const changes = Object.keys(files(3)).map((path) => ({ path, before: fs.text(path)!, after: rename(fs.text(path)!) }));
    // Read 1 is the check of every file; read 2, right before the write, finds the other writer's text.
    fs.beforeRead = { path: '.learnings/notes/n2.md', n: 2, run: () => void fs.writeFile('.learnings/notes/n2.md', encodeText('theirs\n')) };
    const report = await applyChanges(fs, changes);
    assert.deepEqual(report.applied, ['.learnings/notes/n0.md', '.learnings/notes/n1.md']);
    assert.deepEqual(report.failed, [{ path: '.learnings/notes/n2.md', reason: 'changed on disk meanwhile: not written' }]);
    assert.equal(fs.text('.learnings/notes/n2.md'), 'theirs\n');
  });

  it('a new file never replaces one that appeared meanwhile', async () => {
    const fs = new FlakyFileSystem({ '.learnings/notes/taken.md': 'mine\n' });
    const report = await applyChanges(fs, [{ path: '.learnings/notes/taken.md', before: undefined, after: 'new\n' }]);
    assert.deepEqual(report.conflicts, ['.learnings/notes/taken.md']);
    assert.equal(fs.text('.learnings/notes/taken.md'), 'mine\n');
  });

  it('a file deleted since it was read is a conflict, not re-created', async () => {
    const fs = new FlakyFileSystem({});
    assert.equal(await writeIfUnchanged(fs, '.learnings/notes/gone.md', 'old\n', 'new\n'), false);
    assert.equal(fs.text('.learnings/notes/gone.md'), undefined);
  });

  it('compares bytes: a file whose invalid bytes changed is a conflict even though both decode alike', async () => {
    const fs = new FlakyFileSystem({ '.learnings/notes/latin1.md': new Uint8Array([0x61, 0xe9, 0x0a]) });
    const before = decodeText(await fs.readFile('.learnings/notes/latin1.md'));
    await fs.writeFile('.learnings/notes/latin1.md', new Uint8Array([0x61, 0xff, 0x0a]));
    assert.equal(decodeText(await fs.readFile('.learnings/notes/latin1.md')), before, 'both decode to the same text');
    assert.equal(await writeIfUnchanged(fs, '.learnings/notes/latin1.md', before, 'a\n'), false);
  });

  it('a note with a BOM and CRLF keeps every byte but the edited ones', async () => {
    const text = '\ufeff---\r\ntitle: T\r\ntopics: [old] # keep me\r\n---\r\nBody\r\n';
    const fs = new FlakyFileSystem({ '.learnings/notes/bom.md': encodeText(text) });
    const before = decodeText(await fs.readFile('.learnings/notes/bom.md'));
    assert.equal(before, text, 'the BOM is kept in the text read');
    const after = editNote(before, [{ op: 'replaceInList', key: 'topics', from: 'old', to: 'new' }]);
    assert.ok(await writeIfUnchanged(fs, '.learnings/notes/bom.md', before, after));
    const bytes = await fs.readFile('.learnings/notes/bom.md');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(decodeText(bytes), text.replace('[old]', '[new]'));
  });
});
