// Issue #13: a hostile front matter is read or refused in time linear in its
// size, with one message; good notes beside it still load.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parseNote } from '../../../../src/core/notes/parseNote';
import { parseTopicPage } from '../../../../src/core/topics/parseTopicPage';
import { editNote, NoteEditError } from '../../../../src/core/notes/noteEditor';
import { HOSTILE_FRONT_MATTER } from '../../../support/hostileInputs';

// The time each takes is measured by `npm run bench` (hostile_parse_ms, budget < 800 ms),
// not here, where a busy machine would fail a correct parser.
const CASES = HOSTILE_FRONT_MATTER;

describe('hostile front matter (#13): refused with one message', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`${name} (${Math.round(text.length / 1024)} KB): one message naming the file`, () => {
      const value = parseNote('.learnings/notes/hostile.md', text);
      assert.equal(value.note, undefined);
      assert.equal(value.problems.length, 1, JSON.stringify(value.problems));
      assert.equal(value.problems[0].file, '.learnings/notes/hostile.md');
      assert.equal(value.problems[0].severity, 'error');
      assert.doesNotMatch(value.problems[0].message, /\n/);
    });
  }

  it('a topic page and an edit are refused the same way', () => {
    const text = CASES['distinct keys'];
    const page = parseTopicPage('.learnings/topics/x.md', text, '.learnings/topics');
    assert.equal(page.problems.length, 1);
    assert.throws(() => editNote(text, [{ op: 'set', key: 'title', value: 'y' }]), NoteEditError);
  });

  it('a key given twice is still found, in one pass, nested too', () => {
    const top = parseNote('n.md', '---\ntitle: a\nauthor: b\nauthor: c\n---\n');
    assert.match(top.problems[0].message, /"author" is given twice/);
    assert.equal(top.problems[0].line, 4);
    const nested = parseNote('n.md', '---\ntitle: a\nanchors:\n  - path: a.ts\n    lines: 1-2\n    path: b.ts\n---\n');
    assert.match(nested.problems[0].message, /given twice/);
    // yaml tells 1 from "1": they are two keys.
    assert.equal(parseNote('n.md', '---\ntitle: a\nx: {1: a, "1": b}\n---\n').problems.length, 0);
  });

  it('a large but honest front matter (100 anchors of 40-line snippets) still reads', () => {
    const anchors = Array.from({ length: 100 }, (_, i) => `  - path: src/f${i}.ts\n    lines: 1-40\n    snippet: |\n${Array.from({ length: 40 }, (_, k) => `      const v${k} = call(${k}, "x");`).join('\n')}\n`).join('');
    const parsed = parseNote('n.md', `---\ntitle: Big\nauthor: x\nextra: 1\nanchors:\n${anchors}---\nbody\n`);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.note?.anchors.length, 100);
  });
});

describe('deep nesting in a small front matter', () => {
  it('past 64 levels is refused by the count, not by overflowing yaml\'s recursion, at every depth', () => {
    for (const depth of [65, 500, 1000, 5000, 16_000]) {
      const { problems, note } = parseNote('.learnings/notes/deep.md', `---\ntitle: x\nt: ${'['.repeat(depth)}\n---\n`);
      assert.equal(note, undefined);
      assert.match(problems[0]?.message ?? '', /nested too deeply$/, `${depth} deep: ${problems[0]?.message}`);
    }
    // Within the budget, yaml reads it and says what is wrong.
    assert.match(parseNote('.learnings/notes/ok.md', `---\ntitle: x\nt: ${'['.repeat(64)}\n---\n`).problems[0]?.message ?? '', /not closed/);
  });

  it('a process parsing such notes again and again survives (a stack overflow inside V8\'s regexp compiler aborts it)', () => {
    const script = `const { parseNote } = require(${JSON.stringify(require.resolve('../../../../src/core/notes/parseNote'))});
      for (let i = 0; i < 40; i++) for (const n of [400, 800, 1600, 3200, 5000]) parseNote('x.md', '---\\ntitle: ' + '['.repeat(n) + '\\n---\\n');`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr.slice(0, 400));
  });
});

describe('scalars YAML reads as numbers (#13)', () => {
  for (const [field, value] of [['title', '1e3'], ['author', '0x1F'], ['title', '.inf']]) {
    it(`${field}: ${value} keeps its text, with a warning`, () => {
      const parsed = parseNote('n.md', `---\ntitle: T\n${field === 'title' ? '' : ''}${field === 'title' ? '' : `${field}: ${value}\n`}---\n`.replace('title: T\n', field === 'title' ? `title: ${value}\n` : 'title: T\n'));
      const got = field === 'title' ? parsed.note?.title : parsed.note?.author;
      assert.equal(got, value);
      assert.ok(parsed.problems.some((p) => p.severity === 'warning' && p.message.includes('read by YAML as a number')), JSON.stringify(parsed.problems));
    });
  }
});
