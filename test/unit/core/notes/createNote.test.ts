import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { createNote } from '../../../../src/core/notes/createNote';
import { captureAnchor, CaptureError, parseAnchorSpec } from '../../../../src/core/anchors/captureAnchor';
import { layoutFor } from '../../../../src/core/layout';
import { parseNote } from '../../../../src/core/notes/parseNote';
import { readHeadCommit } from '../../../../src/core/anchors/gitHead';
import { toFileSlug } from '../../../../src/core/notes/slug';

const layout = layoutFor();
const SRC = 'line one\nline two\nline three\nline four\n';

describe('createNote and captureAnchor', () => {
  it('writes a note from the kind template that reads back exactly', async () => {
    const fs = new MemoryFileSystem({ 'src/x.ts': SRC });
    const anchor = await captureAnchor(fs, 'src/x.ts', { start: 2, end: 3 });
    const created = await createNote(fs, layout, { title: 'Retry: idempotently, "always"', kind: 'retro', topics: ['payments/webhooks'], author: 'Kari', created: '2026-11-23', anchors: [anchor] });
    assert.equal(created.path, '.learnings/notes/2026-11-23-retry-idempotently-always.md');
    const { note, problems } = parseNote(created.path, fs.text(created.path)!);
    assert.deepEqual(problems, []);
    assert.equal(note?.title, 'Retry: idempotently, "always"');
    assert.equal(note?.kind, 'retro');
    assert.deepEqual(note?.topics, ['payments/webhooks']);
    assert.deepEqual(note?.anchors, [{ path: 'src/x.ts', lines: { start: 2, end: 3 }, snippet: 'line two\nline three\n' }]);
    assert.match(note!.body, /^\n## Went well\n\n## To improve\n\n## Actions\n$/);
    assert.ok(created.text.includes('topics: [payments/webhooks]'), created.text);
    // The cursor goes on the empty line of the first section, not on the second heading.
    assert.equal(created.text.slice(created.bodyOffset - '## Went well\n'.length, created.bodyOffset), '## Went well\n');
    assert.equal(created.text.slice(created.bodyOffset).split('\n')[0], '');
  });

  it('never replaces an existing file: the second note gets -2', async () => {
    const fs = new MemoryFileSystem({ '.learnings/notes/2026-11-23-same.md': 'mine' });
    const a = await createNote(fs, layout, { title: 'Same', created: '2026-11-23' });
    const b = await createNote(fs, layout, { title: 'Same', created: '2026-11-23' });
    assert.equal(a.path, '.learnings/notes/2026-11-23-same-2.md');
    assert.equal(b.path, '.learnings/notes/2026-11-23-same-3.md');
    assert.equal(fs.text('.learnings/notes/2026-11-23-same.md'), 'mine');
  });

  it('uses a template from the repo when there is one, and only then', async () => {
    const fs = new MemoryFileSystem({ '.learnings/templates/lesson.md': '## Story of {{title}}\n\n' });
    const repo = await createNote(fs, layout, { title: 'T', created: '2026-11-23' });
    assert.ok(repo.text.endsWith('---\n\n## Story of T\n'));
    const builtIn = await createNote(fs, layout, { title: 'U', created: '2026-11-23' }, { allowRepoTemplates: false });
    assert.ok(builtIn.text.endsWith('---\n\n## What happened\n\n## What we learned\n\n## Next time\n'));
  });

  it('records HEAD from .git without running git', async () => {
    const hash = 'a'.repeat(40);
    const loose = new MemoryFileSystem({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${hash}\n`, 'src/x.ts': SRC });
    assert.equal(await readHeadCommit(loose), hash);
    assert.equal((await captureAnchor(loose, 'src/x.ts', { start: 1, end: 1 })).commit, 'aaaaaaa');
    const packed = new MemoryFileSystem({ '.git/HEAD': 'ref: refs/heads/dev\n', '.git/packed-refs': `# pack-refs\n${'b'.repeat(40)} refs/heads/dev\n` });
    assert.equal(await readHeadCommit(packed), 'b'.repeat(40));
    assert.equal(await readHeadCommit(new MemoryFileSystem({})), undefined);
  });

  it('refuses anchors outside the workspace or past the end of the file', async () => {
    const fs = new MemoryFileSystem({ 'src/x.ts': SRC });
    await assert.rejects(captureAnchor(fs, '../x.ts', { start: 1, end: 1 }), CaptureError);
    await assert.rejects(captureAnchor(fs, '/etc/passwd', { start: 1, end: 1 }), /is absolute/);
    await assert.rejects(captureAnchor(fs, 'src/x.ts', { start: 4, end: 9 }), /past the end of the file \(4 lines\)/);
    await assert.rejects(captureAnchor(fs, 'src/none.ts', { start: 1, end: 1 }), /no such file/);
  });

  it('reads lines as the resolver does: CRLF is a line end, an empty file has no line to anchor', async () => {
    const crlf = new MemoryFileSystem({ 'src/x.ts': SRC.replace(/\n/g, '\r\n') });
    const anchor = await captureAnchor(crlf, 'src/x.ts', { start: 2, end: 3 });
    assert.equal(anchor.snippet, `${SRC.split('\n').slice(1, 3).join('\n')}\n`);
    const empty = new MemoryFileSystem({ 'src/empty.ts': '' });
    await assert.rejects(captureAnchor(empty, 'src/empty.ts', { start: 1, end: 1 }), /past the end of the file \(0 lines\)/);
  });

  it('parses anchor specs and makes file slugs', () => {
    assert.deepEqual(parseAnchorSpec('src/x.ts:1-3'), { path: 'src/x.ts', lines: { start: 1, end: 3 } });
    assert.deepEqual(parseAnchorSpec('src/x.ts:7'), { path: 'src/x.ts', lines: { start: 7, end: 7 } });
    assert.equal(parseAnchorSpec('src/x.ts:3-1'), undefined);
    assert.equal(parseAnchorSpec('src/x.ts'), undefined);
    assert.equal(toFileSlug('Blåbærsyltetøy på Ærø!'), 'blabaersyltetoy-pa-aero');
    assert.equal(toFileSlug('a'.repeat(100)).length, 60);
  });
});
