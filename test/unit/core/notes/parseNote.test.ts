import * as assert from 'node:assert/strict';
import { parseNote } from '../../../../src/core/notes/parseNote';

const P = '.learnings/notes/n.md';
const note = (fm: string, body = 'Body.\n') => `---\n${fm}---\n${body}`;

describe('parseNote', () => {
  it('reads every field of a valid note', () => {
    const { note: n, problems } = parseNote(
      P,
      note(`title: Retry the webhook
kind: plan
topics: [payments/webhooks, reliability]
author: Kari Nordmann
created: 2026-11-23
review: 2026-12-01
status: open
owner: Lars
endorsed: [Mette]
anchors:
  - path: src/a.ts
    lines: 42-58
    snippet: |
      one
      two
    commit: 3f2c1ab
`, 'The body.\n'),
    );
    assert.deepEqual(problems, []);
    assert.equal(n?.title, 'Retry the webhook');
    assert.equal(n?.kind, 'plan');
    assert.deepEqual(n?.topics, ['payments/webhooks', 'reliability']);
    assert.equal(n?.author, 'Kari Nordmann');
    assert.equal(n?.created, '2026-11-23');
    assert.equal(n?.review, '2026-12-01');
    assert.equal(n?.status, 'open');
    assert.equal(n?.owner, 'Lars');
    assert.deepEqual(n?.endorsed, ['Mette']);
    assert.deepEqual(n?.anchors, [{ path: 'src/a.ts', lines: { start: 42, end: 58 }, snippet: 'one\ntwo\n', commit: '3f2c1ab' }]);
    assert.equal(n?.body, 'The body.\n');
    assert.equal(n?.bodyLine, 19);
  });

  it('defaults kind to lesson and keeps an unknown kind with a warning', () => {
    assert.equal(parseNote(P, note('title: T\n')).note?.kind, 'lesson');
    const { note: n, problems } = parseNote(P, note('title: T\nkind: rant\n'));
    assert.equal(n?.kind, 'rant');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[0].message, /unknown kind "rant"/);
    assert.equal(problems[0].line, 3);
  });

  it('accepts a BOM and CRLF line ends', () => {
    const { note: n, problems } = parseNote(P, '\ufeff---\r\ntitle: T\r\ntopics: [a]\r\n---\r\nBody\r\n');
    assert.deepEqual(problems, []);
    assert.equal(n?.title, 'T');
    assert.deepEqual(n?.topics, ['a']);
    assert.equal(n?.body, 'Body\r\n');
  });

  const invalid: Array<[string, string, RegExp, number | undefined]> = [
    ['no front matter', 'just text\n', /no front matter/, 1],
    ['front matter never closed', '---\ntitle: T\n', /never closed/, 1],
    ['broken YAML', '---\ntitle: T\ntopics: [a\n---\n', /not valid YAML/, undefined],
    ['missing title', note('kind: lesson\n'), /title is missing/, 2],
    ['empty title', note('title: ""\n'), /one non-empty line/, 2],
    ['duplicate keys', note('title: A\ntitle: B\n'), /not valid YAML: "title" is given twice/, 3],
    ['front matter not a map', note('- a\n- b\n'), /must be a map/, 2],
  ];
  for (const [name, text, message, line] of invalid) {
    it(`rejects ${name} with one clear problem`, () => {
      const { note: n, problems } = parseNote(P, text);
      assert.equal(n, undefined);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].file, P);
      assert.equal(problems[0].severity, 'error');
      assert.match(problems[0].message, message);
      if (line !== undefined) assert.equal(problems[0].line, line);
    });
  }

  const badFields: Array<[string, string, RegExp, number]> = [
    ['topics: 5', 'topics: 5\n', /topics must be a list/, 3],
    ['a topic that is not a slug', 'topics: [Payments]\n', /"Payments" is not a slug/, 3],
    ['anchors: "x"', 'anchors: "x"\n', /anchors must be a list/, 3],
    ['lines: 9-3', 'anchors:\n  - path: a.ts\n    lines: 9-3\n    snippet: x\n', /lines "9-3" end before they start: write START-END/, 5],
    ['an absolute anchor path', 'anchors:\n  - path: /etc/passwd\n    lines: 1-2\n', /is absolute/, 4],
    ['an anchor path with ..', 'anchors:\n  - path: ../secret.ts\n    lines: 1-2\n', /outside the workspace/, 4],
    ['a created date that is no date', 'created: 2026-02-30\n', /created must be a date/, 3],
    ['created as a list', 'created: [1]\n', /created must be text/, 3],
    ['author as a map', 'author: {a: 1}\n', /author must be text/, 3],
    ['endorsed not a list', 'endorsed: Kari\n', /endorsed must be a list/, 3],
    ['status unknown', 'status: maybe\n', /unknown status/, 3],
  ];
  for (const [name, fm, message, line] of badFields) {
    it(`keeps the note but reports ${name} on its line`, () => {
      const { note: n, problems } = parseNote(P, note(`title: T\n${fm}`));
      assert.ok(n, 'the note is still read');
      assert.equal(n.title, 'T');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0].message, message);
      assert.equal(problems[0].line, line);
      assert.equal(problems[0].file, P);
    });
  }

  it('drops only the bad anchor and keeps the good one', () => {
    const { note: n, problems } = parseNote(P, note('title: T\nanchors:\n  - path: /abs\n    lines: 1\n  - path: src/ok.ts\n    lines: 3\n    snippet: x\n'));
    assert.equal(problems.length, 1);
    assert.deepEqual(n?.anchors.map((a) => a.path), ['src/ok.ts']);
    assert.deepEqual(n?.anchors[0].lines, { start: 3, end: 3 });
  });

  it('caps a note with thousands of topics', () => {
    const topics = Array.from({ length: 3000 }, (_, i) => `t${i}`).join(', ');
    const { note: n, problems } = parseNote(P, note(`title: T\ntopics: [${topics}]\n`));
    assert.equal(n?.topics.length, 50);
    assert.match(problems[0].message, /3000 topics: at most 50/);
  });
});
