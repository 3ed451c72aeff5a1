import * as assert from 'node:assert/strict';
import type { Note } from '../../../../src/core/model';
import { escapeHtml } from '../../../../src/core/render/html';
import { hrefKind, isExternalUrl, resolveWorkspaceLink } from '../../../../src/core/render/linkPolicy';
import { createSafeMarkdown, type RenderedLinks } from '../../../../src/core/render/safeMarkdown';
import { DEFAULT_LABELS, renderNoteHtml } from '../../../../src/core/render/notePage';

const NOTE_PATH = '.learnings/notes/2026-11-23-hostile.md';

function note(fields: Partial<Note> = {}): Note {
  return {
    path: NOTE_PATH,
    title: 'A note',
    kind: 'lesson',
    topics: [],
    anchors: [],
    endorsed: [],
    body: '',
    bodyLine: 1,
    ...fields,
  };
}

// A small, strict reader of the tags in the output. Text never contains a raw
// `<` (it is escaped), so every `<` + letter starts a real tag; `tags()` fails
// the test if one of them is not a well-formed tag it can read.
interface Tag {
  name: string;
  attrs: Map<string, string>;
}
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(TAG)) {
    const attrs = new Map<string, string>();
    for (const a of m[2].matchAll(ATTR)) attrs.set(a[1].toLowerCase(), unescape(a[2] ?? a[3] ?? a[4] ?? ''));
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  const opened = (html.match(/<[a-zA-Z]/g) ?? []).length;
  assert.equal(out.length, opened, `a tag in the output is not well formed:\n${html}`);
  return out;
}

function links(html: string): Tag[] {
  return tags(html).filter((t) => t.name === 'a');
}

function hrefs(html: string): string[] {
  return links(html)
    .map((t) => t.attrs.get('href'))
    .filter((h): h is string => h !== undefined);
}

const md = createSafeMarkdown();
const render = (body: string) => md.render(body, { notePath: NOTE_PATH });

const DANGEROUS = [
  ['javascript', '[x](javascript:alert(1))'],
  ['upper-case JAVASCRIPT', '[x](JAVASCRIPT:alert(1))'],
  ['spaces before javascript', '[x](  javascript:alert(1))'],
  ['javascript in angle brackets', '[x](<javascript:alert(1)>)'],
  ['javascript with an entity colon', '[x](javascript&colon;alert(1))'],
  ['javascript with a tab entity', '[x](java&#9;script:alert(1))'],
  ['javascript percent-encoded colon', '[x](javascript%3Aalert(1))'],
  ['data', '[x](data:text/html,<script>alert(1)</script>)'],
  ['data base64', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['vbscript', '[x](vbscript:msgbox(1))'],
  ['file', '[x](file:///etc/passwd)'],
  ['command', '[x](command:workbench.action.terminal.new)'],
  ['command with arguments', '[x](command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D)'],
  ['vscode', '[x](vscode://ms-vscode.remote-server/install)'],
  ['other scheme', '[x](ftp://example.com/a)'],
  ['protocol-relative', '[x](//evil.com)'],
  ['protocol-relative with backslashes', '[x](\\\\evil.com)'],
  ['protocol-relative mixed slashes', '[x](/\\evil.com)'],
  ['reference definition', '[x][r]\n\n[r]: javascript:alert(1)'],
  ['autolink', '<javascript:alert(1)>'],
  ['autolink vbscript', '<vbscript:msgbox(1)>'],
  ['bare protocol-relative text', 'see //evil.com today'],
] as const;

describe('render/markdown: escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves other text as it is', () => {
    assert.equal(escapeHtml('Kari Nordmann · 2026 – æøå'), 'Kari Nordmann · 2026 – æøå');
  });
});

