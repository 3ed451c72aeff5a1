// The dialog in the team loop: the digest's open questions and reply counts,
// repliers as contributors, the dashboard's open threads.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { buildDigest } from '../../../../src/core/teamLoop/digest';
import { renderDigestHtml, renderDigestMarkdown } from '../../../../src/core/teamLoop/digestRender';
import { contributorsSummary, dialogSummary } from '../../../../src/core/teamLoop/dashboardModel';

const note = (title: string) => `---\ntitle: ${title}\nauthor: Kari\ncreated: 2026-10-01\n---\nBody.\n`;
const reply = (author: string, created: string, extra = '', body = 'Text.') => `---\nauthor: ${author}\ncreated: ${created}\n${extra}---\n\n${body}\n`;

async function load() {
  const fs = new MemoryFileSystem({
    '.learnings/notes/asked.md': note('Retry <b>webhooks</b>'),
    '.learnings/notes/answered.md': note('Pool timeouts'),
    '.learnings/notes/quiet.md': note('Quiet one'),
    '.learnings/replies/asked/2026-11-10-ana.md': reply('Ana', '2026-11-10', '', 'Still true after v2?'),
    '.learnings/replies/asked/2026-11-12-bo.md': reply('Bo', '2026-11-12', '', 'Same here.'),
    '.learnings/replies/answered/2026-11-11-ana.md': reply('Ana', '2026-11-11', '', 'Why 5 s?'),
    '.learnings/replies/answered/2026-11-11-kari.md': reply('Kari', '2026-11-11', 'resolved: true\n', 'Our p99.'),
  });
  return new LearningsWorkspace(fs).load();
}

describe('dialog in the team loop', () => {
  it('the digest lists the open questions (threads not resolved) and counts the period\'s replies', async () => {
    const index = await load();
    const d = buildDigest(index, { since: '2026-11-01', until: '2026-11-30', today: '2026-11-30' });
    assert.deepEqual(d.openQuestions.map((q) => q.note.title), ['Retry <b>webhooks</b>']);
    assert.equal(d.replies, 4);
    const md = renderDigestMarkdown(d);
    assert.match(md, /^## Open questions\n\n- \[\*\*Retry \\<b\\>webhooks\\<\/b\\>\*\*\]\(<\.learnings\/notes\/asked\.md>\): 2 replies from Ana, Bo, last 2026-11-12\n\n4 replies in this period\.\n$/m);
    // Who replied contributed: Ana and Bo wrote no note in November.
    assert.match(md, /Ana \(0 notes, 2 replies\), Bo \(0 notes, 1 reply\), Kari \(0 notes, 1 reply\)\. Thank you!/);
    const html = renderDigestHtml(d);
    assert.ok(html.includes('<h2>Open questions</h2>\n<ul><li><strong>Retry &lt;b&gt;webhooks&lt;/b&gt;</strong>'), html);
    // Outside the period: the open question is still open; no reply is counted.
    const later = buildDigest(index, { since: '2026-12-01', until: '2026-12-14', today: '2026-12-14' });
    assert.equal(later.openQuestions.length, 1);
    assert.equal(later.replies, 0);
    assert.ok(!renderDigestMarkdown(later).includes('replies in this period'));
  });

  it('the dashboard shows the open threads and who replied, and counts repliers as contributors', async () => {
    const index = await load();
    const dialog = dialogSummary(index.notes(), (p) => index.thread(p), index.replies(), '2026-11-30');
    assert.deepEqual(dialog.open.map((t) => [t.title, t.replies, t.lastActivity]), [['Retry <b>webhooks</b>', 2, '2026-11-12']]);
    assert.deepEqual(dialog.repliers, ['Ana', 'Bo', 'Kari']);
    const people = contributorsSummary(index.notes(), '2026-11-30', 30, index.replies()).people;
    assert.deepEqual(people.map((p) => [p.name, p.contributions]), [['Ana', 2], ['Bo', 1], ['Kari', 1]]);
  });
});
