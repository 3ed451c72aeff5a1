// The digest's structure, decided in core: each note once (a win under Wins
// only), parents before subtopics, check-ins grouped by plan, links to the
// notes relative to where the digest is read, code spans as code in HTML, the
// kind named as everywhere else, and one default period.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { buildDigest, DEFAULT_DIGEST_DAYS } from '../../../../src/core/teamLoop/digest';
import { relativeLink, renderDigestHtml, renderDigestMarkdown } from '../../../../src/core/teamLoop/digestRender';
import { NOTE_KINDS } from '../../../../src/core/notes/kinds';

const note = (title: string, fm: string, body = 'Body.') => `---\ntitle: ${title}\n${fm}\ncreated: 2026-11-10\nauthor: Ann\n---\n${body}\n`;

async function digest() {
  const fs = new MemoryFileSystem({
    '.learnings/notes/a.md': note('Two topics', 'topics: [payments/webhooks, reliability]'),
    '.learnings/notes/b.md': note('Parent topic', 'topics: [payments]'),
    '.learnings/notes/c.md': note('A win', 'kind: win\ntopics: [payments]'),
    '.learnings/notes/d.md': note('A retro', 'kind: retro\ntopics: [reliability]', 'Use `lock_timeout` always.'),
    '.learnings/notes/p1.md': note('Zeta plan', 'kind: plan\nstatus: open', '## Check-ins\n\n- 2026-11-11: one\n- 2026-11-14: three'),
    '.learnings/notes/p2.md': note('Alpha plan', 'kind: plan\nstatus: open', '## Check-ins\n\n- 2026-11-12: two'),
  });
  const index = await new LearningsWorkspace(fs).load();
  return buildDigest(index, { since: '2026-11-01', until: '2026-11-30', today: '2026-11-30' });
}

describe('digest', () => {
  it('lists each note once: under its first topic, a win under Wins only', async () => {
    const d = await digest();
    const listed = [...d.byTopic.flatMap((g) => g.notes), ...d.wins].map((n) => n.title).sort();
    assert.deepEqual(listed, ['A retro', 'A win', 'Alpha plan', 'Parent topic', 'Two topics', 'Zeta plan']);
    assert.deepEqual(d.byTopic.find((g) => g.slug === 'payments/webhooks')?.notes.map((n) => n.title), ['Two topics']);
    assert.ok(!d.byTopic.some((g) => g.notes.some((n) => n.kind === 'win')));
  });

  it('puts a parent topic before its subtopics, notes without a topic last', async () => {
    assert.deepEqual((await digest()).byTopic.map((g) => g.slug), ['payments', 'payments/webhooks', 'reliability', '']);
  });

  it('groups the check-ins by plan, each plan by date', async () => {
    const d = await digest();
    assert.deepEqual(
      d.checkInsByPlan.map((p) => [p.note.title, p.entries.map((e) => e.date)]),
      [['Alpha plan', ['2026-11-12']], ['Zeta plan', ['2026-11-11', '2026-11-14']]],
    );
    const md = renderDigestMarkdown(d);
    assert.match(md, /^- \[\*\*Zeta plan\*\*\]\(<\.learnings\/notes\/p1\.md>\)\n {2}- 2026-11-11: one\n {2}- 2026-11-14: three$/m);
  });

  it('links each note, relative to the folder the digest is read from', async () => {
    const d = await digest();
    assert.match(renderDigestMarkdown(d), /^- \[\*\*Two topics\*\*\]\(<\.learnings\/notes\/a\.md>\)/m);
    assert.match(renderDigestMarkdown(d, undefined, { from: 'docs/meetings' }), /\(<\.\.\/\.\.\/\.learnings\/notes\/a\.md>\)/);
    assert.equal(relativeLink('.learnings/notes/a.md', '.learnings'), 'notes/a.md');
    assert.ok(!/<a\s/.test(renderDigestHtml(d)), 'the self-contained HTML page links nowhere');
  });

  it('shows code spans as code in HTML, never raw backticks', async () => {
    const html = renderDigestHtml(await digest());
    assert.ok(html.includes('Use <code>lock_timeout</code> always.'));
    assert.ok(!html.replace(/<style>[\s\S]*<\/style>/, '').includes('`'));
  });

  it('names a kind with the one table the editor translates ("retrospective", not "retro")', async () => {
    const md = renderDigestMarkdown(await digest());
    assert.match(md, /\*\*A retro\*\*\]\([^)]*\) \(retrospective, Ann, 2026-11-10\)/);
    assert.equal(NOTE_KINDS.retro.label, 'Retrospective');
    assert.equal(DEFAULT_DIGEST_DAYS, 14);
  });
});
