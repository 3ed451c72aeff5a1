// Issue #7 through the built CLI: `learnings check` on the corpus of bad and
// hostile notes names each bad file once, with its message, exits 1, and
// reveals nothing from outside the workspace; `list` still lists the good notes.

import * as assert from 'node:assert/strict';
import { loadExpected, makeCorpus, SECRET, type Corpus } from '../../support/badInputCorpus';
import { learnings } from '../../support/builtCli';

describe('learnings CLI on the corpus of bad and hostile notes', () => {
  const expected = loadExpected();
  const bad = expected.cases.filter((c) => c.severity !== null);
  let corpus: Corpus;
  before(() => {
    corpus = makeCorpus();
  });
  after(() => corpus.cleanup());

  it('check prints each bad file once, with its message and line, and exits 1', () => {
    const r = learnings(corpus.root, 'check');
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stderr.trim().split('\n');
    for (const c of bad) {
      const mine = lines.filter((l) => l.startsWith(`${c.file}:`));
      assert.equal(mine.length, 1, `${c.file}: one line, got ${JSON.stringify(mine)}`);
      const prefix = `${c.file}${c.line ? `:${c.line}` : ''}: ${c.severity}: `;
      assert.ok(mine[0].startsWith(prefix), `${mine[0]} starts with ${prefix}`);
      assert.match(mine[0].slice(prefix.length), new RegExp(c.message!));
    }
    assert.equal(lines.length, bad.length, `one line per bad file and no other:\n${r.stderr}`);
    for (const good of expected.good) assert.ok(!r.stderr.includes(good), `${good} is not reported`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.ok(!`${r.stdout}${r.stderr}`.includes(SECRET), 'nothing from outside the workspace');
  });

  it('check --json lists the same problems', () => {
    const r = learnings(corpus.root, 'check', '--json');
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout) as { notes: number; problems: Array<{ file: string; line?: number; severity: string; message: string }> };
    assert.deepEqual(json.problems.map((p) => p.file).sort(), bad.map((c) => c.file).sort());
    for (const c of bad) {
      const p = json.problems.find((x) => x.file === c.file)!;
      assert.equal(p.severity, c.severity);
      assert.equal(p.line, c.line);
      assert.match(p.message, new RegExp(c.message!));
    }
    assert.equal(json.notes, expected.cases.filter((c) => c.indexed && c.file.includes('/notes/')).length + expected.good.length);
    assert.ok(!r.stdout.includes(SECRET));
  });

  it('list --json still lists every good note, and every note that is only partly wrong', () => {
    const r = learnings(corpus.root, 'list', '--json');
    assert.equal(r.code, 0, r.stderr);
    const paths = (JSON.parse(r.stdout) as Array<{ path: string }>).map((n) => n.path);
    for (const good of expected.good) assert.ok(paths.includes(good), `${good} listed`);
    for (const c of expected.cases.filter((c) => c.file.includes('/notes/'))) {
      assert.equal(paths.includes(c.file), c.indexed, `${c.file} listed: ${c.indexed}`);
    }
    assert.ok(!`${r.stdout}${r.stderr}`.includes(SECRET));
  });

  it('show, digest and topics reveal nothing from outside the workspace', () => {
    const show = learnings(corpus.root, 'show', '.learnings/notes/anchor-through-symlink.md');
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stderr, /anchor 1: src\/outside\/secret\.txt leads outside the workspace through a symlink: not read/);
    for (const r of [show, learnings(corpus.root, 'digest', '--since', '2000-01-01', '--format', 'html', '--today', '2026-11-23'), learnings(corpus.root, 'topics', '--json'), learnings(corpus.root, 'show', 'symlink-out')]) {
      assert.ok(!`${r.stdout}${r.stderr}`.includes(SECRET), `${r.stdout}${r.stderr}`.slice(0, 400));
      assert.doesNotMatch(r.stderr, /\n\s+at |internal error/);
    }
  });
});
