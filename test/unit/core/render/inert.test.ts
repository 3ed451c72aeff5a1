// Note text written into markdown someone else renders, or into VS Code
// labels: nothing from a note becomes a link, an image, HTML, an icon, or
// text that reads in another order.

import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { escapeCodicons, inertMarkdownKeepingCode, inertMarkdownText, inertMarkdownWithIcons, revealBidi } from '../../../../src/core/render/inert';

const gfm = new MarkdownIt({ html: true, linkify: true });

describe('inert', () => {
  it('inertMarkdownText: no link, image, HTML, autolink or entity stays live, and it reads as typed', () => {
    for (const text of ['[x](javascript:alert(1))', '![p](https://evil/p.png)', '<img src=x onerror=alert(1)>', 'see https://evil.com and www.evil.com', 'mail mailto:a@b.c', '&lt;b&gt; &amp;', 'command:workbench.action.quit']) {
      const html = gfm.renderInline(inertMarkdownText(text));
      assert.doesNotMatch(html, /<(a|img)\b/i, `${text} -> ${html}`);
      assert.doesNotMatch(html, /<[a-z]/i, `no HTML: ${html}`);
      // What a reader sees is what the note says.
      const shown = html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      assert.equal(shown, text, `reads as typed: ${html}`);
    }
  });

  it('inertMarkdownKeepingCode: a code span reads as code; nothing else from the note is live, inside a span or out', () => {
    const html = gfm.renderInline(inertMarkdownKeepingCode('Set `lock_timeout` on `refund.completed` <b>now</b>'));
    assert.equal(html, 'Set <code>lock_timeout</code> on <code>refund.completed</code> &lt;b&gt;now&lt;/b&gt;');
    for (const text of ['`[x](javascript:alert(1))`', '`<img src=x onerror=alert(1)>`', 'a ` b [x](javascript:alert(1)) ` c', 'one ` alone <i>x</i>', '`https://evil.com` www.evil.com', '\\`[x](javascript:alert(1))`']) {
      const out = gfm.renderInline(inertMarkdownKeepingCode(text));
      assert.doesNotMatch(out, /<(a|img|i|b)\b/i, `${text} -> ${out}`);
      assert.doesNotMatch(out.replace(/<\/?code>/g, ''), /<[a-z]/i, `no HTML but code: ${out}`);
    }
    // Inside a link the digest writes, a span cannot close the link early.
    const link = gfm.renderInline(`[${inertMarkdownKeepingCode('`a](javascript:alert(1))`')}](<notes/a.md>)`);
    assert.match(link, /^<a href="notes\/a\.md"><code>a\]\(javascript:alert\(1\)\)<\/code><\/a>$/, link);
  });

  it('inertMarkdownText: line ends become spaces, so a note cannot start a heading or list', () => {
    assert.equal(inertMarkdownText('a\n# b\r\n- c\rd'), 'a # b - c d');
  });

  it('escapeCodicons: $(icon) shows as text; one already escaped is left as it is', () => {
    assert.equal(escapeCodicons('run $(terminal) now'), 'run \\$(terminal) now');
    assert.equal(escapeCodicons('$(sync~spin)'), '\\$(sync~spin)');
    assert.equal(escapeCodicons('\\$(x)'), '\\$(x)');
    assert.equal(escapeCodicons('cost $5 (net)'), 'cost $5 (net)');
  });

  it('inertMarkdownWithIcons: the text escaped by the given function, each icon as \\$(name)', () => {
    const escape = (t: string) => t.replace(/[*_[\]()]/g, (c) => `\\${c}`);
    assert.equal(inertMarkdownWithIcons('**bold** $(alert) [x](y)', escape), '\\*\\*bold\\*\\* \\$(alert) \\[x\\]\\(y\\)');
    assert.equal(inertMarkdownWithIcons('no icons', escape), 'no icons');
  });

  it('revealBidi: each control that reorders text is shown as \\uXXXX', () => {
    assert.equal(revealBidi('invoice\u202efdp.exe'), 'invoice\\u202efdp.exe');
    assert.equal(revealBidi('\u2066a\u2069\u200f\u061c'), '\\u2066a\\u2069\\u200f\\u061c');
    assert.equal(revealBidi('plain Åtgärd'), 'plain Åtgärd');
  });
});
