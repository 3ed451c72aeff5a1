// The dashboard in a real VS Code on the demo workspace: one panel under a
// strict CSP with four cards, the contributors of the last 30 days, a note changed on
// disk shown (escaped) without reopening, and only allow-listed commands run
// from the page.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, fixesToday, remove, waitFor, writeText, restoresWorkspace } from './helpers';
import { addDays } from '../../src/core/dates';

/** The day the dashboard is shown on (its clock, not the calendar): the demo's notes are of 2026-06 to 2026-11. */
const TODAY = '2026-11-23';
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
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  fixesToday(TODAY);
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

    // The workbench reports a panel's tab a moment after the panel is made: count once it has.
    await waitFor('the dashboard\'s tab', () => dashboardTabs().length > 0);
    await vscode.commands.executeCommand('teamLearnings.showDashboard');
    assert.equal(dashboardTabs().length, 1, 'running the command again reveals the same panel');
  });

  it('thanks who contributed in the last 30 days (wrote, checked in, endorsed) and counts the plans', async () => {
    const d = await dashboard();
    await openDashboard();
    const day = TODAY;
    const note = `.learnings/notes/${day}-dashboard-contributors-check.md`;
    const plan = '.learnings/notes/2000-01-01-dashboard-overdue-plan.md';
    created.push(note, plan);
    await writeText(note, `---\ntitle: Written today\ntopics: [testing]\nauthor: Wren Today\nendorsed: [Elle Endorser]\ncreated: ${day}\n---\nx\n`);
    await writeText(plan, `---\ntitle: Overdue since 2000\nkind: plan\nauthor: Old Author\nowner: Owen Owner\ncreated: 2000-01-01\nreview: 2000-02-01\nstatus: open\n---\n## Check-ins\n\n- ${day}: checked in today\n`);
    const model = await waitFor('the dashboard to count the new contributors', () => {
      const m = d.modelFor();
      return m && ['Wren Today', 'Elle Endorser', 'Owen Owner'].every((n) => m.contributors.people.some((p) => p.name === n)) ? m : undefined;
    }, 15_000);
    assert.equal(model.contributors.days, 30);
    assert.ok(!model.contributors.people.some((p) => p.name === 'Old Author'), 'a plan created in 2000 is no contribution now');
    const html = d.htmlFor() ?? '';
    for (const name of ['Wren Today', 'Elle Endorser', 'Owen Owner']) assert.ok(html.includes(name), `${name} is thanked`);
    const count = (item: string) => Number(new RegExp(`data-item="${item}" data-count="(\\d+)"`).exec(html)?.[1]);
    assert.ok(count('done') >= 1, 'the contract-tests plan is done');
    assert.ok(count('overdue') >= 1, 'the plan due in 2000 is overdue');
    for (const p of [note, plan]) await remove(p);
  });

  it('follows a note changed on disk, and escapes what the note says', async () => {
    const d = await dashboard();
    await openDashboard();
    const path = `.learnings/notes/${TODAY}-dashboard-escaping-check.md`;
    created.push(path);
    await writeText(
      path,
      `---\ntitle: "Win <script>alert(1)</script>"\nkind: win\ntopics: [dashboard-check]\nauthor: "Eve <img src=x onerror=alert(1)>"\ncreated: ${TODAY}\n---\nA small win.\n`,
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

    // Each link shows its own view: the sidebar is on another container first, so showing it is the link's doing.
    const { views } = await api();
    const shown = async (id: string, viewId: string) => {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await waitFor(`${viewId} hidden first`, () => !views.treeViews[viewId].visible);
      assert.equal(await d.handleMessage({ type: 'command', id, ...(id === 'teamLearnings.revealTopic' ? { arg: 'payments' } : {}) }), true);
      await waitFor(`${id} to show ${viewId}`, () => views.treeViews[viewId].visible);
    };
    await shown('teamLearnings.revealTopic', 'teamLearnings.topics');
    await shown('teamLearnings.followups.focus', 'teamLearnings.followups');
    // The anchors card: Check Anchors, which shows Anchors Needing Attention.
    await shown('teamLearnings.checkAnchors', 'teamLearnings.attention');
    // The contributors card: the digest of the same 30 days, in an editor.
    assert.equal(await d.handleMessage({ type: 'command', id: 'teamLearnings.generateDigest', arg: { since: '1970-01-01' } }), true);
    const editor = await waitFor('the digest of the last 30 days', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.getText().startsWith('# Team learnings, ') ? e : undefined;
    }, 15_000);
    const since = /^# Team learnings, (\d{4}-\d{2}-\d{2}) to/.exec(editor.document.getText())?.[1];
    assert.equal(since, addDays(TODAY, -29), 'the window of the card (the page cannot choose another)');
  });
});
