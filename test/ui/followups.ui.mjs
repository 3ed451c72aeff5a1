/* global document */ // page.evaluate callbacks run in the workbench page
// A window opened on a repository with an overdue plan shows "N follow-ups
// due" in the status bar at start, without any view being opened; its
// tooltip names the due date and the last check-in.
import { HostError } from '../../scripts/vscode-host/host.mjs';

const OVERDUE_PLAN = `---
title: Pair on the refund reconciliation
kind: plan
topics: [payments]
author: Test Person
created: 2020-01-01
review: 2020-02-01
status: open
---
## Check-ins

- 2020-01-15: paired twice, the report query is next.
`;

export const flows = [
  {
    name: 'followups-status-at-start',
    description: 'after a reload with an overdue plan and no view opened, the status bar says follow-ups are due; its tooltip, and the plan row\'s in Follow-ups, have the due date and the last check-in',
    async run(ui) {
      const { page } = ui;
      ui.write('.learnings/notes/2020-01-01-pair-on-the-refund-reconciliation.md', OVERDUE_PLAN);
      ui.git('add', '-A');
      ui.git('commit', '-q', '-m', 'An overdue plan');
      await page.reload();
      await page.waitForSelector('.activitybar', { timeout: 30_000 });
      await page.click('.activitybar .action-item a[aria-label^="Explorer"]').catch(() => undefined);
      const item = page.locator('#teamLearnings\\.followups, [id="team-learnings.team-learnings.teamLearnings.followups"], .statusbar-item', { hasText: /follow-ups? due/ }).first();
      const text = await ui.waitFor(async () => (await item.count()) > 0 && (await item.innerText()), 'a "follow-ups due" status bar item', 30_000);
      if (!/\d+ follow-ups? due/.test(text)) throw new HostError(`the status bar item reads ${JSON.stringify(text)}`);
      // (The tooltip's text comes with no-break spaces: MarkdownString.appendText writes them.)
      // The tooltip shows after the hover delay (long on a busy machine): point at the item, then wait without moving.
      const hoverText = () => page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => /hover/.test(String(e.className))).map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ')).find((t) => t.includes('action plans')));
      let tooltip;
      for (let attempt = 0; attempt < 3 && !tooltip; attempt++) {
        await page.mouse.move(700, 400);
        await item.hover();
        tooltip = await ui.waitFor(hoverText, 'the status bar tooltip', 10_000).catch(() => undefined);
      }
      if (!tooltip) {
        const seen = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.children.length === 0 && (e.textContent ?? '').includes('overdue')).map((e) => `${e.tagName}.${e.className} < ${e.parentElement?.className}`));
        throw new HostError(`no tooltip on the status bar item after three times pointing at it; text with "overdue": ${JSON.stringify(seen).slice(0, 400)}`);
      }
      const problems = [];
      if (!tooltip.includes('2020-02-01')) problems.push(`the tooltip has no due date: ${JSON.stringify(tooltip)}`);
      if (!tooltip.includes('2020-01-15')) problems.push(`the tooltip has no last check-in: ${JSON.stringify(tooltip)}`);
      if (problems.length) throw new HostError(problems.join('\n        '));

      // The plan's row in Follow-ups says the same when pointed at.
      const pane = await followupRows(ui);
      const row = pane.locator('.monaco-list-row', { hasText: 'Pair on the refund reconciliation' }).first();
      await row.waitFor({ state: 'visible', timeout: 20_000 });
      const rowTip = () => page.evaluate(() => [...document.querySelectorAll('.workbench-hover, .monaco-hover')].map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ')).find((t) => t.includes('Pair on the refund reconciliation')));
      let shown;
      for (let attempt = 0; attempt < 3 && !shown; attempt++) {
        await page.mouse.move(700, 890);
        await row.hover();
        shown = await ui.waitFor(rowTip, 'the Follow-ups row tooltip', 10_000).catch(() => undefined);
      }
      if (!shown) throw new HostError('no tooltip on the plan\'s Follow-ups row after three times pointing at it');
      if (!shown.includes('due 2020-02-01') || !shown.includes('Last check-in 2020-01-15: paired twice')) throw new HostError(`the Follow-ups row tooltip lacks the due date or the last check-in: ${JSON.stringify(shown)}`);
    },
  },
];

/** Collapses every view of the container but Follow-ups, so its rows have room (the tree is virtual). */
async function followupRows(ui) {
  await ui.openContainer('Team Learnings');
  const pane = ui.page.locator('#workbench\\.parts\\.sidebar .pane', { has: ui.page.locator('.pane-header[aria-label^="Follow-ups"]') });
  for (const title of ['Topics', 'This File']) {
    const header = ui.page.locator(`#workbench\\.parts\\.sidebar .pane-header[aria-label^="${title}"]`);
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }
  return pane;
}

flows.push({
  name: 'followups-closed-plans',
  description: 'done and dropped plans stay visible: a collapsed "Closed plans" group in Follow-ups; a plan dropped with a reason joins it',
  async run(ui) {
    const pane = await followupRows(ui);
    const group = pane.locator('.monaco-list-row', { hasText: 'Closed plans' });
    await ui.waitFor(async () => (await group.count()) > 0, 'a "Closed plans" row in Follow-ups', 30_000);
    if ((await group.getAttribute('aria-expanded')) !== 'false') throw new HostError('the closed plans are not collapsed at first');
    await group.click();
    const rows = await ui.waitFor(async () => {
      const r = await ui.view('Follow-ups');
      return r.some((x) => x.includes('contract tests for the provider API')) && r;
    }, 'the demo\'s done plan under "Closed plans"');
    const done = rows.find((x) => x.includes('contract tests for the provider API'));
    if (!/done/.test(done)) throw new HostError(`the done plan's row reads ${JSON.stringify(done)}`);
    if (rows.some((x, i) => i > rows.indexOf(rows.find((r) => r.startsWith('Closed plans'))) && x.includes('ASVS'))) throw new HostError('an open plan is listed as closed');
    // Drop an open plan from its editor, with a reason: it moves under Closed plans, marked dropped.
    await ui.openFile('.learnings/notes/2026-09-24-plan-after-the-asvs-workshop.md');
    await ui.runCommand('Team Learnings: Drop Plan');
    const input = ui.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await ui.page.keyboard.type('the audit moved to next year');
    await ui.page.keyboard.press('Enter');
    await ui.waitFor(() => /status: dropped/.test(ui.read('.learnings/notes/2026-09-24-plan-after-the-asvs-workshop.md') ?? ''), 'the plan written as dropped');
    await ui.waitFor(async () => {
      const r = await ui.view('Follow-ups');
      const at = r.findIndex((x) => x.startsWith('Closed plans'));
      return at >= 0 && r.slice(at + 1).some((x) => x.includes('ASVS') && /dropped/.test(x)) && r;
    }, 'the dropped plan under "Closed plans", marked dropped');
  },
});
