// The warm-start cache (issue #18): a second start takes unchanged files from
// the cache and reads only what changed; a cache that does not fit (corrupt,
// another build, another folder, a racy mtime) is ignored, never trusted.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace, type WarmStart } from '../../../../src/core/index/workspace';
import { makeIndexCache, makeIndexHead, parseIndexCache, parseIndexHead, RACY_MS, type IndexCache } from '../../../../src/core/index/indexCache';
import { flattenTopics, sameTopicTree } from '../../../../src/core/topics/topics';

const META = { build: '1.0.0:1', key: 'file:///ws#.learnings' };
const note = (title: string, topic: string) => `---\ntitle: ${title}\ntopics: [${topic}]\ncreated: 2026-11-01\n---\nBody of ${title}.\n`;

function files(): Record<string, string> {
  return {
    '.learnings/notes/a.md': note('Alpha', 'payments'),
    '.learnings/notes/b.md': note('Beta', 'database'),
    '.learnings/notes/c.md': note('Gamma', 'testing'),
    '.learnings/notes/broken.md': '---\ntitle: [oops\n---\n',
    '.learnings/topics/payments.md': '---\ntitle: Payments\n---\nHow we take money.\n',
  };
}

/** Stats of every path, as the extension's store gives them. */
function statsOf(fs: MemoryFileSystem) {
  return async (paths: string[]) => Promise.all(paths.map((p) => fs.stat(p)));
}

/** A first start at `now`, and the cache it leaves. */
async function firstStart(fs: MemoryFileSystem, now: number): Promise<string> {
  const ws = new LearningsWorkspace(fs, { now: () => now });
  await ws.load();
  const entries = [...ws.cacheEntries()];
  const stats = await statsOf(fs)(entries.map((e) => e.path));
  return JSON.stringify(makeIndexCache(entries, new Map(entries.map((e, i) => [e.path, stats[i]])), META));
}

async function secondStart(fs: MemoryFileSystem, text: string | undefined) {
  const cache = parseIndexCache(text, META);
  const ws = new LearningsWorkspace(fs, { now: () => 10_000_000 });
  const warm: WarmStart | undefined = cache && { cache, stat: statsOf(fs) };
  const index = await ws.load(warm);
  return { ws, index };
}

/** What a person sees: titles, topics, described topics, problems. */
function view(index: Awaited<ReturnType<LearningsWorkspace['load']>>) {
  return {
    notes: index.notes().map((n) => [n.path, n.title, n.topics.join(',')]),
    topics: flattenTopics(index.topics()).map((t) => `${t.slug}:${t.noteCount}:${t.described}`),
    problems: index.problems().map((p) => `${p.file}: ${p.message}`),
  };
}

describe('index cache: a warm start', () => {
  it('takes every unchanged file from the cache, reads none, and shows the same index', async () => {
    const fs = new MemoryFileSystem(files());
    const cache = await firstStart(fs, 1_000_000);
    const cold = await new LearningsWorkspace(fs).load();
    const { ws, index } = await secondStart(fs, cache);
    assert.deepEqual(ws.lastLoad, { read: 0, restored: 5 });
    assert.deepEqual(view(index), view(cold));
    assert.ok(index.problems().some((p) => p.file === '.learnings/notes/broken.md'), 'a broken note stays reported');
  });

  it('shows a note changed, added and deleted between two starts, reading only those', async () => {
    const fs = new MemoryFileSystem(files());
    const cache = await firstStart(fs, 1_000_000);
    await fs.writeFile('.learnings/notes/a.md', new TextEncoder().encode(note('Alpha, rewritten', 'reliability')));
    await fs.writeFile('.learnings/notes/d.md', new TextEncoder().encode(note('Delta', 'security')));
    await fs.delete('.learnings/notes/b.md');
    const { ws, index } = await secondStart(fs, cache);
    assert.deepEqual(ws.lastLoad, { read: 2, restored: 3 });
    assert.deepEqual(view(index), view(await new LearningsWorkspace(fs).load()));
    assert.equal(index.get('.learnings/notes/a.md')?.title, 'Alpha, rewritten');
    assert.equal(index.get('.learnings/notes/b.md'), undefined);
    assert.equal(index.get('.learnings/notes/d.md')?.title, 'Delta');
  });

  it('ignores a corrupt, truncated or foreign cache and loads everything', async () => {
    const fs = new MemoryFileSystem(files());
    const good = await firstStart(fs, 1_000_000);
    const foreign = [
      'not json {',
      good.slice(0, good.length / 2),
      good.replace(META.build, '0.9.0:1'),
      good.replace(META.key, 'file:///other#.learnings'),
      good.replace('"format":1', '"format":2'),
      good.replace('"title":"Alpha"', '"title":7'),
      good.replace('"path":".learnings/notes/a.md"', '"path":".learnings/notes/elsewhere.md"'),
      JSON.stringify([1, 2]),
    ];
    for (const text of foreign) {
      assert.equal(parseIndexCache(text, META), undefined, text.slice(0, 60));
      const { ws, index } = await secondStart(fs, text);
      assert.deepEqual(ws.lastLoad, { read: 5, restored: 0 });
      assert.equal(index.size, 3);
    }
  });

  it('never keeps a file whose modification time is as recent as its read (a change in the same tick would be missed)', async () => {
    const fs = new MemoryFileSystem(files());
    // MemoryFileSystem's mtimes are small numbers: a clock just past them makes every file racy.
    const mtime = (await fs.stat('.learnings/notes/a.md'))!.mtime;
    const racy = JSON.parse(await firstStart(fs, mtime + RACY_MS - 1));
    assert.deepEqual(Object.keys(racy.files), [], 'racy files are not written');
    const safe = JSON.parse(await firstStart(fs, 10_000_000));
    assert.equal(Object.keys(safe.files).length, 5);
  });

  it('never caches text that came from an editor rather than from disk', async () => {
    const fs = new MemoryFileSystem(files());
    const ws = new LearningsWorkspace(fs, { now: () => 10_000_000 });
    await ws.load();
    ws.apply('.learnings/notes/a.md', note('Unsaved edit', 'payments'));
    assert.ok(![...ws.cacheEntries()].some((e) => e.path === '.learnings/notes/a.md'));
  });
});

