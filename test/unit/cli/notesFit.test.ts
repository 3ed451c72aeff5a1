// Notes that fit the tools around them: Prettier leaves them alone, and
// Obsidian's and Foam's `tags:` and one-string topics are read (built CLI).

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { learnings, workspace } from '../../support/builtCli';

const REPO = path.resolve(__dirname, '../../../..');
const PRETTIER = path.join(REPO, 'node_modules/prettier/bin/prettier.cjs');
const SRC = 'function a() {\n\n\tconst x = 1;\n  return "q: #";\n}\n';

function prettierCheck(cwd: string, target: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, [PRETTIER, '--check', target], { cwd, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout + e.stderr };
  }
}

describe('notes that fit the tools around them (built CLI)', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => {
    root = workspace({ 'src/y.ts': SRC }, 'learnings-fit-');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('every note learnings new writes passes prettier --check, with a blank line after the front matter', () => {
    const written: string[] = [];
    for (const kind of ['lesson', 'peer', 'retro', 'plan', 'win', 'idea', 'session']) {
      const r = learnings(root, 'new', '--title', `Retry: "${kind}" #1, don't`, '--kind', kind, '--topic', 'payments/webhooks', '--topic', 'db', '--anchor', 'src/y.ts:1-5', '--anchor', 'src/y.ts:2-3', '--author', 'Kari N.');
      assert.equal(r.code, 0, r.stderr);
      written.push(r.stdout.trim());
    }
    written.push(learnings(root, 'new', '--title', 'Piped', '--body', 'One paragraph.\n\n\n').stdout.trim());
    written.push(learnings(root, 'new', '--title', 'Empty', '--body', '').stdout.trim());
    written.push(learnings(root, 'new', '--title', 'Tagged', '--topic', 'a', '--topics-key', 'tags').stdout.trim());
    for (const rel of written.slice(0, -2)) assert.match(readFileSync(path.join(root, rel), 'utf8'), /\n---\n\n\S/, rel);
    const r = prettierCheck(root, '.learnings');
    assert.equal(r.code, 0, r.out);
    assert.equal(learnings(root, 'check').code, 0);
  });

  it('the demo workspace passes prettier --check', () => {
    const r = prettierCheck(path.join(REPO, 'test/fixtures/demo-workspace'), '.learnings');
    assert.equal(r.code, 0, r.out);
  });

  it('reads tags: when topics: is absent, and one string as a list of one with a warning', () => {
    const dir = path.join(root, '.learnings/notes');
    learnings(root, 'new', '--title', 'Seed');
    writeFileSync(path.join(dir, 'tags.md'), '---\ntitle: Obsidian note\ntags: [payments, db]\n---\n\nBody.\n');
    writeFileSync(path.join(dir, 'one.md'), '---\ntitle: One topic\ntopics: payments\n---\n\nBody.\n');
    writeFileSync(path.join(dir, 'both.md'), '---\ntitle: Both\ntopics: [db]\ntags: [ignored]\n---\n\nBody.\n');
    const titles = (topic: string) => JSON.parse(learnings(root, 'list', '--topic', topic, '--json').stdout).map((n: { title: string }) => n.title).sort();
    assert.deepEqual(titles('payments'), ['Obsidian note', 'One topic']);
    assert.deepEqual(titles('db'), ['Both', 'Obsidian note']);
    assert.deepEqual(titles('ignored'), []);
    const check = learnings(root, 'check');
    assert.equal(check.code, 0);
    assert.equal(check.stderr.trim(), '.learnings/notes/one.md:3: warning: topics is one text, not a list: read as the topic "payments"; write topics: [payments]');
    assert.equal(learnings(root, 'check', '--strict').code, 1);
  });

  it('new --topics-key tags writes tags:, and topics rename and merge rewrite tags, one string too', () => {
    const tagged = learnings(root, 'new', '--title', 'Tagged', '--topic', 'payments', '--topic', 'db', '--topics-key', 'tags').stdout.trim();
    assert.match(readFileSync(path.join(root, tagged), 'utf8'), /\ntags: \[payments, db\]\n/);
    assert.doesNotMatch(readFileSync(path.join(root, tagged), 'utf8'), /\ntopics:/);
    const one = '.learnings/notes/one.md';
    writeFileSync(path.join(root, one), '---\ntitle: One\ntags: payments # ours\n---\n\nBody.\n');
    const rename = learnings(root, 'topics', 'rename', 'payments', 'billing');
    assert.equal(rename.code, 0, rename.stderr);
    assert.match(readFileSync(path.join(root, tagged), 'utf8'), /\ntags: \[billing, db\]\n/);
    assert.equal(readFileSync(path.join(root, one), 'utf8'), '---\ntitle: One\ntags: billing # ours\n---\n\nBody.\n');
    const merge = learnings(root, 'topics', 'merge', 'db', 'billing');
    assert.equal(merge.code, 0, merge.stderr);
    assert.match(readFileSync(path.join(root, tagged), 'utf8'), /\ntags: \[billing\]\n/);
  });
});
