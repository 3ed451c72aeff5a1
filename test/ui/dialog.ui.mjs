/* global document */ // page.evaluate callbacks run in the workbench page
// The dialog on a note, driven as a person drives it: the comment thread at
// an anchored range shows the note and its replies; a reply typed in the
// thread's box is written as a reply file; Resolve changes the thread's state
// and the file; the preview of a note without anchors shows its thread and
// takes a reply. What is on disk is checked with the files and `learnings show`.
import { HostError } from '../../scripts/vscode-host/host.mjs';
import { cleanShot, expect, extensionReady, localToday } from './support/capture.mjs';

const SQL = 'src/db/migrations/2026-03-add-idempotency-keys.sql';
const LOCK_NOTE = '.learnings/notes/2026-07-23-set-lock-timeout-in-every-migration.md';
const LOCK_REPLIES = '.learnings/replies/2026-07-23-set-lock-timeout-in-every-migration';
const RETRO_NOTE = '.learnings/notes/2026-10-29-retro-partial-refunds-delivery.md';
const RETRO_REPLIES = '.learnings/replies/2026-10-29-retro-partial-refunds-delivery';
const WIDGET = '.review-widget';

/** The thread's thread as `learnings show --json` reads it from disk. */
function shown(ui, note) {
  const { code, stdout, stderr } = ui.cli('show', note, '--json');
  if (code !== 0) throw new HostError(`learnings show exited ${code}: ${stderr}`);
  return JSON.parse(stdout).thread;
}

/** Opens the comment thread of a note as a person does: its entry in the Comments panel (which reveals it at the code). */
async function openThread(ui, title) {
  const { page } = ui;
  const row = page.locator('.comments-panel .monaco-list-row', { hasText: title }).first();
  if (!(await row.isVisible().catch(() => false))) await ui.runCommand('Comments: Focus on Comments View');
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  // A click on the row that is already selected (the panel selects its first row when it opens by
  // itself) may not reveal it: then Enter on it, as a person would.
  for (let attempt = 0; ; attempt++) {
    if (attempt === 0) await row.click();
    else {
      await row.click();
      await page.keyboard.press('Enter');
    }
    const shown = await page.waitForSelector(`${WIDGET} .review-comment`, { state: 'visible', timeout: attempt < 2 ? 5_000 : 20_000 }).then(() => true, () => false);
    if (shown) return;
    if (attempt === 2) throw new HostError(`the thread of "${title}" did not open from the Comments panel (clicked, then Enter, twice)`);
  }
}

/**
 * Points at the title bar of the visible thread widget, scrolling the editor
 * (with the wheel, as a person does) until the bar is inside the editor: the
 * widget may be taller than the editor, its bar above the top edge and under
 * the breadcrumbs, where a pointer cannot reach it.
 */
async function pointAtThreadHead(ui) {
  const { page } = ui;
  const head = page.locator(`${WIDGET} .head`).first();
  const editor = page.locator('.editor-instance .monaco-editor .overflow-guard', { has: page.locator(WIDGET) }).first();
  let last;
  for (let attempt = 0; attempt < 12; attempt++) {
    const [h, e] = await Promise.all([head.boundingBox(), editor.boundingBox()]);
    if (h && e) {
      last = { head: h, editor: e };
      if (h.y >= e.y && h.y + h.height <= e.y + e.height) {
        await page.mouse.move(h.x + h.width / 3, h.y + h.height / 2);
        return head;
      }
      // Bring the bar a little below the top edge of the editor.
      await page.mouse.move(e.x + e.width / 2, e.y + e.height / 2);
      await page.mouse.wheel(0, h.y - (e.y + 30));
    }
    await page.waitForTimeout(250);
  }
  throw new HostError(`the thread's title bar does not come into the editor: ${JSON.stringify(last)}`);
}

/** Clicks an action of the thread's title bar (shown while the pointer is on the bar). */
async function clickThreadAction(ui, label) {
  const action = ui.page.locator(`${WIDGET} .head .action-label[aria-label="${label}"]`).first();
  await ui.waitFor(async () => {
    await pointAtThreadHead(ui);
    return action.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
  }, `the thread's "${label}" action`, 30_000);
  await action.click();
}

