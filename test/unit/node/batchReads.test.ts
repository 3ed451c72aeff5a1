// Start-up speed without a change of meaning: the batch read of the notes
// folder (NodeFileSystem.readFilesWithLimit, read in place) gives exactly
// what readFileWithLimit gives each file, hostile files included: a final
// symlink, a FIFO (never waited on), a folder named like a note, a file past
// the limit or past one read chunk, a missing file, a folder through a
// symlink out of the workspace.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { LearningsWorkspace } from '../../../src/core/index/workspace';

const NOTES = '.learnings/notes';
const note = (title: string) => `---\ntitle: ${title}\ntopics: [testing]\ncreated: 2026-11-01\n---\nBody.\n`;

describe('NodeFileSystem.readFilesWithLimit: a batch read means what one read per file means', () => {
  let root: string;
  let outside: string;
  before(function () {
    if (process.platform === 'win32') this.skip(); // O_NOFOLLOW and FIFOs: the POSIX path
  });
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'learnings-batch-'));
    outside = mkdtempSync(path.join(tmpdir(), 'learnings-outside-'));
    mkdirSync(path.join(root, NOTES, 'deep'), { recursive: true });
    writeFileSync(path.join(root, NOTES, 'a.md'), note('Alpha'));
    writeFileSync(path.join(root, NOTES, 'deep/b.md'), note('Beta'));
    writeFileSync(path.join(root, NOTES, 'long.md'), `${note('Long')}${'x'.repeat(40 * 1024)}\n`);
    writeFileSync(path.join(root, NOTES, 'huge.md'), 'y'.repeat(70 * 1024));
    mkdirSync(path.join(root, NOTES, 'folder.md'));
    writeFileSync(path.join(outside, 'secret.md'), note('Secret'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, NOTES, 'link.md'));
    symlinkSync(outside, path.join(root, NOTES, 'out'));
    execFileSync('mkfifo', [path.join(root, NOTES, 'fifo.md')]);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const names = ['a.md', 'deep/b.md', 'long.md', 'huge.md', 'folder.md', 'link.md', 'fifo.md', 'missing.md', 'out/secret.md'];

  it('gives the same result per file as readFileWithLimit, in order', async () => {
    const paths = names.map((n) => `${NOTES}/${n}`);
    const one = new NodeFileSystem(root);
    const each = await Promise.all(paths.map((p) => one.readFileWithLimit(p, 64 * 1024)));
    const batch = await new NodeFileSystem(root).readFilesWithLimit(paths, 64 * 1024);
    const show = (r: Uint8Array | { tooLarge: number } | undefined) => (r instanceof Uint8Array ? Buffer.from(r).toString('utf8') : r);
    assert.deepEqual(batch.map(show), each.map(show));
    // and what that is: two notes read, the long one whole, the huge one refused by size, the rest left to the general path
    assert.match(show(batch[0]) as string, /title: Alpha/);
    assert.match(show(batch[1]) as string, /title: Beta/);
    assert.equal((show(batch[2]) as string).length, note('Long').length + 40 * 1024 + 1);
    assert.deepEqual(batch[3], { tooLarge: 70 * 1024 });
    assert.deepEqual(batch.slice(4), [undefined, undefined, undefined, undefined, undefined]);
  });

  it('a load over it indexes the notes, reports the others and reads nothing outside', async () => {
    const fs = new NodeFileSystem(root);
    const index = await new LearningsWorkspace(fs).load();
    assert.deepEqual(index.notes().map((n) => n.title).sort(), ['Alpha', 'Beta', 'Long']);
    const problems = index.problems().map((p) => `${path.basename(p.file)}: ${p.message}`);
    assert.ok(problems.some((p) => /^huge\.md: no front matter/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /^link\.md: symlink that points outside/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /^fifo\.md: not a regular file/.test(p)), problems.join('\n'));
    assert.ok(!index.notes().some((n) => n.title === 'Secret'));
  });
});
