import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { anchorPathSpans, fieldAt, valuesFor } from '../../../../src/core/notes/frontMatterAssist';
import { noteHeaderHtml, noteHeaderPlugin } from '../../../../src/core/render/noteHeader';

const NOTE = [
  '---', // 0
  'title: Retry <b>idempotently</b>', // 1
  'kind: le', // 2
  'topics: [payments, rel]', // 3
  'status: ', // 4
  'goal: asvs', // 5
  'anchors:', // 6
  '  - path: src/payments/webhook.ts', // 7
  '    lines: 42-58', // 8
  "  - path: '../etc/passwd'", // 9
  '---', // 10
  'kind: lesson', // 11 (body)
].join('\n');

describe('front matter assist', () => {
  it('knows the field and prefix at the cursor', () => {
    assert.deepEqual(fieldAt(NOTE, 2, 8), { field: 'kind', prefix: 'le', start: 6, end: 8, present: [] });
    const topics = fieldAt(NOTE, 3, 22);
    assert.equal(topics?.field, 'topics');
    assert.equal(topics?.prefix, 'rel');
    assert.deepEqual(topics?.present, ['payments']);
    assert.equal(fieldAt(NOTE, 4, 8)?.field, 'status');
    assert.equal(fieldAt(NOTE, 5, 10)?.field, 'goal');
    assert.equal(fieldAt(NOTE, 1, 5), undefined, 'title has no values');
    assert.equal(fieldAt(NOTE, 11, 6), undefined, 'the body is not front matter');
  });

  it('reads block lists of topics', () => {
    const text = '---\ntitle: T\ntopics:\n  - payments\n  - te\n---\n';
    const context = fieldAt(text, 4, 6);
    assert.equal(context?.field, 'topics');
    assert.equal(context?.prefix, 'te');
    assert.deepEqual(context?.present, ['payments']);
    assert.equal(fieldAt('---\nanchors:\n  - pa\n---\n', 2, 6), undefined, 'an item of another key');
  });

  it('offers the values core knows, without those present', () => {
    assert.deepEqual(valuesFor(fieldAt(NOTE, 2, 8)!).map((v) => v.value), ['lesson', 'peer', 'retro', 'plan', 'win', 'idea', 'session']);
    assert.deepEqual(valuesFor(fieldAt(NOTE, 4, 8)!).map((v) => v.value), ['open', 'done', 'dropped']);
    const topics = valuesFor(fieldAt(NOTE, 3, 22)!, { topics: [{ value: 'payments' }, { value: 'reliability' }] });
    assert.deepEqual(topics.map((v) => v.value), ['reliability']);
    assert.deepEqual(valuesFor(fieldAt(NOTE, 5, 10)!, { goals: [{ value: 'asvs-2' }] }).map((v) => v.value), ['asvs-2']);
  });

  it('links safe anchor paths only', () => {
    assert.deepEqual(anchorPathSpans(NOTE), [{ line: 7, start: 10, end: 33, path: 'src/payments/webhook.ts' }]);
    assert.deepEqual(anchorPathSpans('no front matter\npath: x'), []);
  });
});

describe('note header for the markdown preview', () => {
  it('shows title, kind and topics, escaped', () => {
    const html = noteHeaderHtml('n.md', NOTE.replace('kind: le', 'kind: lesson'), { kind: (k) => k.toUpperCase(), topics: 'Topics' });
    assert.match(html, /<h1>Retry &lt;b&gt;idempotently&lt;\/b&gt;<\/h1>/);
    assert.match(html, /<strong>LESSON<\/strong>/);
    assert.match(html, /Topics: <code class="team-learnings-topic">payments<\/code> <code class="team-learnings-topic">rel<\/code>/);
    assert.doesNotMatch(html, /<b>/);
  });

  it('is a markdown-it plugin that only touches notes', () => {
    const labels = { kind: (k: string) => k, topics: 'Topics' };
    const text = '---\ntitle: "<script>alert(1)</script>"\nkind: win\ntopics: [a]\n---\nBody\n';
    const md = noteHeaderPlugin(new MarkdownIt(), { labels, isNote: (env) => (env as { note?: boolean }).note === true });
    const rendered = md.render(text, { note: true });
    assert.match(rendered, /^<div class="team-learnings-note-header"><h1>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
    assert.doesNotMatch(rendered, /<script>/);
    assert.doesNotMatch(md.render(text, { note: false }), /team-learnings-note-header/);
  });
});
