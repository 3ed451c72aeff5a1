// The dashboard in a real VS Code on the demo workspace: one panel under a
// strict CSP with four cards, this month's contributors, a note changed on
// disk shown (escaped) without reopening, and only allow-listed commands run
// from the page.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, remove, waitFor, writeText } from './helpers';
import { today } from '../../src/core/dates';
import { escapeHtml } from '../../src/core/render/markdown';
import type { DashboardPanel } from '../../src/extension/dashboard/dashboard';

async function dashboard(): Promise<DashboardPanel> {
  return (await api()).dashboard;
}

async function openDashboard(): Promise<string> {
  await vscode.commands.executeCommand('teamLearnings.showDashboard');
  const d = await dashboard();
  return waitFor('the dashboard HTML', () => d.htmlFor());
}

function dashboardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('teamLearnings.dashboard'));
}

/** The CSP as the browser reads it (attribute entities decoded). */
function cspOf(html: string): string {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content, 'a CSP meta tag');
  return content.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('Dashboard', function () {
  this.timeout(30_000);
  const created: string[] = [];
  after(async () => {
    await closeAllEditors();
    for (const p of created) await remove(p);
  });

  it('opens one panel under a strict CSP, with the four cards', async () => {
    const html = await openDashboard();
    const csp = cspOf(html);
    assert.match(csp, /(^|;\s*)default-src 'none'(;|$)/);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, `a nonce in script-src: ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(csp, /script-src[^;]*(https?:|\*)/, 'scripts only by nonce');

    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    assert.ok(scripts.length >= 1, 'the page script');
    for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `a script without the nonce: ${tag}`);
    for (const tag of html.match(/<[^>]*>/g) ?? []) assert.doesNotMatch(tag.replace(/"[^"]*"/g, '""'), /\s(style|on[a-z]+)=/i, tag);

    for (const card of ['notes', 'plans', 'anchors', 'contributors']) assert.match(html, new RegExp(`<section class="card card-${card}" data-card="${card}"`), card);
    assert.match(html, /data-card="undescribed"/, 'the demo has undescribed topics');

    await vscode.commands.executeCommand('teamLearnings.showDashboard');
    assert.equal(dashboardTabs().length, 1, 'running the command again reveals the same panel');
  });

  it("celebrates this month's contributors and counts the demo's plans", async () => {
    const html = await openDashboard();
    const { service } = await api();
    const index = await service.ready();
    const day = today();
    const month = day.slice(0, 7);
    const authors = new Set(index.notes().flatMap((n) => (n.author && n.created?.startsWith(month) ? [n.author] : [])));
    for (const name of authors) assert.ok(html.includes(escapeHtml(name)), `${name} is thanked`);
    if (month === '2026-11') {
      for (const name of ['Mette Jensen', 'Lars Svensson', 'Tomás Ortega']) assert.ok(html.includes(name), `${name} wrote a demo note in November`);
      assert.match(html, /<h3 class="wins-title">/, 'the win of November 19');
    }
    if (authors.size === 0) assert.match(html, /data-figure="0"/);

    const count = (item: string) => Number(new RegExp(`data-item="${item}" data-count="(\\d+)"`).exec(html)?.[1]);
    assert.ok(count('done') >= 1, 'the contract-tests plan is done');
    // The PostgreSQL plan's check-in was due on 2026-11-10.
    if (day > '2026-11-10') assert.ok(count('overdue') >= 1, 'the PostgreSQL plan is overdue');
    assert.ok(count('overdue') + count('due') + count('open') >= 2, 'two demo plans are open');
  });

  it('follows a note changed on disk, and escapes what the note says', async () => {
    const d = await dashboard();
    await openDashboard();
    const path = `.learnings/notes/${today()}-dashboard-escaping-check.md`;
    created.push(path);
    await writeText(
      path,
      `---\ntitle: "Win <script>alert(1)</script>"\nkind: win\ntopics: [dashboard-check]\nauthor: "Eve <img src=x onerror=alert(1)>"\ncreated: ${today()}\n---\nA small win.\n`,
    );
    const html = await waitFor('the new note on the dashboard', () => {
      const h = d.htmlFor();
      return h?.includes('Eve &lt;img src=x onerror=alert(1)&gt;') ? h : undefined;
    });
    assert.ok(html.includes('Win &lt;script&gt;alert(1)&lt;/script&gt;'), 'the win title, escaped');
    assert.ok(!html.includes('<img'), 'no markup from the note');
    assert.ok(!/<script>alert/i.test(html), 'no script from the note');
    assert.match(html, /data-command="teamLearnings\.revealTopic" data-arg="dashboard-check"/, 'the new undescribed topic links to the Topics view');

    await remove(path);
    await waitFor('the note gone from the dashboard', () => !d.htmlFor()?.includes('Eve &lt;img'));
  });

  it('runs only allow-listed commands, and reveals only topics it shows', async () => {
    const d = await dashboard();
    await openDashboard();
    assert.equal(await d.handleMessage({ type: 'command', id: 'workbench.action.closeAllEditors' }), false);
    assert.equal(await d.handleMessage({ type: 'command', id: 'vscode.open', arg: 'file:///etc/passwd' }), false);
    assert.equal(await d.handleMessage({ type: 'command', id: 'teamLearnings.revealTopic', arg: 'not-on-the-page' }), false);
    assert.equal(await d.handleMessage({ type: 'command', id: 'teamLearnings.revealTopic', arg: '<b>payments</b>' }), false);
    assert.equal(dashboardTabs().length, 1, 'nothing was closed');

    assert.equal(await d.handleMessage({ type: 'command', id: 'teamLearnings.revealTopic', arg: 'payments' }), true);
    const { views } = await api();
    await waitFor('the Topics view shown', () => views.topicsView.visible);
    assert.equal(await d.handleMessage({ type: 'command', id: 'teamLearnings.followups.focus' }), true);
    // The quick list of anchors when the command exists, else the This File view.
    assert.equal(await d.handleMessage({ type: 'command', id: 'teamLearnings.checkAnchors' }), true);
    await new Promise((r) => setTimeout(r, 300));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
});
