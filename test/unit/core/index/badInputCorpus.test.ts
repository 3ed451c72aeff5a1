// Issue #7, "bad input, one file at a time": the core over Node's file system
// loads the corpus of bad and hostile notes; each file reports exactly its
// expected problem, every good note is indexed, and nothing outside the
// workspace is read.

import * as assert from 'node:assert/strict';
import { NodeFileSystem } from '../../../../src/node/nodeFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { checkAnchors } from '../../../../src/core/anchors/checkAnchors';
import type { NoteIndex } from '../../../../src/core/index/noteIndex';
import type { Problem } from '../../../../src/core/model';
import { formatCase, loadExpected, makeCorpus, SECRET, type Corpus, type ExpectedCase } from '../../../support/badInputCorpus';

/** Records every path whose content was read, to prove what was never read. */
class RecordingFileSystem extends NodeFileSystem {
  readonly reads: string[] = [];

  override async readFile(rel: string): Promise<Uint8Array> {
    this.reads.push(rel);
    return super.readFile(rel);
  }

  override async readFileWithLimit(rel: string, maxBytes: number): Promise<Uint8Array | { tooLarge: number } | undefined> {
    const result = await super.readFileWithLimit(rel, maxBytes);
    if (result instanceof Uint8Array) this.reads.push(rel);
    return result;
  }

  override async readFilesWithLimit(rels: string[], maxBytes: number): Promise<Array<Uint8Array | { tooLarge: number } | undefined>> {
    const results = await super.readFilesWithLimit(rels, maxBytes);
    results.forEach((r, i) => r instanceof Uint8Array && this.reads.push(rels[i]));
    return results;
  }
}

function assertProblem(c: ExpectedCase, problems: Problem[]): void {
  if (c.severity === null) {
    assert.deepEqual(problems, [], `${formatCase(c)}: no problem`);
    return;
  }
  assert.equal(problems.length, 1, `${formatCase(c)}: exactly one problem, got ${JSON.stringify(problems)}`);
  const [p] = problems;
  assert.equal(p.file, c.file);
  assert.equal(p.severity, c.severity, formatCase(c));
  assert.equal(p.line, c.line, `${formatCase(c)}: line`);
  assert.match(p.message, new RegExp(c.message!), formatCase(c));
  assert.doesNotMatch(p.message, /\n|\bat .+:\d+:\d+/, `${formatCase(c)}: one line, no stack trace`);
}

describe('bad input: the corpus of bad and hostile notes (test/fixtures/bad-notes)', () => {
  const expected = loadExpected();
  let corpus: Corpus;
  let fs: RecordingFileSystem;
  let index: NoteIndex;

  before(async () => {
    corpus = makeCorpus();
    fs = new RecordingFileSystem(corpus.root);
    index = await new LearningsWorkspace(fs).load();
  });
  after(() => corpus.cleanup());

  for (const c of expected.cases.filter((c) => c.stage !== 'check')) {
    it(`${c.case}: ${c.severity === null ? 'reads cleanly' : `one ${c.severity} for ${c.file}`}`, () => {
      assertProblem(c, index.problemsOf(c.file));
      if (c.file.includes('/notes/')) assert.equal(index.get(c.file) !== undefined, c.indexed, `${formatCase(c)}: indexed is ${c.indexed}`);
    });
  }

  it('indexes every good note, without a problem', () => {
    for (const good of expected.good) {
      assert.ok(index.get(good), `${good} is indexed`);
      assert.deepEqual(index.problemsOf(good), [], `${good} has no problem`);
    }
  });

  it('reports problems only for the files of the corpus', () => {
    const known = new Set(expected.cases.map((c) => c.file));
    for (const p of index.problems()) assert.ok(known.has(p.file), `unexpected problem: ${JSON.stringify(p)}`);
  });

  it('skips the 10 MB note and the symlink out of the workspace without reading them', () => {
    assert.ok(expected.good.every((g) => fs.reads.includes(g)), 'the recorder sees the reads of the good notes');
    for (const c of expected.cases.filter((c) => c.make === '10 MB note' || c.make === 'note symlink out')) {
      assert.ok(!fs.reads.includes(c.file), `${c.file} was read`);
    }
  });

  it('refuses, at check time, an anchor through a folder symlinked out of the workspace, and reads nothing there', async () => {
    const reads = fs.reads.length;
    const result = await checkAnchors(fs, index.notes());
    for (const c of expected.cases.filter((c) => c.stage === 'check')) {
      assertProblem(c, result.problems.filter((p) => p.file === c.file));
    }
    assert.deepEqual(
      result.problems.map((p) => p.file),
      expected.cases.filter((c) => c.stage === 'check').map((c) => c.file),
      'no other anchor problem',
    );
    assert.ok(!fs.reads.slice(reads).some((p) => p.startsWith('src/outside/')), `read through the symlink: ${fs.reads.slice(reads)}`);
    assert.ok(!JSON.stringify(result).includes(SECRET), 'nothing from outside the workspace in the result');
  });

  it('never puts text from outside the workspace in the index', () => {
    assert.ok(!JSON.stringify(index.notes()).includes(SECRET));
    assert.ok(!JSON.stringify(index.problems()).includes(SECRET));
  });
});