describe('render/markdown: link policy', () => {
  it('allows http, https and mailto as external links', () => {
    for (const url of ['http://example.com', 'https://example.com/a?b=c#d', 'HTTPS://EXAMPLE.COM', 'mailto:kari@example.com']) {
      assert.equal(hrefKind(url), 'external', url);
    }
  });

  it('allows fragments and relative paths', () => {
    assert.equal(hrefKind('#what-we-learned'), 'fragment');
    assert.equal(hrefKind('src/x.ts'), 'relative');
    assert.equal(hrefKind('../../src/x.ts'), 'relative');
    assert.equal(hrefKind('/src/x.ts'), 'relative');
  });

  it('blocks every other scheme, however it is spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'javascript%3Aalert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,x',
      'data:image/png;base64,AAAA',
      'file:///etc/passwd',
      'command:workbench.action.terminal.new',
      'vscode://x',
      'vscode-webview://x',
      'ftp://example.com',
      'c:/windows/system32',
      '',
      '   ',
    ]) {
      assert.equal(hrefKind(url), 'blocked', JSON.stringify(url));
    }
  });

  it('blocks protocol-relative URLs in their slash and backslash spellings', () => {
    for (const url of ['//evil.com', '\\\\evil.com', '/\\evil.com', '\\/evil.com', '%2F%2Fevil.com', '\\evil']) {
      assert.equal(hrefKind(url), 'blocked', url);
    }
  });

  it('knows an absolute http(s) or mailto URL', () => {
    assert.equal(isExternalUrl('https://example.com/x'), true);
    assert.equal(isExternalUrl('mailto:a@example.com'), true);
    assert.equal(isExternalUrl('https://'), false, 'no host');
    assert.equal(isExternalUrl('javascript:alert(1)'), false);
    assert.equal(isExternalUrl('src/x.ts'), false);
    assert.equal(isExternalUrl(42 as unknown as string), false);
  });

  it('resolves workspace links: bare paths from the root, ./ and ../ from the note, / from the root', () => {
    assert.equal(resolveWorkspaceLink('src/x.ts', NOTE_PATH), 'src/x.ts');
    assert.equal(resolveWorkspaceLink('../../src/x.ts', NOTE_PATH), 'src/x.ts');
    assert.equal(resolveWorkspaceLink('./other.md', NOTE_PATH), '.learnings/notes/other.md');
    assert.equal(resolveWorkspaceLink('/src/x.ts', NOTE_PATH), 'src/x.ts');
    assert.equal(resolveWorkspaceLink('src/my%20file.ts#L3', NOTE_PATH), 'src/my file.ts');
    assert.equal(resolveWorkspaceLink('src/./a/../x.ts?raw', NOTE_PATH), 'src/x.ts');
  });

  it('refuses workspace links that leave the workspace or are not paths', () => {
    for (const href of ['../../../etc/passwd', '../../../x', '/../x', 'src/../../x', 'src\\x.ts', 'https://example.com', '#top', '?q', 'javascript:x']) {
      assert.equal(resolveWorkspaceLink(href, NOTE_PATH), undefined, href);
    }
  });
});

