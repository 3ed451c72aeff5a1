// Writes over node:fs are atomic (issue #7): a reader never sees half a note,
// racing writers leave one whole version, a failed write leaves the old file
// and no temporary file, and a new note never replaces a file.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { FileExistsError } from '../../../src/core/fileSystem';

const NOTE = '.learnings/notes/race.md';

/** A whole version: a header naming the writer and 256 KB that say the same. */
function version(writer: number): Uint8Array {
  const line = `writer ${writer} `.padEnd(63, String(writer % 10)) + '\n';
  return new TextEncoder().encode(`---\ntitle: writer ${writer}\n---\n${line.repeat(4096)}`);
}

describe('NodeFileSystem: atomic writes', () => {
  let root: string;
  let fs: NodeFileSystem;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'learnings-atomic-'));
    fs = new NodeFileSystem(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const tempFiles = () => readdirSync(path.join(root, '.learnings/notes')).filter((n) => n.endsWith('.tmp'));

  it('readers racing 20 writers only ever see one whole version; no temporary file is left', async () => {
    const versions = Array.from({ length: 20 }, (_, i) => version(i));
    const whole = new Set(versions.map((v) => Buffer.from(v).toString('utf8')));
    await fs.writeFile(NOTE, version(99));
    whole.add(Buffer.from(version(99)).toString('utf8'));
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        const text = Buffer.from(await fs.readFile(NOTE)).toString('utf8');
        assert.ok(whole.has(text), `a torn read of ${text.length} bytes: ${text.slice(0, 40)}…`);
        reads++;
      }
    })();
    await Promise.all(versions.map((v) => fs.writeFile(NOTE, v)));
    writing = false;
    await reader;
    assert.ok(reads > 0);
    const final = readFileSync(path.join(root, NOTE), 'utf8');
    assert.ok(versions.some((v) => Buffer.from(v).toString('utf8') === final), 'the file holds one of the versions, whole');
    assert.deepEqual(tempFiles(), []);
  });

  // A crash cannot be caught in a test, but its effect can: the write stops at
  // some step. Whatever step, the note holds its old text or its new text, whole.
  it('a write that stops halfway through the data leaves the old note whole (a crash mid-write)', async () => {
    await fs.writeFile(NOTE, version(1));
    const probe = await fsp.open(path.join(root, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { writeFile(data: Uint8Array): Promise<void> };
    await probe.close();
    const writeFile = proto.writeFile;
    proto.writeFile = async function (this: unknown, data: Uint8Array) {
      await writeFile.call(this, data.subarray(0, data.length >> 1));
      throw new Error('the power went out');
    };
    try {
      await assert.rejects(fs.writeFile(NOTE, version(2)), /the power went out/);
    } finally {
      proto.writeFile = writeFile;
    }
    assert.equal(readFileSync(path.join(root, NOTE), 'utf8'), Buffer.from(version(1)).toString('utf8'));
    assert.deepEqual(tempFiles(), []);
  });

  it('a write that stops before the rename leaves the old note whole', async () => {
    await fs.writeFile(NOTE, version(1));
    const rename = fsp.rename;
    fsp.rename = async () => {
      throw new Error('the power went out');
    };
    try {
      await assert.rejects(fs.writeFile(NOTE, version(2)), /the power went out/);
    } finally {
      fsp.rename = rename;
    }
    assert.equal(readFileSync(path.join(root, NOTE), 'utf8'), Buffer.from(version(1)).toString('utf8'));
    assert.deepEqual(tempFiles(), []);
  });

  it('a write that fails leaves the old file whole and no temporary file', async () => {
    await fs.writeFile(NOTE, version(1));
    // The target becomes a folder: the rename onto it fails after the temporary file was written.
    const target = '.learnings/notes/folder.md';
    mkdirSync(path.join(root, target));
    writeFileSync(path.join(root, target, 'keep'), 'x');
    await assert.rejects(fs.writeFile(target, version(2)));
    assert.deepEqual(tempFiles(), []);
    assert.equal(readFileSync(path.join(root, NOTE), 'utf8'), Buffer.from(version(1)).toString('utf8'));
  });

  it('exclusive: a new note never replaces a file, even when two create the same name at once', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => fs.writeFile(NOTE, version(i), { exclusive: true })));
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1, 'exactly one creation succeeds');
    for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof FileExistsError);
    const winner = results.indexOf(won[0]);
    assert.equal(readFileSync(path.join(root, NOTE), 'utf8'), Buffer.from(version(winner)).toString('utf8'));
    assert.deepEqual(tempFiles(), []);
  });
});