describe('index cache: the first rows from its head, then validated', () => {
  const headOf = (text: string) => JSON.stringify(makeIndexHead(JSON.parse(text) as IndexCache));

  it('the head is the topic tree of the cache, the one a cold load draws, in a small fraction of its size', async () => {
    const fs = new MemoryFileSystem(files());
    const text = await firstStart(fs, 1_000_000);
    const topics = parseIndexHead(headOf(text), META)!;
    const cold = await new LearningsWorkspace(fs).load();
    assert.ok(sameTopicTree(topics, cold.topics()));
    assert.deepEqual(flattenTopics(topics).map((t) => `${t.slug}:${t.noteCount}:${t.described}`), view(cold).topics);
    assert.ok(!headOf(text).includes('Body of'), 'no note body in the head');
    assert.ok(headOf(text).length < text.length / 2, `head ${headOf(text).length} bytes, cache ${text.length}`);
  });

  it('a note changed, added or deleted since: the validated index no longer draws the head\'s rows; nothing changed: it does', async () => {
    const changes: Array<[string, (fs: MemoryFileSystem) => Promise<void>]> = [
      ['changed', (fs) => fs.writeFile('.learnings/notes/a.md', new TextEncoder().encode(note('Alpha, rewritten', 'reliability')))],
      ['added', (fs) => fs.writeFile('.learnings/notes/d.md', new TextEncoder().encode(note('Delta', 'payments')))],
      ['deleted', (fs) => fs.delete('.learnings/notes/b.md')],
      ['nothing', async () => undefined],
    ];
    for (const [what, change] of changes) {
      const fs = new MemoryFileSystem(files());
      const text = await firstStart(fs, 1_000_000);
      const topics = parseIndexHead(headOf(text), META)!;
      await change(fs);
      const { index } = await secondStart(fs, text);
      assert.equal(sameTopicTree(topics, index.topics()), what === 'nothing', what);
    }
  });

  it('a head that is corrupt, from another build or another folder, or not a head is ignored', async () => {
    const fs = new MemoryFileSystem(files());
    const good = headOf(await firstStart(fs, 1_000_000));
    assert.ok(parseIndexHead(good, META));
    const bad = JSON.parse(good);
    bad.topics[0].children = [{ slug: 1 }];
    for (const text of [undefined, '', '{"format":2,"topics":[{"broken', good.replace('"format":2', '"format":1'), JSON.stringify(bad)]) {
      assert.equal(parseIndexHead(text, META), undefined, String(text).slice(0, 60));
    }
    assert.equal(parseIndexHead(good, { ...META, build: '1.0.1:1' }), undefined);
    assert.equal(parseIndexHead(good, { ...META, key: 'file:///other#.learnings' }), undefined);
  });
});
