// The front-matter fast path is handed to the workspace (no global switch):
// loaded either way, the demo workspace and the bad notes index the same.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { NodeFileSystem } from '../../../../src/node/nodeFileSystem';
import { REPO_ROOT } from '../../../support/paths';

for (const fixture of ['demo-workspace', 'bad-notes']) {
  describe(`LearningsWorkspace parse options: ${fixture}`, () => {
    it('indexes the same notes and problems with the fast path and with yaml alone', async () => {
      const fs = () => new NodeFileSystem(path.join(REPO_ROOT, 'test/fixtures', fixture));
      const fast = await new LearningsWorkspace(fs()).load();
      const yaml = await new LearningsWorkspace(fs(), { parse: { fastPath: false } }).load();
      assert.ok(fast.notes().length > 0 || fast.problems().length > 0);
      assert.deepStrictEqual(yaml.notes(), fast.notes());
      // Problems in the order the files were read (concurrently): compared as sets.
      const sorted = (ps: ReturnType<typeof fast.problems>) => ps.map((p) => JSON.stringify(p)).sort();
      assert.deepStrictEqual(sorted(yaml.problems()), sorted(fast.problems()));
    });
  });
}
