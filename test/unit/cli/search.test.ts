// `learnings search` (issue #18) through the built CLI, on a git workspace
// with the relevance set's notes committed: the same answers as the index.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { learnings, workspace } from '../../support/builtCli';
import { RELEVANCE, relevanceFiles } from '../../support/searchRelevance';

describe('learnings search (built CLI)', function () {
  // About 20 runs of the built CLI, each a new Node process.
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = workspace(relevanceFiles(), 'learnings-search-');
    for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '-qm', 'notes']]) {
      assert.equal(spawnSync('git', args, { cwd: root }).status, 0, `git ${args.join(' ')}`);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('answers the relevance set as the index does, in rank order, with path, title, score and a plain excerpt', () => {
    for (const c of RELEVANCE) {
      const r = learnings(root, 'search', c.query, '--json', '--limit', '50');
      assert.equal(r.code, 0, r.stderr);
      const hits = JSON.parse(r.stdout) as Array<{ path: string; title: string; score: number; excerpt: string }>;
      const paths = hits.map((h) => h.path);
      assert.deepEqual(new Set(paths.slice(0, c.first.length)), new Set(c.first), `${c.query}: ${JSON.stringify(paths)}`);
      for (const p of c.alsoFound ?? []) assert.ok(paths.includes(p), `${c.query}: ${p} missing`);
      for (const p of c.notFound ?? []) assert.ok(!paths.includes(p), `${c.query}: ${p} found`);
      for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score, `${c.query}: not in rank order`);
      for (const h of hits) {
        assert.equal(typeof h.title, 'string');
        assert.ok(!/(^|\s)#{1,6}\s|\*\*|\]\(/.test(h.excerpt), `${c.query}: markdown in the excerpt ${JSON.stringify(h.excerpt)}`);
      }
    }
  });

  it('--limit N cuts the ranked list; text output lists title, path and excerpt', () => {
    const all = JSON.parse(learnings(root, 'search', 'payments', '--json', '--limit', '50').stdout) as Array<{ path: string }>;
    const two = JSON.parse(learnings(root, 'search', 'payments', '--json', '--limit', '2').stdout) as Array<{ path: string }>;
    assert.ok(all.length > 2);
    assert.deepEqual(two, all.slice(0, 2));
    const text = learnings(root, 'search', 'idempotent', '--limit', '1');
    assert.equal(text.code, 0);
    assert.deepEqual(text.stdout.split('\n').slice(0, 2), ['Retro: idempotency keys rollout', '  .learnings/notes/2026-06-25-retro-idempotency-keys-rollout.md']);
  });

  it('a missing query or a bad --limit is a usage error (exit 2), nothing found is not', () => {
    assert.equal(learnings(root, 'search').code, 2);
    const bad = learnings(root, 'search', 'x', '--limit', 'lots');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--limit/);
    const none = learnings(root, 'search', 'zzzzzz');
    assert.equal(none.code, 0);
    assert.match(none.stderr, /No notes match/);
  });
});