describe('render/markdown: createSafeMarkdown on hostile input', () => {
  it('renders raw HTML as text', () => {
    assert.equal(md.options.html, false);
    const html = render('Hello <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n<div onclick="x()">block</div>\n');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), html);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
    assert.ok(html.includes('&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;'), html);
    assert.deepEqual(
      tags(html).map((t) => t.name),
      ['p', 'p'],
    );
  });

  for (const [name, source] of DANGEROUS) {
    it(`makes no link of ${name}`, () => {
      const html = render(`${source}\n`);
      assert.notEqual(html.trim(), '', 'rendered nothing');
      assert.deepEqual(hrefs(html), [], html);
      for (const tag of tags(html)) {
        for (const [attr, value] of tag.attrs) {
          assert.doesNotMatch(value, /(java|vb)script|data:|file:|command:|vscode:|evil\.com/i, `<${tag.name} ${attr}="${value}">`);
        }
      }
    });
  }

  it('never writes an image that loads: remote, data or relative', () => {
    const html = render('![a](https://evil.com/x.png) ![b](data:image/png;base64,AAAA) ![c](docs/arch.png "Arch") ![](https://evil.com/y.png) ![e](../../../../etc/e.png)\n');
    assert.ok(!tags(html).some((t) => t.name === 'img' || t.attrs.has('src') || t.attrs.has('srcset')), html);
    assert.doesNotMatch(html, /<img/i);
    // The remote image is a plain link to it, the local one a workspace link, the data one stays source text.
    const remote = links(html).find((t) => t.attrs.get('href') === 'https://evil.com/x.png');
    assert.ok(remote, html);
    assert.equal(remote.attrs.get('rel'), 'noopener noreferrer');
    assert.ok(html.includes(' ![b](data:image/png;base64,AAAA) '), html);
    assert.ok(html.includes('<span class="image-alt"><span class="image-label">Image</span> e</span>'), 'an image outside the workspace is its alt text');
    const local = links(html).find((t) => t.attrs.get('data-href') === 'docs/arch.png');
    assert.ok(local, html);
    assert.equal(local.attrs.get('title'), 'Arch');
    assert.ok(html.includes('Image</span> https://evil.com/y.png</a>'), 'an image without alt text shows its URL');
  });

  it('keeps an https link, with rel="noopener noreferrer" and its title', () => {
    const html = render('[ok](https://example.com "The \\"site\\"")\n');
    const [a] = links(html);
    assert.equal(a?.attrs.get('href'), 'https://example.com');
    assert.equal(a?.attrs.get('rel'), 'noopener noreferrer');
    assert.equal(a?.attrs.get('title'), 'The "site"');
    assert.ok(html.includes('>ok</a>'), html);
  });

  it('keeps a mailto link and a fragment link', () => {
    const html = render('[mail](mailto:kari@example.com) [up](#top)\n');
    assert.deepEqual(hrefs(html), ['mailto:kari@example.com', '#top']);
  });

  it('links a bare https URL but guesses no link from a domain-like word', () => {
    const html = render('See https://example.com/docs and example.com or notes.md or kari@example.com.\n');
    assert.deepEqual(hrefs(html), ['https://example.com/docs']);
  });

  it('gives a workspace link a data-href and no href', () => {
    const html = render('[file](src/x.ts) [up](../../src/y.ts) [root](/README.md)\n');
    assert.deepEqual(
      links(html).map((t) => [t.attrs.get('data-href'), t.attrs.get('href')]),
      [
        ['src/x.ts', undefined],
        ['src/y.ts', undefined],
        ['README.md', undefined],
      ],
    );
    assert.ok(links(html).every((t) => t.attrs.get('role') === 'link' && t.attrs.get('tabindex') === '0'));
  });

  it('makes no link of a relative path that leaves the workspace', () => {
    const html = render('[secret](../../../etc/passwd)\n');
    const [a] = links(html);
    assert.equal(a?.attrs.get('class'), 'link-blocked', html);
    assert.equal(a?.attrs.has('href'), false);
    assert.equal(a?.attrs.has('data-href'), false);
  });

  it('collects the links it writes', () => {
    const collected: RenderedLinks = { external: new Set(), workspace: new Set() };
    md.render('[a](https://example.com) [b](src/x.ts) [c](javascript:alert(1)) ![d](https://example.com/i.png)\n', { notePath: NOTE_PATH, links: collected });
    assert.deepEqual([...collected.external], ['https://example.com', 'https://example.com/i.png']);
    assert.deepEqual([...collected.workspace], ['src/x.ts']);
  });

  it('escapes code spans, fences and their info strings', () => {
    const html = render('`<b>x</b>`\n\n```"><script>alert(1)</script>\n<svg onload=alert(1)>\n```\n');
    assert.doesNotMatch(html, /<(script|svg|b)\b/i);
    assert.ok(html.includes('&lt;svg onload=alert(1)&gt;'), html);
    assert.ok(tags(html).every((t) => [...t.attrs.keys()].every((k) => k === 'class')), html);
  });
});

