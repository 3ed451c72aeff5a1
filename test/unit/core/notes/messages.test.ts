// The one-line messages for bad input (issue #7) that the corpus does not
// spell out one by one: each names what is wrong, where, and what to write.

import * as assert from 'node:assert/strict';
import { parseNote, MAX_PROBLEMS_PER_FILE } from '../../../../src/core/notes/parseNote';
import { parseTopicPage } from '../../../../src/core/topics/parseTopicPage';
import { mixedLineEndLine } from '../../../../src/core/notes/frontMatter';
import { invalidUtf8Offset, lineOfByte } from '../../../../src/core/fileSystem';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';

const P = '.learnings/notes/n.md';
const only = (text: string) => {
  const { note, problems } = parseNote(P, text);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  return { note, problem: problems[0] };
};

describe('bad input messages', () => {
  const yamlCases: Array<[string, string, RegExp, number]> = [
    ['a list never closed, at the line it opens', '---\ntitle: T\ntopics: [a,\n  b\ncreated: 2026-01-01\n---\n', /the list opened with "\[" is not closed with "\]"$/, 3],
    ['a map never closed', '---\ntitle: T\nx: {a: 1\n---\n', /the map opened with "\{" is not closed with "\}"$/, 3],
    ['a quote never closed, at the line it opens', '---\ntitle: "Retry\nkind: lesson\n---\n', /a value in double quotes is never closed$/, 2],
    ['a single quote never closed', "---\nkind: lesson\ntitle: 'Retry\n---\n", /a value in single quotes is never closed$/, 3],
    ['an apostrophe inside a plain value is not a quote', "---\ntitle: it's fine\ntopics: [a,\n---\n", /the list opened with "\[" is not closed with "\]"$/, 3],
    ['a tab as indentation', '---\ntitle: T\nanchors:\n  - path: a.ts\n\tlines: 1-2\n---\n', /a tab indents this line: YAML indents with spaces only$/, 5],
    ['a value with ": " in it', '---\ntitle: Retry: always\n---\n', /put the value in quotes$/, 2],
    ['a value that starts with "@"', '---\ntitle: @home\n---\n', /a value cannot start with "@" unquoted: put the value in quotes$/, 2],
    ['a duplicate key inside an anchor', '---\ntitle: T\nanchors:\n  - path: a.ts\n    path: b.ts\n---\n', /"path" is given twice: each field may appear only once$/, 5],
    ['nesting too deep', `---\ntitle: ${'['.repeat(5000)}\n---\n`, /nested too deeply$/, 2],
  ];
  for (const [name, text, message, line] of yamlCases) {
    it(name, () => {
      const { note, problem } = only(text);
      assert.equal(note, undefined);
      assert.match(problem.message, /^front matter is not valid YAML: /);
      assert.match(problem.message, message);
      assert.equal(problem.line, line);
    });
  }

  it('an empty title is an error, not a silent skip', () => {
    for (const text of ['---\ntitle:\n---\n', '---\ntitle: &a\n---\n', '---\ntitle: ~\n---\n']) {
      const { problem } = only(text);
      assert.match(problem.message, /^title is empty/);
      assert.equal(problem.line, 2);
    }
  });

  it('lines: an anchor without lines, and lines that are not a range', () => {
    const anchor = (lines: string) => `---\ntitle: T\nanchors:\n  - path: a.ts\n${lines}    snippet: x\n---\n`;
    assert.match(only(anchor('')).problem.message, /^anchor 1: lines are missing: write START-END, like 12-20$/);
    assert.match(only(anchor('    lines: [1, 2]\n')).problem.message, /^anchor 1: lines must be START-END with 1 <= START <= END, like 12-20$/);
    assert.match(only(anchor('    lines: 0-3\n')).problem.message, /^anchor 1: lines must be START-END with 1 <= START <= END, not "0-3"$/);
  });

  it('a value quoted in a message stays on one line', () => {
    const { problem } = only('---\ntitle: T\nkind: "a\\nb\\u2028c"\n---\n');
    assert.equal(problem.message.includes('\n'), false);
    assert.match(problem.message, /^unknown kind "a b c"/);
  });

  it('mixed line ends: a warning at the first line that differs; the note still reads', () => {
    const { note, problem } = only('---\ntitle: T\r\ntopics: [a]\n---\nBody\n');
    assert.ok(note);
    assert.equal(problem.severity, 'warning');
    assert.equal(problem.line, 2);
    assert.match(problem.message, /^mixed line ends: this line ends with CRLF, the first line with LF/);
    assert.equal(mixedLineEndLine('a\r\nb\r\nc'), undefined, 'a last line without an end does not count');
    assert.deepEqual(mixedLineEndLine('a\r\nb\r\nc\n'), { line: 3, eol: 'LF' });
  });

  it('line ends that are CR only say so', () => {
    assert.match(only('---\rtitle: T\r---\rBody\r').problem.message, /^lines end with CR only \(classic Mac\)/);
  });

  it('a file with hundreds of problems reports the first ones and counts the rest', () => {
    const endorsed = Array.from({ length: 300 }, () => '{a: 1}').join(', ');
    const { problems, note } = parseNote(P, `---\ntitle: T\nendorsed: [${endorsed}]\n---\n`);
    assert.ok(note);
    assert.equal(problems.length, MAX_PROBLEMS_PER_FILE + 1);
    assert.equal(problems.at(-1)!.message, `${300 - MAX_PROBLEMS_PER_FILE} more problems in this file not shown`);
    const page = parseTopicPage('.learnings/topics/t.md', `---\naliases: [${Array.from({ length: 100 }, (_, i) => `Bad${i}`).join(', ')}]\n---\n`, '.learnings/topics');
    assert.equal(page.problems.length, MAX_PROBLEMS_PER_FILE + 1);
    assert.equal(page.problems[0].line, 2);
  });

  it('invalid UTF-8: the line of the first bad byte', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: T\n---\nok\n'), 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    assert.equal(invalidUtf8Offset(bytes), bytes.length - 2);
    assert.equal(lineOfByte(bytes, invalidUtf8Offset(bytes)), 5);
    for (const good of ['', 'abc', 'é', '中文', '🎉', '\u{10ffff}']) assert.equal(invalidUtf8Offset(new TextEncoder().encode(good)), -1, good);
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xff]]) assert.equal(invalidUtf8Offset(new Uint8Array(bad)), 0, String(bad));
    const index = await new LearningsWorkspace(new MemoryFileSystem({ '.learnings/notes/latin1.md': bytes })).load();
    assert.deepEqual(index.problemsOf('.learnings/notes/latin1.md'), [{ file: '.learnings/notes/latin1.md', line: 5, severity: 'error', message: 'not valid UTF-8 text: save the file as UTF-8' }]);
  });

  it('duplicate titles: a warning on each, naming the others (at most two, then a count)', async () => {
    const note = (title: string) => `---\ntitle: ${title}\ntopics: [a]\n---\n`;
    const index = await new LearningsWorkspace(
      new MemoryFileSystem({
        '.learnings/notes/a.md': note('Retry with backoff'),
        '.learnings/notes/b.md': note('RETRY   with backoff'),
        '.learnings/notes/c.md': note('retry with backoff'),
        '.learnings/notes/d.md': note('Retry with Backoff'),
        '.learnings/notes/e.md': note('Retry without backoff'),
      }),
    ).load();
    assert.deepEqual(index.problemsOf('.learnings/notes/a.md'), [
      { file: '.learnings/notes/a.md', line: 2, severity: 'warning', message: 'another note has the same title: .learnings/notes/b.md, .learnings/notes/c.md and 1 more; give each note its own title' },
    ]);
    assert.deepEqual(index.problemsOf('.learnings/notes/e.md'), []);
    assert.equal(index.problems().length, 4);
  });

  it('a topic page is used through a subtopic or an alias; only a page no note reaches is warned about', async () => {
    const index = await new LearningsWorkspace(
      new MemoryFileSystem({
        '.learnings/notes/a.md': '---\ntitle: A\ntopics: [payments/webhooks]\n---\n',
        '.learnings/notes/b.md': '---\ntitle: B\ntopics: [hooks-old]\n---\n',
        '.learnings/topics/payments.md': '---\ntitle: Payments\n---\n',
        '.learnings/topics/reliability.md': '---\ntitle: Reliability\naliases: [hooks-old]\n---\n',
        '.learnings/topics/unused.md': '---\ntitle: Unused\naliases: [nobody]\n---\n',
        '.learnings/topics/empty/child.md': 'Just a description.\n',
      }),
    ).load();
    assert.deepEqual(
      index.problems().map((p) => [p.file, p.severity, p.message]),
      [
        ['.learnings/topics/empty/child.md', 'warning', 'no note uses the topic "empty/child": tag a note with it, or merge the page into another topic'],
        ['.learnings/topics/unused.md', 'warning', 'no note uses the topic "unused" or its aliases: tag a note with it, or merge the page into another topic'],
      ],
    );
  });

  it('problems across files follow the files: renaming the duplicate title clears both warnings', async () => {
    const fs = new MemoryFileSystem({
      '.learnings/notes/a.md': '---\ntitle: Same\ntopics: [x]\n---\n',
      '.learnings/notes/b.md': '---\ntitle: Same\ntopics: [x]\n---\n',
      '.learnings/topics/y.md': '---\ntitle: Y\n---\n',
    });
    const ws = new LearningsWorkspace(fs);
    const index = await ws.load();
    assert.deepEqual(index.problems().map((p) => p.file).sort(), ['.learnings/notes/a.md', '.learnings/notes/b.md', '.learnings/topics/y.md']);
    ws.apply('.learnings/notes/b.md', '---\ntitle: Different\ntopics: [y]\n---\n');
    assert.deepEqual(index.problems(), []);
  });
});
