// Issue #13, round two: the disk fills up during `topics rename` / `merge`.
// The command runs in-process over a real temporary workspace, through a
// NodeFileSystem whose writes fail with ENOSPC after a given number: the
// report must say which notes were written, which not, and whether the
// alias page was, and nothing a user wrote may be lost.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CliContext } from '../../../src/cli/context';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { topicsCommand } from '../../../src/cli/commands/topics';
import { applyChanges } from '../../../src/core/writes/applyChanges';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { workspace } from '../../support/builtCli';

const note = (title: string) => `---\ntitle: ${title}\ntopics: [x]\n---\nBody of ${title}.\n`;

/** Writes succeed `room` times, then fail as a full disk does. Deletes still work (they free space). */
class FullDisk extends NodeFileSystem {
  constructor(
    root: string,
    private room: number,
  ) {
    super(root);
  }

  private spend(): void {
    if (this.room-- <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }

  override async writeFile(rel: string, data: Uint8Array, options?: { exclusive?: boolean }): Promise<void> {
    this.spend();
    return super.writeFile(rel, data, options);
  }

  override async replaceIfUnchanged(rel: string, expected: Uint8Array, data: Uint8Array | undefined): Promise<void> {
    if (data !== undefined) this.spend();
    return super.replaceIfUnchanged(rel, expected, data);
  }
}

async function rename(files: Record<string, string>, room: number, args = ['rename', 'x', 'y']) {
  const root = workspace(files, 'learnings-full-');
  const out: string[] = [];
  const err: string[] = [];
  const ctx = new CliContext(root, undefined, { out: (l) => out.push(l), err: (l) => err.push(l) }, async () => '', new FullDisk(root, room));
  const code = await topicsCommand(ctx, args);
  const read = (rel: string) => (existsSync(path.join(root, rel)) ? readFileSync(path.join(root, rel), 'utf8') : undefined);
  return { code, out, err: err.join('\n'), read };
}

const threeNotes = () => ({ '.learnings/notes/a.md': note('A'), '.learnings/notes/b.md': note('B'), '.learnings/notes/c.md': note('C') });

describe('A full disk during topics rename / merge (#13, round two): the report is the truth', function () {
  this.timeout(30_000);

  it('nothing fits: no note written, each named, the alias page said not written; never "kept as an alias"', async () => {
    const r = await rename(threeNotes(), 0);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, []);
    for (const n of ['a', 'b', 'c']) {
      assert.match(r.err, new RegExp(`^\\.learnings/notes/${n}\\.md: error: not written: the disk is full`, 'm'));
      assert.match(r.read(`.learnings/notes/${n}.md`)!, /topics: \[x\]/);
    }
    assert.doesNotMatch(r.err, /kept as an alias/);
    assert.match(r.err, /: 0 notes rewritten, 4 files not written \(listed above\); the alias page \.learnings\/topics\/y\.md was not written, so "x" is not an alias yet\.$/m, r.err);
    assert.equal(r.read('.learnings/topics/y.md'), undefined);
  });

  it('the disk fills after two notes: those two listed as written and rewritten, the third and the alias page named as not', async () => {
    const r = await rename(threeNotes(), 2);
    assert.deepEqual(r.out, ['.learnings/notes/a.md', '.learnings/notes/b.md']);
    assert.match(r.read('.learnings/notes/a.md')!, /\[y\]/);
    assert.match(r.read('.learnings/notes/c.md')!, /\[x\]/);
    assert.match(r.err, /^\.learnings\/notes\/c\.md: error: not written: the disk is full/m);
    assert.match(r.err, /: 2 notes rewritten, 2 files not written \(listed above\); the alias page \.learnings\/topics\/y\.md was not written/);
    assert.doesNotMatch(r.err, /kept as an alias/);
  });

  it('the notes fit, the alias page does not: the topic page of "x" is kept, not deleted, and the report says so', async () => {
    const page = '---\ntitle: X\nambassadors: [Kari]\n---\nHow we do x.\n';
    const r = await rename({ ...threeNotes(), '.learnings/topics/x.md': page }, 3);
    assert.equal(r.code, 1);
    assert.equal(r.read('.learnings/topics/x.md'), page, 'the curated page is not lost');
    assert.equal(r.read('.learnings/topics/y.md'), undefined);
    assert.match(r.err, /^\.learnings\/topics\/x\.md: error: not written: kept: \.learnings\/topics\/y\.md was not written$/m, r.err);
    assert.match(r.err, /: 3 notes rewritten, 2 files not written \(listed above\); the alias page \.learnings\/topics\/y\.md was not written, so "x" is not an alias yet\./);
  });

  it('merge into a described topic whose page cannot be rewritten: the merged page is kept', async () => {
    const files = { ...threeNotes(), '.learnings/topics/x.md': '---\ntitle: X\n---\nAbout x.\n', '.learnings/topics/y.md': '---\ntitle: Y\n---\nAbout y.\n' };
    const r = await rename(files, 3, ['merge', 'x', 'y']);
    assert.equal(r.read('.learnings/topics/x.md'), files['.learnings/topics/x.md']);
    assert.doesNotMatch(r.err, /kept as an alias/);
    assert.match(r.err, /the alias page \.learnings\/topics\/y\.md was not written/);
  });

  it('with room enough, the same rename says "kept as an alias" (the report is not just always negative)', async () => {
    const r = await rename(threeNotes(), 100);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /: 3 notes rewritten, "x" kept as an alias\.$/m);
  });
});

describe('applyChanges (#13, round two): a written file is reported as written', () => {
  it('when the hook after a write fails (a journal line the full disk refuses), the file counts as applied, not failed', async () => {
    const fs = new MemoryFileSystem({ 'a.md': 'old\n', 'b.md': 'old\n' });
    const report = await applyChanges(
      fs,
      [
        { path: 'a.md', before: 'old\n', after: 'new\n' },
        { path: 'b.md', before: 'old\n', after: 'new\n' },
      ],
      {
        onApplied: () => {
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        },
      },
    );
    assert.deepEqual(report.applied, ['a.md', 'b.md']);
    assert.deepEqual(report.failed, []);
  });
});
