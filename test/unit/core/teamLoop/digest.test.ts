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

  it('keeps code spans as code spans in markdown, not escaped backticks', async () => {
    const md = renderDigestMarkdown(await digest());
    assert.ok(md.includes('Use `lock_timeout` always.'), md);
    assert.ok(!md.includes('\\`'), 'an escaped backtick in the markdown digest');
  });

  it('names a kind with the one table the editor translates ("retrospective", not "retro")', async () => {
    const md = renderDigestMarkdown(await digest());
    assert.match(md, /\*\*A retro\*\*\]\([^)]*\) \(retrospective, Ann, 2026-11-10\)/);
    assert.equal(NOTE_KINDS.retro.label, 'Retrospective');
    assert.equal(DEFAULT_DIGEST_DAYS, 14);
  });
});

describe('digest: the learning plan', () => {
  const goal = (title: string, fm: string) => `---\ntitle: ${title}\n${fm}\n---\nWhy.\n`;
  async function planDigest() {
    const fs = new MemoryFileSystem({
      '.learnings/goals/asvs.md': goal('ASVS level 2', 'topics: [security]\ndue: 2026-11-20\nstatus: open\ncreated: 2026-09-01'),
      '.learnings/goals/db.md': goal('Safe migrations', 'topics: [database]\ndue: 2027-06-30\nstatus: open\ncreated: 2026-09-01'),
      '.learnings/notes/p1.md': note('ASVS plan', 'kind: plan\nstatus: open\ngoal: asvs', '## Check-ins\n\n- 2026-10-01: before\n- 2026-11-12: in the period'),
      '.learnings/notes/p2.md': note('DB plan', 'kind: plan\nstatus: done\ngoal: db', '## Check-ins\n\n- 2026-11-13: done, the linter is in CI'),
      '.learnings/notes/w.md': note('Linter caught a lock', 'kind: win\ngoal: db'),
      '.learnings/notes/s1.md': note('"Talk: sessions"', 'kind: session\ndate: 2026-11-18\nhost: Aisha\ngoal: asvs'),
      '.learnings/notes/s2.md': note('"Workshop: EXPLAIN"', 'kind: session\ndate: 2026-10-02\ngoal: db'),
      '.learnings/notes/s3.md': note('"Talk: chaos <b>tests</b>"', 'kind: session\ndate: 2027-01-14\nhost: Tomás'),
    });
    const index = await new LearningsWorkspace(fs).load();
    return buildDigest(index, { since: '2026-11-01', until: '2026-11-30', today: '2026-11-30' });
  }

  it("gives each goal's state and progress, what served it in the period, and the sessions held in it and coming", async () => {
    const d = await planDigest();
    assert.deepEqual(
      d.learningPlan.map((g) => [g.progress.goal.slug, g.progress.state, g.checkIns, g.sessionsHeld.map((n) => n.title), g.wins.map((n) => n.title), g.plansClosed.map((n) => n.title)]),
      [
        ['asvs', 'overdue', 1, ['Talk: sessions'], [], []],
        ['db', 'on-track', 1, [], ['Linter caught a lock'], ['DB plan']],
      ],
    );
    assert.deepEqual(d.sessionsHeld.map((n) => n.title), ['Talk: sessions'], 'the October session is before the period');
    assert.deepEqual(d.sessionsComing.map((n) => n.title), ['Talk: chaos <b>tests</b>']);
  });

  it('renders a "Learning plan" section in markdown and HTML, note text escaped', async () => {
    const d = await planDigest();
    const md = renderDigestMarkdown(d);
    const section = /^## Learning plan\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(md)?.[1] ?? '';
    assert.match(section, /^- \*\*ASVS level 2\*\*: overdue · 0 of 1 plan done · 1 session held, 0 planned · 0 wins \(in this period: 1 check-in, 1 session held\)$/m);
    assert.match(section, /^- \*\*Safe migrations\*\*: on track · 1 of 1 plan done · 1 session held, 0 planned · 1 win \(in this period: 1 check-in, 1 win, 1 plan closed\)$/m);
    assert.match(section, /^Sessions held:\n\n- 2026-11-18: Talk: sessions \(Aisha\)$/m);
    assert.match(section, /^Sessions coming:\n\n- 2027-01-14: Talk: chaos \\<b\\>tests\\<\/b\\> \(Tomás\)$/m);
    const html = renderDigestHtml(d);
    assert.match(html, /<h2>Learning plan<\/h2>\n<ul><li><strong>ASVS level 2<\/strong>: overdue/);
    assert.ok(html.includes('Talk: chaos &lt;b&gt;tests&lt;/b&gt; (Tomás)') && !html.includes('<b>tests'), 'a session title is escaped');
  });

  it('has no such section without goals or sessions', async () => {
    assert.ok(!renderDigestMarkdown(await digest()).includes('## Learning plan'));
  });
});
