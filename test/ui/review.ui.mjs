// The Review view on a feature branch, as a reviewer opens it after a reload:
// the branch by name, the notes on the files the branch changed, and a new
// note not yet committed. And on `main`: the notes not yet committed.
import { HostError } from '../../scripts/vscode-host/host.mjs';

const SIDEBAR = '#workbench\\.parts\\.sidebar';

const NEW_NOTE = `---
title: Log the provider's request id on every retry
kind: lesson
topics: [payments/webhooks]
author: Test Person
created: 2026-11-30
---
Support asks for it first.
`;

/** Collapses the other views, so every row of Review is on screen (the list renders only what is visible). */
async function roomForReview(ui) {
  for (const title of ['Topics', 'This File', 'Follow-ups', 'Anchors Needing Attention']) {
    const header = ui.page.locator(`${SIDEBAR} .pane-header[aria-label^="${title}"]`).first();
    // On the title itself: elsewhere on the header sit the view's action buttons.
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.locator('.title').first().click();
  }
}

/** The whole text of the Review pane (its message and its rows). */
async function reviewText(ui) {
  await ui.view('Review');
  const pane = ui.page.locator(`${SIDEBAR} .pane`, { has: ui.page.locator('.pane-header[aria-label^="Review"]') });
  return (await pane.innerText()).replace(/\s+/g, ' ');
}

export const flows = [
  {
    name: 'review-on-a-branch',
    description: 'on a branch after a reload: Review names the branch, lists the note on the changed file and the uncommitted new note',
    async run(ui) {
      const { page } = ui;
      ui.git('checkout', '-q', '-b', 'feature/webhook-retries');
      const file = 'src/payments/webhook.ts';
      ui.write(file, `${ui.read(file)}\n// retried by the provider for 72 hours\n`);
      ui.git('commit', '-q', '-am', 'Comment on the retries');
      ui.write('.learnings/notes/2026-11-30-log-the-provider-request-id.md', NEW_NOTE);
      await page.reload();
      await page.waitForSelector('.activitybar', { timeout: 30_000 });
      await ui.openContainer('Team Learnings');
      await ui.waitForSidebarRows();
      await roomForReview(ui);
      const text = await ui.waitFor(async () => {
        const t = await reviewText(ui);
        return /Claim a webhook event/.test(t) && /request id on every retry/.test(t) && t;
      }, 'the Review view listing the note on webhook.ts and the new note', 30_000);
      const problems = [];
      if (!text.includes('feature/webhook-retries')) problems.push(`it does not name the branch: ${text.slice(0, 300)}`);
      if (/\b[0-9a-f]{40}\b/.test(text)) problems.push(`it shows a commit hash: ${text.slice(0, 300)}`);
      if (/needs git|Restricted Mode/i.test(text)) problems.push(`it says it needs git: ${text.slice(0, 300)}`);
      if (problems.length) throw new HostError(problems.join('\n        '));
      await ui.page.mouse.move(700, 890);
      await ui.shot('review');
    },
  },
  {
    name: 'review-on-main',
    description: 'on main, Review lists the note not yet committed, without "No base branch found"',
    async run(ui) {
      ui.write('.learnings/notes/2026-11-30-log-the-provider-request-id.md', NEW_NOTE);
      await ui.openContainer('Team Learnings');
      const text = await ui.waitFor(async () => {
        const t = await reviewText(ui);
        return /request id on every retry/.test(t) && t;
      }, 'the Review view on main listing the uncommitted note', 30_000);
      if (/No base branch/i.test(text)) throw new HostError(`Review on main says: ${text.slice(0, 300)}`);
    },
  },
];