describe('render/markdown: renderNoteHtml', () => {
  const hostile = note({
    title: `<script>alert(1)</script> "quoted" & 'single'`,
    kind: `lesson"><img src=x onerror=alert(1)>`,
    topics: ['payments/webhooks', `x" onmouseover="alert(1)`, '<b>t</b>'],
    author: `Kari "<Nordmann>"`,
    created: `2026-11-23"><script>`,
    endorsed: [`Mette <script>`, `Lars "L"`],
    review: `<i>soon</i>`,
    owner: `<u>me</u>`,
    status: `open"><script>`,
    anchors: [
      { path: `src/a.ts"><script>alert(1)</script>`, lines: { start: 1, end: 2 }, snippet: 'x' },
      { path: 'src/b.ts', lines: { start: 3, end: 9 }, snippet: 'y' },
    ],
    body: ['# Body', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', ...DANGEROUS.map(([, s]) => s), '![a](https://evil.com/x.png)', '[ok](https://example.com)', '[file](src/x.ts)'].join('\n\n'),
  });

  it('escapes the title, author, dates, names, plan fields and anchor paths', () => {
    const html = renderNoteHtml(hostile);
    assert.ok(html.includes('<h1 class="note-title">&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;</h1>'), html);
    assert.ok(html.includes('<span class="author">Kari &quot;&lt;Nordmann&gt;&quot;</span>'), html);
    assert.ok(html.includes('Endorsed by Mette &lt;script&gt;, Lars &quot;L&quot;'), html);
    assert.ok(html.includes('Owner: &lt;u&gt;me&lt;/u&gt;'), html);
    assert.ok(html.includes('&lt;i&gt;soon&lt;/i&gt;'), html);
    assert.ok(html.includes('>src/a.ts&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;:1-2</a>'), html);
    assert.equal(tags(html).find((t) => t.name === 'time')?.attrs.get('datetime'), `2026-11-23"><script>`);
  });

  it('keeps quotes in topic chips inside their attribute', () => {
    const chips = tags(renderNoteHtml(hostile)).filter((t) => t.name === 'button' && t.attrs.get('class') === 'chip');
    assert.deepEqual(
      chips.map((c) => c.attrs.get('data-topic')),
      hostile.topics,
    );
    assert.ok(chips.every((c) => c.attrs.size === 3), 'a chip has exactly type, class and data-topic');
  });

  it('puts an unknown kind in its text, never in a class name', () => {
    const html = renderNoteHtml(hostile);
    const badge = tags(html).find((t) => t.attrs.get('class')?.startsWith('kind '));
    assert.equal(badge?.attrs.get('class'), 'kind kind-other');
    assert.equal(badge?.attrs.get('data-kind'), hostile.kind);
    assert.ok(html.includes('lesson&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</span>'), html);
  });

  it('writes no script, image, event handler or dangerous URL anywhere for the whole hostile corpus', () => {
    const html = renderNoteHtml(hostile, {
      endorseButton: true,
      anchors: [
        { status: 'drifted', path: 'src/a.ts', lines: { start: 1, end: 2 }, similarity: 0.8 },
        { status: 'orphaned', path: 'src/b.ts' },
      ],
    });
    const all = tags(html);
    const allowedTags = new Set(['header', 'div', 'h1', 'h2', 'p', 'span', 'time', 'nav', 'button', 'section', 'ul', 'li', 'a', 'article', 'code', 'br']);
    const allowedAttrs = new Set(['class', 'href', 'rel', 'title', 'data-href', 'data-anchor', 'data-topic', 'data-kind', 'data-action', 'role', 'tabindex', 'type', 'aria-label', 'aria-hidden', 'datetime']);
    for (const tag of all) {
      assert.ok(allowedTags.has(tag.name), `unexpected <${tag.name}>`);
      for (const [name, value] of tag.attrs) {
        assert.ok(allowedAttrs.has(name), `unexpected attribute ${name} on <${tag.name}>`);
        assert.doesNotMatch(name, /^on/i);
        if (name === 'href') assert.match(value, /^(https?:\/\/|mailto:|#)/, `href="${value}"`);
      }
    }
    // Quoted attribute values may hold the text " onmouseover=" harmlessly: look at what is outside them.
    assert.doesNotMatch(html.replace(/"[^"]*"/g, '""'), /<[^>]*\son\w+\s*=/i, 'an event handler attribute');
    assert.doesNotMatch(html, /<[^>]*(java|vb)script:/i, 'a script URL in a tag');
    assert.doesNotMatch(html, /<(script|img|iframe|object|embed|svg|style|link|meta|base|form)\b/i);
    // The corpus did render: the safe link and the workspace link are there.
    assert.deepEqual(hrefs(html), ['https://evil.com/x.png', 'https://example.com']);
    assert.ok(all.some((t) => t.attrs.get('data-href') === 'src/x.ts'));
  });

  it('renders kind, meta, plan, topics and anchors of a normal note', () => {
    const html = renderNoteHtml(
      note({
        title: 'Contract tests',
        kind: 'plan',
        topics: ['payments', 'testing/contracts'],
        author: 'Kari',
        created: '2026-06-29',
        endorsed: ['Mette'],
        owner: 'Lars',
        review: '2026-07-15',
        anchors: [
          { path: 'src/a.ts', lines: { start: 1, end: 2 }, snippet: 'x' },
          { path: 'src/b.ts', lines: { start: 3, end: 9 }, snippet: 'y' },
          { path: 'src/c.ts', lines: { start: 5, end: 5 }, snippet: 'z' },
          { path: 'src/d.ts', lines: { start: 7, end: 8 }, snippet: 'w' },
        ],
        body: 'Goal.\n',
      }),
      {
        anchors: [
          { status: 'fresh', path: 'src/a.ts', lines: { start: 1, end: 2 } },
          { status: 'moved', path: 'src/b2.ts', lines: { start: 13, end: 19 }, similarity: 1 },
          { status: 'drifted', path: 'src/c.ts', lines: { start: 6, end: 6 }, similarity: 0.823 },
          { status: 'orphaned', path: 'src/d.ts' },
        ],
      },
    );
    assert.ok(html.includes('<span class="kind kind-plan" data-kind="plan">Action plan</span>'), html);
    assert.ok(html.includes('<span class="author">Kari</span>'), html);
    assert.ok(html.includes('<time class="created" datetime="2026-06-29">2026-06-29</time>'), html);
    assert.ok(html.includes('<span class="endorsed">Endorsed by Mette</span>'), html);
    assert.ok(html.includes('<span class="plan-status plan-status-open">Status: open</span>'), 'a plan without status is open');
    assert.ok(html.includes('Owner: Lars'), html);
    assert.ok(html.includes('Next check-in: <time datetime="2026-07-15">2026-07-15</time>'), html);
    assert.deepEqual(
      tags(html).filter((t) => t.name === 'button').map((t) => t.attrs.get('data-topic')),
      ['payments', 'testing/contracts'],
    );
    assert.ok(html.includes('<li class="anchor anchor-fresh"><a class="anchor-link" data-anchor="0" role="link" tabindex="0">src/a.ts:1-2</a> <span class="anchor-status">fresh</span></li>'), html);
    assert.ok(html.includes('<span class="anchor-status">moved to src/b2.ts:13-19</span>'), html);
    assert.ok(html.includes('<li class="anchor anchor-drifted"><a class="anchor-link" data-anchor="2"'), html);
    assert.ok(html.includes('<span class="anchor-status">drifted, 82% similar</span>'), html);
    assert.ok(html.includes('<li class="anchor anchor-orphaned"><a class="anchor-link" data-anchor="3" role="link" tabindex="0">src/d.ts:7-8</a> <span class="anchor-status">orphaned</span>'), html);
    assert.ok(html.includes('<article class="note-body">\n<p>Goal.</p>\n</article>'), html);
    assert.doesNotMatch(html, /data-action="endorse"/, 'no endorse button unless asked');
  });

  it('gives no status mark without a status, and no plan line for a lesson', () => {
    const html = renderNoteHtml(note({ anchors: [{ path: 'src/a.ts', lines: { start: 1, end: 2 }, snippet: 'x' }] }));
    assert.ok(html.includes('<li class="anchor"><a class="anchor-link" data-anchor="0" role="link" tabindex="0">src/a.ts:1-2</a></li>'), html);
    assert.doesNotMatch(html, /anchor-status|note-plan|note-topics/);
  });

  it('uses the labels it is given, escaped', () => {
    const html = renderNoteHtml(note({ kind: 'win', endorsed: ['A'], topics: ['t'] }), {
      endorseButton: true,
      labels: { kind: (k) => `<${k}>`, endorsedBy: (n) => `Anbefalt av ${n}`, endorse: 'Anbefal "nå"', topics: 'Emner' },
    });
    assert.ok(html.includes('>&lt;win&gt;</span>'), html);
    assert.ok(html.includes('Anbefalt av A'), html);
    assert.ok(html.includes('<button type="button" class="endorse" data-action="endorse">Anbefal &quot;nå&quot;</button>'), html);
    assert.ok(html.includes('aria-label="Emner"'), html);
    assert.equal(DEFAULT_LABELS.kind('constructor'), 'constructor', 'an unknown kind is its own label, even a prototype key');
  });
});
