// The note preview in a real VS Code: a hostile note renders inert, under a
// strict CSP, and a deleted note says so. Cleans up the note and its panel.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { restoresWorkspace } from './helpers';

const EXTENSION_ID = 'team-learnings.team-learnings';

interface PreviewApi {
  htmlFor(notePath: string): string | undefined;
}
interface Api {
  preview?: PreviewApi;
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const TITLE_MARK = 'Hostile <script>';

/** The preview tabs this test opened: their title is the note's. */
function ourPreviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('teamLearnings.preview') && t.label.includes(TITLE_MARK));
}

const HOSTILE_NOTE = `---
title: "Hostile <script>alert(1)</script> note"
kind: lesson
topics: [security]
author: Integration Test
created: 2026-11-23
---
Body text <script>alert(1)</script> and <img src=x onerror=alert(1)>.

[x](javascript:alert(1)) [y](JAVASCRIPT:alert(2)) [z](command:workbench.action.terminal.new)

![remote](https://evil.example/x.png)

[ok](https://example.com)
`;

describe('Note preview', function () {
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  this.timeout(30_000);
  const stamp = Date.now();
  const notePath = `.learnings/notes/2026-11-23-zz-preview-hostile-${stamp}.md`;
  let folder: vscode.WorkspaceFolder;
  let noteUri: vscode.Uri;
  let api: Api;

  before(async () => {
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    api = (await ext.activate()) ?? {};
    assert.ok(api.preview && typeof api.preview.htmlFor === 'function', 'activate() does not return { preview } with htmlFor');
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'no workspace folder is open');
    folder = first;
    noteUri = vscode.Uri.joinPath(folder.uri, ...notePath.split('/'));
    await vscode.workspace.fs.writeFile(noteUri, new TextEncoder().encode(HOSTILE_NOTE));
  });

  after(async () => {
    try {
      await vscode.workspace.fs.delete(noteUri, { useTrash: false });
    } catch {
      // already deleted by the test
    }
    const opened = ourPreviewTabs();
    if (opened.length > 0) await vscode.window.tabGroups.close(opened);
  });

  it('renders a hostile note as text, under a strict CSP with a nonce', async () => {
    const preview = api.preview!;
    // The index sees the new file when the watcher reports it; the command also re-reads a note it does not know yet.
    const html = await waitFor('the preview of the new note', async () => {
      await vscode.commands.executeCommand('teamLearnings.previewNote', notePath);
      const h = preview.htmlFor(notePath);
      return h && h.includes('data-state="note"') ? h : undefined;
    });

    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html);
    assert.ok(meta, 'no Content-Security-Policy meta tag');
    const csp = meta[1];
    assert.match(csp, /(^|;)\s*default-src 'none'\s*(;|$)/, `CSP: ${csp}`);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(csp)?.[1];
    assert.ok(nonce, `no nonce in script-src: ${csp}`);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);

    // Every script tag is ours: it carries the nonce and loads from the extension.
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    assert.equal(scripts.length, 1, `scripts: ${scripts.join(' ')}`);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`), scripts[0]);

    // The note's own markup is text.
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the script in the body is not shown as text');
    assert.ok(html.includes('Hostile &lt;script&gt;alert(1)&lt;/script&gt; note'), 'the script in the title is not shown as text');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the img in the body is not shown as text');
    assert.doesNotMatch(html, /<img\b/i);

    // No markup carries a script or command URL, an event handler or a remote source. A link the
    // policy refuses stays as its source text ("[x](javascript:alert(1))", escaped), so the check
    // is on tags, where a URL could act, not on the visible text.
    const tags = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
    for (const tag of tags) {
      assert.doesNotMatch(tag, /javascript:|vbscript:|command:/i, tag);
      assert.doesNotMatch(tag.replace(/"[^"]*"/g, '""'), /\son\w+\s*=/i, tag);
      assert.doesNotMatch(tag, /\ssrc\s*=\s*"?https?:\/\/evil/i, tag);
    }
    assert.ok(
      tags.some((t) => t.startsWith('<a ') && t.includes('href="https://example.com"') && t.includes('rel="noopener noreferrer"')),
      'the safe link is missing',
    );
  });

  it('says so when the note is deleted', async () => {
    const preview = api.preview!;
    assert.ok(preview.htmlFor(notePath), 'the preview is not open');
    await vscode.workspace.fs.delete(noteUri, { useTrash: false });
    const html = await waitFor('the preview to show the note was deleted', () => {
      const h = preview.htmlFor(notePath);
      return h?.includes('data-state="deleted"') ? h : undefined;
    });
    assert.match(html, /default-src 'none'/);
  });
});
