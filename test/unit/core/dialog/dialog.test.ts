import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { layoutFor } from '../../../../src/core/layout';
import { parseReply, replyTarget, repliesFolder } from '../../../../src/core/dialog/reply';
import { buildThread, repliers } from '../../../../src/core/dialog/thread';
import { createReply } from '../../../../src/core/dialog/createReply';
import { planResolve, setResolvedField } from '../../../../src/core/dialog/resolveThread';
import { decodeText } from '../../../../src/core/fileSystem';

const layout = layoutFor();
const NOTE = '.learnings/notes/2026-11-23-retry.md';
const DIR = '.learnings/replies/2026-11-23-retry';
const note = '---\ntitle: Retry idempotently\nauthor: Kari Nordmann\ncreated: 2026-11-23\n---\nBody.\n';
const reply = (author: string, created: string, extra = '', body = 'Text.\n') => `---\nauthor: ${author}\ncreated: ${created}\n${extra}---\n\n${body}`;

describe('dialog: replies', () => {
  it('maps a note to its replies folder and a reply back to its note', () => {
    assert.equal(repliesFolder(layout, NOTE), DIR);
    assert.equal(replyTarget(layout, `${DIR}/2026-12-01-ana-berg.md`), NOTE);
    assert.equal(replyTarget(layout, '.learnings/replies/stray.md'), undefined);
  });

  it('reads author, created, resolved and the body, and keeps unknown fields out of the way', () => {
    const parsed = parseReply(`${DIR}/2026-12-01-ana-berg.md`, reply('Ana Berg', '2026-12-01', 'resolved: true\nmood: curious # kept\n', 'Fixed in #812.\n'), layout);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.reply?.author, 'Ana Berg');
    assert.equal(parsed.reply?.created, '2026-12-01');
    assert.equal(parsed.reply?.resolved, true);
    assert.equal(parsed.reply?.note, NOTE);
    assert.equal(parsed.reply?.body.trim(), 'Fixed in #812.');
  });

  it('gives every bad field one message naming the file and its line', () => {
    const path = `${DIR}/2026-12-01-x.md`;
    const parsed = parseReply(path, '---\nauthor: [a, b]\ncreated: yesterday\nresolved: maybe\n---\nText.\n', layout);
    assert.deepEqual(
      parsed.problems.map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.message}`),
      [
        `${path}:2: error: author must be text`,
        `${path}:3: error: created must be a date YYYY-MM-DD, not "yesterday"`,
        `${path}:4: error: resolved must be true or false, not "maybe"`,
      ],
    );
    // Still read: the body is not hidden by its bad fields; the date comes from the file name.
    assert.equal(parsed.reply?.created, '2026-12-01');
    assert.equal(parseReply(path, 'no front matter', layout).problems[0].message, 'no front matter: the file must start with a line "---"');
    assert.match(parseReply(path, '---\ncreated: 2026-12-01\n---\nx\n', layout).problems[0].message, /author is missing/);
    assert.match(parseReply('.learnings/replies/loose.md', reply('A', '2026-12-01'), layout).problems[0].message, /folder of its note/);
  });
});

describe('dialog: threads', () => {
  const r = (name: string, author: string, created: string, resolved?: boolean) => ({ path: `${DIR}/${name}`, note: NOTE, author, created, resolved, body: '', bodyLine: 1 });

  it('orders replies by date, then by the sequence of a same-day file, and knows who took part', () => {
    const t = buildThread({ path: NOTE, author: 'Kari Nordmann', created: '2026-11-23' }, [
      r('2026-12-02-bo.md', 'Bo', '2026-12-02'),
      r('2026-12-01-ana-berg-2.md', 'Ana Berg', '2026-12-01'),
      r('2026-12-01-ana-berg.md', 'Ana Berg', '2026-12-01'),
    ]);
    assert.deepEqual(t.replies.map((x) => x.path.slice(DIR.length + 1)), ['2026-12-01-ana-berg.md', '2026-12-01-ana-berg-2.md', '2026-12-02-bo.md']);
    assert.deepEqual(t.participants, ['Kari Nordmann', 'Ana Berg', 'Bo']);
    assert.deepEqual(repliers(t), ['Ana Berg', 'Bo']);
    assert.equal(t.lastActivity, '2026-12-02');
    assert.equal(t.state, 'open');
  });

  it('is resolved when the latest reply that says so says true', () => {
    const note0 = { path: NOTE };
    assert.equal(buildThread(note0, []).state, 'none');
    assert.equal(buildThread(note0, [r('2026-12-01-a.md', 'A', '2026-12-01'), r('2026-12-02-b.md', 'B', '2026-12-02', true)]).state, 'resolved');
    assert.equal(buildThread(note0, [r('2026-12-02-b.md', 'B', '2026-12-02', true), r('2026-12-03-c.md', 'C', '2026-12-03')]).state, 'resolved');
    assert.equal(buildThread(note0, [r('2026-12-02-b.md', 'B', '2026-12-02', true), r('2026-12-03-c.md', 'C', '2026-12-03', false)]).state, 'open');
  });
});

describe('dialog: writing replies', () => {
  it('writes a reply file, and a second one the same day by the same person beside it, never replacing it', async () => {
    const fs = new MemoryFileSystem({ [NOTE]: note });
    const first = await createReply(fs, layout, { note: NOTE, author: 'Ana Berg', created: '2026-12-01', body: 'Does this still hold?' });
    const second = await createReply(fs, layout, { note: NOTE, author: 'Ana Berg', created: '2026-12-01', body: 'Found it: yes.', resolved: true });
    assert.equal(first.path, `${DIR}/2026-12-01-ana-berg.md`);
    assert.equal(second.path, `${DIR}/2026-12-01-ana-berg-2.md`);
    assert.equal(decodeText(await fs.readFile(first.path)), '---\nauthor: Ana Berg\ncreated: 2026-12-01\n---\n\nDoes this still hold?\n');
    assert.equal(decodeText(await fs.readFile(second.path)), '---\nauthor: Ana Berg\ncreated: 2026-12-01\nresolved: true\n---\n\nFound it: yes.\n');
    const index = await new LearningsWorkspace(fs).load();
    const thread = index.thread(NOTE);
    assert.deepEqual(thread.replies.map((x) => x.body.trim()), ['Does this still hold?', 'Found it: yes.']);
    assert.equal(thread.state, 'resolved');
    assert.equal(index.replyCount(NOTE), 2);
  });

  it('resolves and reopens with minimal diffs: one line, and reopening restores the file', () => {
    const text = '---\r\nauthor: Ana   # she asked\r\ncreated: 2026-12-01\r\nmood: curious\r\n---\r\n\r\nQ?\r\n';
    const resolved = setResolvedField(text, true);
    assert.equal(resolved, '---\r\nauthor: Ana   # she asked\r\ncreated: 2026-12-01\r\nmood: curious\r\nresolved: true\r\n---\r\n\r\nQ?\r\n');
    assert.equal(setResolvedField(resolved, false), resolved.replace('resolved: true', 'resolved: false'));
    assert.equal(setResolvedField(resolved, undefined), text);
    const thread = buildThread({ path: NOTE }, [{ path: `${DIR}/a.md`, note: NOTE, author: 'Ana', created: '2026-12-01', body: 'Q?', bodyLine: 7 }]);
    const change = planResolve(thread, true, () => text)!;
    assert.equal(change.after, resolved);
    const reopened = buildThread({ path: NOTE }, [{ ...thread.replies[0], resolved: true }]);
    assert.equal(planResolve(reopened, false, () => resolved)!.after, text);
    assert.equal(planResolve(reopened, true, () => resolved), undefined);
    assert.throws(() => planResolve(buildThread({ path: NOTE }, []), true, () => ''), /no reply yet/);
  });

  it('warns about a reply to a note that does not exist, naming both, and names a broken reply', async () => {
    const fs = new MemoryFileSystem({
      [NOTE]: note,
      '.learnings/replies/2026-01-01-gone/2026-12-01-ana.md': reply('Ana', '2026-12-01'),
      [`${DIR}/2026-12-01-bad.md`]: '---\nauthor: Bo\ncreated: 2026-13-45\n---\nx\n',
    });
    const index = await new LearningsWorkspace(fs).load();
    const lines = index.problems().map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`);
    assert.deepEqual(lines.sort(), [
      `${DIR}/2026-12-01-bad.md:3: error: created must be a date YYYY-MM-DD, not "2026-13-45"`,
      '.learnings/replies/2026-01-01-gone/2026-12-01-ana.md: warning: reply to .learnings/notes/2026-01-01-gone.md, which does not exist',
    ].sort());
    assert.equal(index.problemsOf('.learnings/replies/2026-01-01-gone/2026-12-01-ana.md').length, 1);
    assert.equal(index.size, 1);
  });

  it('follows a reply file as it changes and goes', async () => {
    const fs = new MemoryFileSystem({ [NOTE]: note });
    const ws = new LearningsWorkspace(fs);
    await ws.load();
    const created = await createReply(fs, layout, { note: NOTE, author: 'Bo', created: '2026-12-02', body: 'Same here.' });
    await ws.refresh(created.path);
    assert.equal(ws.index.thread(NOTE).replies.length, 1);
    await fs.delete(created.path);
    await ws.refresh(created.path);
    assert.equal(ws.index.thread(NOTE).state, 'none');
  });
});
