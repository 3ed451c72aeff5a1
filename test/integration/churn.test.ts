// Under churn (issue #7), in a real VS Code: 2,000 notes appear at once, then
// half change and half go, then their folder is moved and removed, as a
// branch switch does from outside the editor. The index is right after each step, the
// Topics view refreshes once per batch (not once per file), and the
// extension host stays responsive.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { api, root, waitFor, restoresWorkspace } from './helpers';

const COUNT = 2000;
const DIR = '.learnings/notes/churn';

const note = (i: number, branch: string) => `---\ntitle: Churn note ${i} on ${branch}\nkind: lesson\ntopics: [churn-${branch}, churn-t${i % 10}]\ncreated: 2026-11-01\n---\nBody ${i}.\n`;

/** The longest pause of the extension host's event loop while `run` goes on. */
async function maxEventLoopLag<T>(run: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let last = Date.now();
  let lagMs = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    lagMs = Math.max(lagMs, now - last - 20);
    last = now;
  }, 20);
  try {
    return { result: await run(), lagMs };
  } finally {
    clearInterval(timer);
  }
}

describe('Under churn: a branch switch of 2,000 notes', function () {
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  this.timeout(120_000);
  const abs = (rel: string) => path.join(root().fsPath, ...rel.split('/'));
  /** Notes indexed under `dir`: other suites' files may come and go meanwhile. */
  const under = async (dir: string) => (await (await api()).service.ready()).notes().filter((n) => n.path.startsWith(`${dir}/`)).length;

  after(async () => {
    fs.rmSync(abs(DIR), { recursive: true, force: true });
    fs.rmSync(abs(`${DIR}-moved`), { recursive: true, force: true });
    await waitFor('the churn notes to be gone', async () => (await under(DIR)) + (await under(`${DIR}-moved`)) === 0, 60_000);
  });

  it('notes appear, change and go: the index is right, and the tree refreshes once per batch', async () => {
    const { service, views } = await api();
    const index = await service.ready();
    let changes = 0;
    let treeRefreshes = 0;
    const subscriptions = [service.onDidChange(() => changes++), views.topics.onDidChangeTreeData(() => treeRefreshes++)];
    try {
      // 1. A branch with 2,000 more notes is checked out.
      const created = await maxEventLoopLag(async () => {
        fs.mkdirSync(abs(DIR), { recursive: true });
        for (let i = 0; i < COUNT; i++) fs.writeFileSync(abs(`${DIR}/n${i}.md`), note(i, 'feature'));
        await waitFor('all 2,000 notes indexed', async () => (await under(DIR)) === COUNT, 60_000);
        await service.settled();
      });
      assert.equal(index.query({ topic: 'churn-feature' }).length, COUNT);
      assert.ok(changes >= 1 && changes <= 100, `a few batches, not one per file: ${changes}`);
      assert.equal(treeRefreshes, changes, 'the Topics view refreshed once per batch');
      assert.ok(created.lagMs < 3000, `the extension host stayed responsive (longest pause ${created.lagMs} ms)`);

      // 2. Half of them change, half are deleted.
      changes = 0;
      treeRefreshes = 0;
      const moved = await maxEventLoopLag(async () => {
        for (let i = 0; i < COUNT; i++) {
          if (i % 2 === 0) fs.writeFileSync(abs(`${DIR}/n${i}.md`), note(i, 'main'));
          else fs.rmSync(abs(`${DIR}/n${i}.md`));
        }
        await waitFor('the changes indexed', async () => (await under(DIR)) === COUNT / 2 && index.query({ topic: 'churn-main' }).length === COUNT / 2, 60_000);
        await service.settled();
      });
      assert.equal(index.query({ topic: 'churn-feature' }).length, 0);
      assert.equal(index.get(`${DIR}/n1.md`), undefined);
      assert.equal(index.get(`${DIR}/n2.md`)?.title, 'Churn note 2 on main');
      assert.ok(changes >= 1 && changes <= 100, `a few batches: ${changes}`);
      assert.equal(treeRefreshes, changes);
      assert.ok(moved.lagMs < 3000, `responsive (longest pause ${moved.lagMs} ms)`);

      // 3. The folder is moved: the watcher may report only the folders.
      fs.renameSync(abs(DIR), abs(`${DIR}-moved`));
      await waitFor('the notes found under their new folder', () => index.get(`${DIR}-moved/n2.md`) !== undefined && index.get(`${DIR}/n2.md`) === undefined, 60_000);
      await service.settled();
      assert.equal(await under(`${DIR}-moved`), COUNT / 2);
      assert.equal(await under(DIR), 0);

      // 4. The whole folder goes, as when switching back: one event for the folder.
      fs.rmSync(abs(`${DIR}-moved`), { recursive: true, force: true });
      await waitFor('the folder forgotten', async () => (await under(`${DIR}-moved`)) === 0, 60_000);
      await service.settled();
      assert.equal(index.query({ topic: 'churn-main' }).length, 0);
      assert.deepEqual(index.problems().filter((p) => p.file.includes('/churn')), []);
    } finally {
      for (const s of subscriptions) s.dispose();
    }
  });
});
