// Property tests of the parser (issue #7): whatever the text, parseNote and
// parseTopicPage return problems and never throw; each problem is one line
// naming the file; a workspace of damaged files keeps its good note.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNote } from '../../../../src/core/notes/parseNote';
import { parseTopicPage } from '../../../../src/core/topics/parseTopicPage';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import type { Problem } from '../../../../src/core/model';
import { genNote, mutate, mutation, renderNote } from '../../../support/arbitraries';
import { fuzz } from '../../../support/fuzzConfig';

const PATH = '.learnings/notes/fuzzed.md';
const PAGE = '.learnings/topics/fuzzed.md';

function assertProblemsWellFormed(problems: Problem[], file: string, text: string): void {
  const lines = text.split('\n').length;
  assert.ok(problems.length <= 21, `at most 20 problems and a count: ${problems.length}`);
  for (const p of problems) {
    assert.equal(p.file, file);
    assert.ok(p.severity === 'error' || p.severity === 'warning');
    assert.equal(typeof p.message, 'string');
    assert.ok(p.message.length > 0 && p.message.length < 400, `a short message: ${p.message.length}`);
    assert.doesNotMatch(p.message, /[\r\n\u2028\u2029]/, `one line: ${JSON.stringify(p.message)}`);
    if (p.line !== undefined) assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1, `line ${p.line} of ${lines}`);
  }
}

function checkParse(text: string): void {
  const parsed = parseNote(PATH, text);
  assertProblemsWellFormed(parsed.problems, PATH, text);
  if (parsed.note) {
    assert.equal(typeof parsed.note.title, 'string');
    assert.ok(parsed.note.title.trim() !== '');
    assert.ok(Array.isArray(parsed.note.topics) && parsed.note.topics.length <= 50);
    for (const a of parsed.note.anchors) {
      assert.ok(a.lines.start >= 1 && a.lines.end >= a.lines.start);
      assert.ok(!a.path.startsWith('/') && !a.path.split('/').includes('..'), `anchor path stays inside: ${a.path}`);
    }
  } else {
    assert.ok(parsed.problems.some((p) => p.severity === 'error'), 'a file that is not a note says why');
  }
  const page = parseTopicPage(PAGE, text, '.learnings/topics');
  assertProblemsWellFormed(page.problems, PAGE, text);
}

describe('property: parsing never throws', () => {
  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkParse(text)),
      fuzz(),
    );
  });

  it('on any string that starts like front matter', () => {
    const yamlish = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '-', '[', ']', '{', '}', '"', "'", '#', '|', '>', '&', '*', '!', '\t', '\n', '\r', '?', ',', '%', '@', '`', '\\', '\ufeff', '\u0085'), maxLength: 200 });
    fc.assert(
      fc.property(yamlish, fc.constantFrom('', '---\n', '\n---\n'), (yaml, end) => checkParse(`---\n${yaml}${end}body`)),
      fuzz(),
    );
  });

  it('on valid notes, and reads them without an error', () => {
    fc.assert(
      fc.property(genNote, (note) => {
        const text = renderNote(note);
        checkParse(text);
        const parsed = parseNote(PATH, text);
        assert.ok(parsed.note, `a valid note is read: ${JSON.stringify(parsed.problems)}\n${text}`);
        assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error'), [], text);
      }),
      fuzz(),
    );
  });

  it('on valid notes damaged: bytes inserted, lines dropped or doubled, CRLF mixed in, a BOM, cut short', () => {
    fc.assert(
      fc.property(genNote, fc.array(mutation, { minLength: 1, maxLength: 4 }), (note, mutations) => checkParse(mutate(renderNote(note), mutations))),
      fuzz(),
    );
  });

  // Lists nested past the parser's stack: test/unit/core/messages.test.ts.
  it('on alias bombs and deep nesting', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    for (const text of [
      `---\n${bomb}\ntitle: x\ntopics: *h\nendorsed: *h\nanchors: *h\n---\n`,
      `---\ntitle: x\nx-deep: ${'{a: '.repeat(2000)}1${'}'.repeat(2000)}\n---\n`,
      `---\ntitle: x\nx-deep:\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i + 1)}- a`).join('\n')}\n---\n`,
    ]) {
      checkParse(text);
    }
  });

  it('in a workspace: damaged files never stop the good note from being indexed', async () => {
    const good = '---\ntitle: The one good note\ntopics: [testing]\n---\nBody.\n';
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 300 }), genNote.chain((n) => fc.array(mutation, { maxLength: 3 }).map((m) => mutate(renderNote(n), m)))), { minLength: 1, maxLength: 6 }),
        async (files) => {
          const tree: Record<string, string | Uint8Array> = { '.learnings/notes/good.md': good };
          files.forEach((content, i) => {
            tree[`.learnings/notes/bad-${i}.md`] = content;
            tree[`.learnings/topics/bad-${i}.md`] = content;
          });
          const fs = new MemoryFileSystem(tree);
          const index = await new LearningsWorkspace(fs).load();
          const note = index.get('.learnings/notes/good.md');
          assert.ok(note, 'the good note is indexed');
          assert.equal(note.title, 'The one good note');
          // Another file may share its title (a warning on both); nothing else is its problem.
          assert.ok(index.problemsOf('.learnings/notes/good.md').every((p) => /same title/.test(p.message)));
          assert.ok(index.topics().some((t) => t.slug === 'testing'), 'its topic is in the tree');
          // Found by search and by its topic, whatever the damaged files beside it hold.
          assert.ok(index.search('good').some((h) => h.note.path === '.learnings/notes/good.md'), 'search finds the good note');
          assert.ok(index.query({ topic: 'testing' }).some((n) => n.path === '.learnings/notes/good.md'), 'its topic lists it');
          // Every problem is one line naming a file of the workspace: the damaged files say what is wrong, the good one nothing else.
          for (const p of index.problems()) {
            assert.ok(p.file === '.learnings/notes/good.md' || tree[p.file] !== undefined, `a problem names a file of the workspace: ${p.file}`);
            assert.doesNotMatch(p.message, /[\r\n]/);
          }
        },
      ),
      fuzz(0.25),
    );
  });
});