/** Clicks `selector` in the preview until `done` (a re-rendered preview replaces its frame mid-click). */
async function clickInPreview(ui, selector, done, what) {
  await ui.waitFor(async () => {
    if (await done()) return true;
    const frame = await ui.webviewFrame(selector);
    await frame.click(selector, { timeout: 3_000 }).catch(() => undefined);
    return ui.waitFor(done, what, 5_000).catch(() => false);
  }, what, 30_000);
}

/** The texts of the comments in the visible thread widget, in order. */
async function commentTexts(ui) {
  return ui.page.$$eval(`${WIDGET} .review-comment`, (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
}

export const flows = [
  {
    name: 'dialog-thread-at-the-code',
    description: 'the comment thread at an anchored range shows the note and its replies; a reply typed in its box is written as a reply file; Resolve changes the state and the file',
    async run(ui) {
      const { page } = ui;
      ui.git('config', 'user.name', 'Lars Svensson');
      await extensionReady(ui);
      await ui.openFile(SQL);
      await openThread(ui, 'Set lock_timeout in every migration');

      // The note first, then the two replies, with their authors.
      const before = await ui.waitFor(async () => {
        const texts = await commentTexts(ui);
        return texts.length === 3 && texts;
      }, 'the thread showing the note and its two replies');
      expect(/Mette Jensen/.test(before[0]) && /lock_timeout/.test(before[0]), `the first comment is not the note by Mette Jensen: ${before[0]}`);
      expect(/Priya Raman/.test(before[1]) && /I object to the 2 s default/.test(before[1]), `the second comment is not Priya's objection: ${before[1]}`);
      expect(/Aisha Khan/.test(before[2]) && /Same here/.test(before[2]), `the third comment is not Aisha's "same here": ${before[2]}`);
      // Untrusted text: no command link, no HTML from a note in the thread.
      expect((await page.$$(`${WIDGET} .comment-body a[href^="command:"]`)).length === 0, 'a command link in the thread');

      // Type a reply in the thread's box, and submit it as a person does.
      const reply = page.locator(`${WIDGET} .review-thread-reply-button`);
      if (await reply.count()) await reply.first().click();
      const box = page.locator(`${WIDGET} .comment-form .monaco-editor textarea, ${WIDGET} .comment-form textarea`).first();
      await box.waitFor({ state: 'attached', timeout: 10_000 });
      await page.locator(`${WIDGET} .comment-form .monaco-editor, ${WIDGET} .comment-form textarea`).first().click();
      await page.keyboard.type('Backfills now run outside the deploy, with lock_timeout 30s and a retry.');
      // While the reply box has the focus, This File stays on the code the thread is on.
      const focus = await page.evaluate((w) => (document.activeElement?.closest(w) ? 'thread' : `${document.activeElement?.tagName}.${document.activeElement?.className} in ${document.activeElement?.closest('[id]')?.id}`), WIDGET);
      expect(focus === 'thread', `the focus is not in the reply box: ${focus}`);
      await ui.waitFor(async () => (await ui.view('This File')).some((t) => t.includes('Set lock_timeout in every migration')), 'This File listing the note while the reply box has the focus');
      // Submitted as a person does: Ctrl+Enter in the box (the Reply button's key).
      await page.keyboard.press('Control+Enter');
      const path = `${LOCK_REPLIES}/${localToday()}-lars-svensson.md`;
      const written = await ui.waitFor(() => ui.read(path), `the reply file ${path} on disk`);
      expect(/^---\nauthor: Lars Svensson\ncreated: \d{4}-\d\d-\d\d\n---\n\nBackfills now run outside the deploy/.test(written), `the reply file reads:\n${written}`);
      await ui.waitFor(async () => (await commentTexts(ui)).length === 4, 'the thread showing the new reply');
      const open = shown(ui, LOCK_NOTE);
      expect(open.state === 'open' && open.replies.length === 3, `learnings show: ${JSON.stringify(open)}`);
      // Back up to the anchored lines: the code, the thread's title and the note above its replies.
      await pointAtThreadHead(ui);
      await cleanShot(ui, 'dialog-thread');

      // Resolve, from the thread's title bar: the latest reply gets resolved: true, one line, and the thread reads resolved.
      await clickThreadAction(ui, 'Resolve Thread');
      await ui.waitFor(() => ui.read(path) === written.replace('\n---\n\n', '\nresolved: true\n---\n\n'), 'the latest reply with resolved: true, and nothing else changed');
      await ui.waitFor(() => shown(ui, LOCK_NOTE).state === 'resolved', 'learnings show: the thread resolved');
      // VS Code collapses a thread once resolved, and the Comments panel counts one unresolved thread fewer.
      await ui.waitFor(async () => /^2\b/.test((await page.locator('.part.panel .composite-bar .action-item.checked .badge-content').first().textContent().catch(() => '')) ?? ''), 'the Comments panel counting 2 unresolved threads');
      // Opened again from the Comments panel, it offers Reopen; Reopen takes the line out again.
      await openThread(ui, 'Set lock_timeout in every migration');
      await clickThreadAction(ui, 'Reopen Thread');
      await ui.waitFor(() => ui.read(path) === written, 'the reply as it was written, after Reopen');
      await ui.waitFor(() => shown(ui, LOCK_NOTE).state === 'open', 'learnings show: the thread open again');
      const others = ui.git('status', '--porcelain', '--untracked-files=all').trim().split('\n');
      expect(others.length === 1 && others[0].endsWith(path), `files changed besides the new reply: ${others.join(', ')}`);

      // The thread follows its anchor as the code moves: a line typed above it, and the Comments panel reads Ln 8-11.
      await page.keyboard.press('Escape');
      await ui.goToLine(1);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('-- A line added above the anchored code.');
      await page.keyboard.press('Enter');
      await ui.waitFor(async () => (await page.locator('.comments-panel .monaco-list-row', { hasText: 'Set lock_timeout in every migration' }).first().textContent()).includes('[Ln 8-11]'), 'the Comments panel placing the thread at lines 8-11');
    },
  },
  {
    name: 'dialog-preview-thread',
    description: 'the preview of a note without anchors shows its thread below the note, takes a reply typed in its box, and resolves it',
    async run(ui) {
      const { page } = ui;
      ui.git('config', 'user.name', 'Mette Jensen');
      await extensionReady(ui);
      await ui.openFile(RETRO_NOTE);
      await ui.runCommand('Team Learnings: Preview Note');
      let frame = await ui.webviewFrame('body[data-script="ready"] section.thread .reply');
      const replies = () => frame.$$eval('section.thread .reply', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
      const first = await replies();
      expect(first.length === 1 && /Lars Svensson/.test(first[0]) && /Same here in the invoicing team/.test(first[0]), `the preview's thread reads: ${JSON.stringify(first)}`);
      expect(/Thread: open/.test(await frame.$eval('.thread-state', (e) => e.textContent)), 'the thread does not read open');

      // Type a reply in the preview's box, as a person does, and send it.
      await frame.click('textarea[data-reply-text]');
      await page.keyboard.type('Thanks! We will write the rule into the topic page for payments/refunds.');
      await frame.click('button[data-action="reply"]');
      const path = `${RETRO_REPLIES}/${localToday()}-mette-jensen.md`;
      const written = await ui.waitFor(() => ui.read(path), `the reply file ${path} on disk`);
      expect(/^---\nauthor: Mette Jensen\ncreated: \d{4}-\d\d-\d\d\n---\n\nThanks! We will write the rule/.test(written), `the reply file reads:\n${written}`);
      frame = await ui.waitFor(async () => {
        const f = await ui.webviewFrame('section.thread .reply');
        return (await f.$$('section.thread .reply')).length === 2 && f;
      }, 'the preview showing the new reply');

      // Resolve from the preview: the latest reply (the new one) gets resolved: true.
      await clickInPreview(ui, 'button[data-action="resolve"]', () => ui.read(path) === written.replace('\n---\n\n', '\nresolved: true\n---\n\n'), 'the new reply with resolved: true, nothing else changed');
      frame = await ui.waitFor(async () => {
        const f = await ui.webviewFrame('section.thread');
        return (await f.$('button[data-action="reopen"]')) && /Thread: resolved/.test(await f.$eval('.thread-state', (e) => e.textContent)) && f;
      }, 'the preview reading "Thread: resolved" and offering Reopen');
      expect(shown(ui, RETRO_NOTE).state === 'resolved', 'learnings show does not read the thread resolved');
      await cleanShot(ui, 'dialog-preview');
    },
  },
];
