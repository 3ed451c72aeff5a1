// The preview's thread: replies in order with who and when, bodies through
// the safe markdown engine (no script, no command link, no remote image), a
// reply box, and Resolve or Reopen by the thread's state; the messages the
// page may send about it are checked.

import * as assert from 'node:assert/strict';
import { createSafeMarkdown } from '../../../../src/core/render/safeMarkdown';
import { renderThreadHtml } from '../../../../src/core/dialog/threadHtml';
import { buildThread } from '../../../../src/core/dialog/thread';
import { parsePreviewMessage } from '../../../../src/extension/preview/messages';

const NOTE = '.learnings/notes/n.md';
const reply = (name: string, author: string, created: string, body: string, resolved?: boolean) => ({ path: `.learnings/replies/n/${name}`, note: NOTE, author, created, resolved, body, bodyLine: 5 });

describe('dialog: the thread in the preview', () => {
  const md = createSafeMarkdown();

  it('shows each reply with author and date, and Resolve while open, Reopen once resolved', () => {
    const open = buildThread({ path: NOTE }, [reply('2026-12-01-ana.md', 'Ana', '2026-12-01', 'Still *true*?')]);
    const html = renderThreadHtml(open, md);
    assert.match(html, /<strong class="reply-author">Ana<\/strong> · <time>2026-12-01<\/time>/);
    assert.match(html, /<em>true<\/em>/);
    assert.match(html, /Thread: open/);
    assert.match(html, /data-action="resolve"/);
    assert.ok(!html.includes('data-action="reopen"'));
    const resolved = renderThreadHtml(buildThread({ path: NOTE }, [...open.replies, reply('2026-12-02-bo.md', 'Bo', '2026-12-02', 'Yes.', true)]), md);
    assert.match(resolved, /data-action="reopen"/);
    assert.match(resolved, /Bo<\/strong> · <time>2026-12-02<\/time> · <span class="reply-resolved">resolved/);
    assert.match(renderThreadHtml(buildThread({ path: NOTE }, []), md), /No replies yet\./);
  });

  it('renders a hostile reply inert: no script, no event handler, no command link, no remote image', () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)> [run](command:workbench.action.terminal.new) ![i](https://evil.example/x.png) [js](javascript:alert(3))';
    const html = renderThreadHtml(buildThread({ path: NOTE }, [reply('2026-12-01-m.md', '<b>Mallory</b>', '2026-12-01', hostile)]), md);
    assert.ok(!/<script|<img|<[^>]*\s(on\w+|src)=|href="command:|href="javascript:/i.test(html), html);
    // The image is a link to open outside, never loaded.
    assert.match(html, /<a class="image-link" href="https:\/\/evil\.example\/x\.png"/);
    assert.match(html, /&lt;b&gt;Mallory&lt;\/b&gt;/);
  });

  it('accepts a reply message with text only, and resolve/reopen as they are', () => {
    assert.deepEqual(parsePreviewMessage({ type: 'reply', text: 'Same here.' }), { type: 'reply', text: 'Same here.' });
    assert.equal(parsePreviewMessage({ type: 'reply', text: '   ' }), undefined);
    assert.equal(parsePreviewMessage({ type: 'reply', text: 42 }), undefined);
    assert.equal(parsePreviewMessage({ type: 'reply', text: 'x'.repeat(20_001) }), undefined);
    assert.deepEqual(parsePreviewMessage({ type: 'resolve' }), { type: 'resolve' });
    assert.deepEqual(parsePreviewMessage({ type: 'reopen' }), { type: 'reopen' });
  });
});
