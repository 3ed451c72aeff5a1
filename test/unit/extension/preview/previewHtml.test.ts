// The preview's document and message checks: the parts of the webview that
// need no VS Code to test.
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, makeNonce, previewDocument } from '../../../../src/extension/preview/previewHtml';
import { parsePreviewMessage } from '../../../../src/extension/preview/messages';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

function doc(overrides: Partial<Parameters<typeof previewDocument>[0]> = {}): string {
  return previewDocument({
    cspSource: CSP_SOURCE,
    nonce: 'abc123',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js',
    lang: 'en',
    title: 'T',
    notePath: '.learnings/notes/n.md',
    body: '<h1>Body</h1>',
    ...overrides,
  });
}

describe('preview: the HTML document', () => {
  it('has a strict CSP: nothing by default, styles and images from the extension, scripts only by nonce', () => {
    const csp = contentSecurityPolicy(CSP_SOURCE, 'abc123');
    const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    assert.equal(directives.get('default-src'), "'none'");
    assert.equal(directives.get('script-src'), "'nonce-abc123'");
    assert.equal(directives.get('style-src'), CSP_SOURCE);
    assert.equal(directives.get('img-src'), CSP_SOURCE);
    assert.equal(directives.get('font-src'), CSP_SOURCE);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*(?!\.)|https?:(?!\/\/\*\.vscode-cdn)/);
  });

  it('puts the CSP in a meta tag and the nonce on its only script', () => {
    const html = doc();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(meta, html);
    assert.equal(meta[1], contentSecurityPolicy(CSP_SOURCE, 'abc123'));
    assert.ok(meta[1].includes("default-src 'none'"), 'readable as written');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script nonce="abc123" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js">']);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link rel="stylesheet"'), 'the CSP comes before any resource');
  });

  it('escapes the title, language, note path and CSP source it is given', () => {
    const html = doc({ title: '</title><script>alert(1)</script>', lang: 'en"><x', notePath: '.learnings/notes/"><x.md', cspSource: 'x"><script>' });
    assert.ok(html.includes("style-src x&quot;&gt;&lt;script&gt;;"), html);
    assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'), html);
    assert.ok(html.includes('<html lang="en&quot;&gt;&lt;x">'), html);
    assert.ok(html.includes('data-note=".learnings/notes/&quot;&gt;&lt;x.md"'), html);
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
  });

  it('marks a deleted note', () => {
    assert.match(doc({ state: 'deleted' }), /<body data-state="deleted"/);
    assert.match(doc(), /<body data-state="note"/);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => makeNonce()));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.match(n, /^[0-9a-f]{32}$/);
  });
});

describe('preview: messages from the page', () => {
  it('accepts the five messages in their exact shapes', () => {
    assert.deepEqual(parsePreviewMessage({ type: 'openAnchor', index: 2 }), { type: 'openAnchor', index: 2 });
    assert.deepEqual(parsePreviewMessage({ type: 'revealTopic', topic: 'payments/webhooks' }), { type: 'revealTopic', topic: 'payments/webhooks' });
    assert.deepEqual(parsePreviewMessage({ type: 'openLink', href: 'https://example.com/a' }), { type: 'openLink', href: 'https://example.com/a' });
    assert.deepEqual(parsePreviewMessage({ type: 'openFile', path: './src//x.ts' }), { type: 'openFile', path: 'src/x.ts' });
    assert.deepEqual(parsePreviewMessage({ type: 'endorse' }), { type: 'endorse' });
  });

  it('refuses anything else', () => {
    const refused: unknown[] = [
      undefined,
      null,
      'openAnchor',
      [],
      {},
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'openAnchor', index: -1 },
      { type: 'openAnchor', index: 1.5 },
      { type: 'openAnchor', index: '1' },
      { type: 'openAnchor', index: Number.MAX_VALUE },
      { type: 'openAnchor' },
      { type: 'revealTopic', topic: 42 },
      { type: 'revealTopic', topic: '' },
      { type: 'revealTopic', topic: 'x'.repeat(5000) },
      { type: 'openLink', href: 'javascript:alert(1)' },
      { type: 'openLink', href: 'command:workbench.action.terminal.new' },
      { type: 'openLink', href: 'file:///etc/passwd' },
      { type: 'openLink', href: 'vscode://x' },
      { type: 'openLink', href: '//evil.com' },
      { type: 'openLink', href: { toString: () => 'https://example.com' } },
      { type: 'openFile', path: '../etc/passwd' },
      { type: 'openFile', path: 'src/../../x' },
      { type: 'openFile', path: '/etc/passwd' },
      { type: 'openFile', path: 'C:/Windows/win.ini' },
      { type: 'openFile', path: 'src\\x.ts' },
      { type: 'openFile', path: 'file:///etc/passwd' },
      { type: 'openFile', path: '' },
    ];
    for (const m of refused) assert.equal(parsePreviewMessage(m), undefined, JSON.stringify(m));
  });
});
