// Under churn (issue #7): a branch switch of 5,000 notes is a few batches,
// each file re-read once, the index right after, and one change event per batch.

import * as assert from 'node:assert/strict';
import { BatchQueue } from '../../../../src/core/index/batchQueue';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace, forEachLimited } from '../../../../src/core/index/workspace';
import { encodeText } from '../../../../src/core/fileSystem';
import { ManualTimer } from '../../../support/manualTimer';

// Time is moved by hand (ManualTimer): no test waits on the wall clock.
const note = (i: number, branch: string) => `---\ntitle: Note ${i} on ${branch}\ntopics: [${branch}, t${i % 20}]\n---\nBody ${i}.\n`;

describe('BatchQueue', () => {
  it('coalesces a burst into one batch, each key once', async () => {
    const batches: string[][] = [];
    const timer = new ManualTimer();
    const q = new BatchQueue<string>(async (b) => void batches.push(b), { delayMs: 20, timer });
    for (let i = 0; i < 5000; i++) q.add(`f${i % 2500}`);
    assert.equal(timer.pending, 1, 'one timer for the burst');
    timer.advance(19);
    await Promise.resolve();
    assert.equal(batches.length, 0, 'nothing before the delay');
    timer.advance(1);
    assert.equal(timer.pending, 0, 'the delay is over');
    await q.settled();
    assert.equal(batches.length, 1);
    assert.equal(batches[0].length, 2500);
    q.dispose();
  });

  it('keys added while a batch runs go to exactly one next batch', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const firstStarted = new Promise<void>((r) => (started = r));
    const timer = new ManualTimer();
    const q = new BatchQueue<string>(
      async (b) => {
        batches.push(b);
        if (batches.length === 1) {
          started();
          await gate;
        }
      },
      { delayMs: 5, timer },
    );
    q.add('a');
    timer.advance(5);
    await firstStarted;
    assert.equal(batches.length, 1, 'the first batch is running');
    for (let i = 0; i < 100; i++) q.add(`b${i}`);
    timer.advance(5);
    // Let every promise that could run do so: the second batch still must not start.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    assert.equal(batches.length, 1, 'the second waits for the first');
    release();
    await q.settled();
    assert.deepEqual(batches.map((b) => b.length), [1, 100]);
    q.dispose();
  });

  it('a failed batch does not stop the next ones', async () => {
    const errors: unknown[] = [];
    const done: string[] = [];
    const q = new BatchQueue<string>(
      async (b) => {
        if (b.includes('bad')) throw new Error('boom');
        done.push(...b);
      },
      { delayMs: 1, onError: (e) => errors.push(e) },
    );
    q.add('bad');
    await q.settled();
    q.add('good');
    await q.settled();
    assert.deepEqual(done, ['good']);
    assert.equal(errors.length, 1);
    q.dispose();
  });

  it('flush runs now; settled waits for everything queued; dispose drops what is left', async () => {
    const batches: string[][] = [];
    const q = new BatchQueue<string>(async (b) => void batches.push(b), { delayMs: 10_000 });
    q.add('x');
    await q.flush();
    assert.deepEqual(batches, [['x']]);
    q.add('y');
    q.dispose();
    await q.settled();
    assert.deepEqual(batches, [['x']]);
  });

  it('a branch switch of 5,000 notes: the index is right after, with one change per batch', async function () {
    this.timeout(30_000);
    const fs = new MemoryFileSystem();
    for (let i = 0; i < 5000; i++) await fs.writeFile(`.learnings/notes/n${i}.md`, encodeText(note(i, 'main')));
    const ws = new LearningsWorkspace(fs);
    await ws.load();
    let changes = 0;
    let batches = 0;
    const timer = new ManualTimer();
    const q = new BatchQueue<string>(
      async (paths) => {
        batches++;
        await forEachLimited(paths, 32, (p) => ws.refresh(p));
        changes++; // what the service fires: once per batch, after the index is updated
      },
      { delayMs: 30, timer },
    );
    // The switch: 2,000 notes changed, 1,500 deleted, 1,500 added, each reported by the watcher,
    // some twice (a change then a delete), in an order no one chose.
    const events: string[] = [];
    for (let i = 0; i < 2000; i++) {
      await fs.writeFile(`.learnings/notes/n${i}.md`, encodeText(note(i, 'feature')));
      events.push(`.learnings/notes/n${i}.md`);
    }
    for (let i = 2000; i < 3500; i++) {
      await fs.delete(`.learnings/notes/n${i}.md`);
      events.push(`.learnings/notes/n${i}.md`, `.learnings/notes/n${i}.md`);
    }
    for (let i = 5000; i < 6500; i++) {
      await fs.writeFile(`.learnings/notes/n${i}.md`, encodeText(note(i, 'feature')));
      events.push(`.learnings/notes/n${i}.md`);
    }
    let seed = 7;
    for (let i = events.length - 1; i > 0; i--) {
      seed = (seed * 48271) % 2147483647;
      const j = seed % (i + 1);
      [events[i], events[j]] = [events[j], events[i]];
    }
    // They arrive in bursts, a few milliseconds apart.
    for (let i = 0; i < events.length; i += 500) {
      for (const e of events.slice(i, i + 500)) q.add(e);
      timer.advance(2);
    }
    await q.settled();
    assert.ok(batches <= 5, `a handful of batches, not one per event: ${batches}`);
    assert.equal(changes, batches, 'one change event per batch');
    const index = ws.index;
    assert.equal(index.size, 5000 - 1500 + 1500);
    assert.equal(index.query({ topic: 'feature' }).length, 3500);
    assert.equal(index.query({ topic: 'main' }).length, 1500);
    assert.equal(index.get('.learnings/notes/n2500.md'), undefined);
    assert.equal(index.get('.learnings/notes/n6000.md')?.title, 'Note 6000 on feature');
    assert.deepEqual(index.problems(), []);
    q.dispose();
  });
});
