// Curation as an ambassador does it: rename and merge topics through the
// refactoring preview (changes checked, Apply writes every file, one undo),
// topic pages that are not yet described, endorse and withdraw from the
// note preview's button.
import { HostError } from '../../scripts/vscode-host/host.mjs';
import {
  answerDialog, applyRefactorPreview, expect, extensionReady, field, notification, pickRow, quickInput, quickInputTitled, refactorPreview, typeInQuickInput,
  cleanShot,
} from './support/capture.mjs';

const SIDEBAR = '#workbench\\.parts\\.sidebar';

/** Notes (paths) whose `topics:` line lists `slug`. */
function notesWith(ui, slug) {
  const out = ui.git('grep', '-l', '-E', `^topics:.*[[ ,]${slug.replace('/', '\\/')}[],]`, '--', '.learnings/notes').trim();
  return out ? out.split('\n') : [];
}
function notesOnDiskWith(ui, slug) {
  const listed = ui.git('ls-files', '--', '.learnings/notes').trim().split('\n');
  return listed.filter((p) => new RegExp(`^topics:.*[[ ,]${slug.replace('/', '\\/')}[\\],]`, 'm').test(ui.read(p) ?? ''));
}

/**
 * Clicks the preview's button `selector` until `done()` holds: the preview re-renders (a new
 * frame) when the note changes, so a click can meet a frame that is being replaced.
 */
async function clickInPreview(ui, selector, done, what) {
  await ui.waitFor(async () => {
    if (await done()) return true;
    const frame = await ui.webviewFrame(selector);
    await frame.click(selector, { timeout: 3_000 });
    return ui.waitFor(done, what, 5_000).catch(() => false);
  }, what, 30_000);
}

function cliTopics(ui) {
  const { code, stdout, stderr } = ui.cli('topics', '--json');
  expect(code === 0, `learnings topics --json exited ${code}: ${stderr}`);
  const parsed = JSON.parse(stdout);
  const list = Array.isArray(parsed) ? parsed : parsed.topics ?? [];
  const flat = [];
  const walk = (ts) => ts.forEach((t) => (flat.push(t), walk(t.children ?? [])));
  walk(list);
  return flat;
}

export const flows = [
  {
    name: 'curation-rename-through-preview',
    description: 'Rename Topic… from the Command Palette opens the refactoring preview with every change checked; Apply rewrites each note; Undo takes it all back',
    async run(ui) {
      await extensionReady(ui);
      const before = notesWith(ui, 'reliability');
      expect(before.length >= 3, `the demo has ${before.length} notes on reliability`);
      await ui.runCommand('Team Learnings: Rename Topic');
      await quickInputTitled(ui, 'Rename');
      await typeInQuickInput(ui, 'reliability');
      await pickRow(ui, 'reliability');
      await ui.waitFor(async () => (await quickInput(ui, { rows: false })).value === 'reliability', 'the new-name box prefilled with the old name');
      await typeInQuickInput(ui, 'resilience');
      await ui.page.keyboard.press('Enter');
      const preview = await refactorPreview(ui);
      expect(preview.checked === preview.boxes, `the refactoring preview shows ${preview.checked} of ${preview.boxes} changes checked: ${JSON.stringify(preview.rows)}`);
      await cleanShot(ui, 'curation-rename-preview');
      await applyRefactorPreview(ui);
      await ui.waitFor(() => notesOnDiskWith(ui, 'reliability').length === 0 && notesOnDiskWith(ui, 'resilience').length === before.length, `every note moved from reliability to resilience on disk (still on reliability: ${notesOnDiskWith(ui, 'reliability').join(', ')})`);
      const page = ui.read('.learnings/topics/resilience.md') ?? ui.read('.learnings/topics/reliability.md');
      expect(/aliases:.*reliability/.test(page ?? ''), `the topic page keeps reliability as an alias: ${page}`);
      await ui.openContainer('Team Learnings');
      await ui.waitFor(async () => (await ui.view('Topics')).some((r) => /resilience|Reliability/i.test(r)) && !(await ui.view('Topics')).some((r) => /^reliability\b/.test(r)), 'the Topics view showing the renamed topic');

      // One undo: back in the editor of one of the notes, Undo offers to undo across all files.
      await ui.openFile(before[0]);
      await ui.page.click('.editor-instance .view-lines');
      await ui.page.keyboard.press('Control+Z');
      // VS Code may ask whether to undo in every file the edit touched: yes.
      await answerDialog(ui, 'undo', 'Files', 4_000).catch(() => undefined);
      await ui.runCommand('File: Save All');
      await ui.waitFor(() => notesOnDiskWith(ui, 'reliability').length === before.length, `undo brought every note back to reliability (now ${notesOnDiskWith(ui, 'reliability').length} of ${before.length})`);
    },
  },
  {
    name: 'curation-merge-from-view-menu',
    description: 'Merge Topics… from the Topics view\'s "…" menu asks for its source (a selected row is not taken), the preview is checked, Apply writes the notes and the alias page, which is "not yet described"',
    async run(ui) {
      const { page } = ui;
      const before = notesWith(ui, 'security');
      await ui.openContainer('Team Learnings');
      await ui.waitForSidebarRows();
      // A row selected earlier must not become the source.
      await page.locator(`${SIDEBAR} .monaco-list-row`, { hasText: 'testing' }).first().click();
      const pane = page.locator(`${SIDEBAR} .pane`, { has: page.locator('.pane-header[aria-label^="Topics"]') });
      const menu = page.locator('.context-view .monaco-menu');
      const item = menu.locator('.action-item', { hasText: 'Merge Topics' }).first();
      // A click that lands while the menu is still laying out leaves it open: a person clicks again.
      for (let attempt = 0; ; attempt++) {
        if (!(await menu.isVisible())) {
          await pane.locator('.pane-header').hover();
          await pane.locator('.pane-header .action-label[aria-label^="Views and More Actions"], .pane-header .codicon-toolbar-more').first().click();
        }
        await item.hover();
        await item.click();
        const closed = await menu.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
        if (closed) break;
        if (attempt === 2) throw new HostError('the "…" menu stays open after three clicks on Merge Topics');
      }
      const first = await quickInput(ui);
      expect(/Merge which/.test(first.title), `the "…" menu's Merge asks ${JSON.stringify(first.title)} first (should ask which topic to merge)`);
      await typeInQuickInput(ui, 'security');
      await pickRow(ui, 'security');
      await quickInputTitled(ui, 'into');
      await typeInQuickInput(ui, 'team-practices');
      await pickRow(ui, 'team-practices');
      const preview = await refactorPreview(ui);
      expect(preview.checked === preview.boxes, `the refactoring preview shows ${preview.checked} of ${preview.boxes} changes checked`);
      await cleanShot(ui, 'curation-merge-preview');
      await applyRefactorPreview(ui);
      await ui.waitFor(() => notesOnDiskWith(ui, 'security').length === 0, `no note on security any more (left: ${notesOnDiskWith(ui, 'security').join(', ')})`);
      for (const p of before) expect(/team-practices/.test(field(ui.read(p), 'topics') ?? ''), `${p} is not on team-practices: ${field(ui.read(p), 'topics')}`);
      const alias = ui.read('.learnings/topics/team-practices.md');
      expect(/aliases:.*security/.test(alias ?? ''), `the alias page team-practices.md holds security: ${alias}`);
      const topic = cliTopics(ui).find((t) => t.slug === 'team-practices');
      expect(topic && topic.described === false, `learnings topics says team-practices is ${topic?.described ? 'described' : JSON.stringify(topic)} (its page only holds an alias)`);
      await ui.waitFor(async () => (await ui.view('Topics')).some((r) => /team-practices.*not yet described/.test(r)), 'the Topics view marking team-practices "not yet described"');
    },
  },
  {
    name: 'curation-edit-topic-page-unsaved',
    description: 'Edit Topic Page on an undescribed topic opens the page unsaved; closing without saving writes nothing; an empty page counts as not yet described',
    async run(ui) {
      await extensionReady(ui);
      await ui.runCommand('Team Learnings: Edit Topic Page');
      await quickInput(ui);
      await typeInQuickInput(ui, 'testing');
      await pickRow(ui, 'testing');
      await ui.page.waitForSelector('.editor-instance .view-line', { timeout: 20_000 });
      await ui.waitFor(async () => (await ui.page.$$('.tabs-container .tab.dirty')).length > 0, 'the topic page open as an unsaved editor');
      expect(ui.read('.learnings/topics/testing.md') === undefined, 'Edit Topic Page wrote .learnings/topics/testing.md before the user saved');
      await ui.runCommand('View: Close Editor');
      await answerDialog(ui, 'save', "Don't Save");
      expect(ui.read('.learnings/topics/testing.md') === undefined, 'closing the unsaved topic page without saving left a file');
      // Saved with nothing but the template's front matter: still not described.
      await ui.runCommand('Team Learnings: Edit Topic Page');
      await quickInput(ui);
      await typeInQuickInput(ui, 'testing');
      await pickRow(ui, 'testing');
      await ui.waitFor(async () => (await ui.page.$$('.tabs-container .tab.dirty')).length > 0, 'the topic page open as an unsaved editor');
      await ui.page.keyboard.press('Control+S');
      await ui.waitFor(() => ui.read('.learnings/topics/testing.md'), 'the saved topic page on disk');
      await ui.waitFor(() => cliTopics(ui).find((t) => t.slug === 'testing')?.described === false, 'learnings topics: testing, with only front matter, not yet described');
    },
  },
  {
    name: 'curation-endorse-and-withdraw',
    description: 'the preview\'s Endorse button endorses (with a message), then reads Withdraw Endorsement; a second click withdraws, leaving the file as it was',
    async run(ui) {
      const note = '.learnings/notes/2026-06-11-sign-a-test-webhook-by-hand.md';
      ui.git('config', 'user.name', 'Kari Nordmann');
      const original = ui.read(note);
      await extensionReady(ui);
      await ui.openFile(note);
      await ui.runCommand('Team Learnings: Preview Note');
      let frame = await ui.webviewFrame('body[data-script="ready"] button[data-action="endorse"]');
      expect(/^Endorse$/.test((await frame.$eval('button[data-action="endorse"]', (b) => b.textContent.trim()))), 'the button does not read Endorse first');
      await clickInPreview(ui, 'button[data-action="endorse"]', () => /Kari Nordmann/.test(field(ui.read(note), 'endorsed') ?? ''), 'Kari Nordmann in the note\'s endorsed list on disk');
      await notification(ui, /Endorsed/);
      frame = await ui.waitFor(async () => {
        const f = await ui.webviewFrame('button[data-action]');
        const label = await f.$eval('button[data-action="endorse"], button[data-action="withdraw"]', (b) => b.textContent.trim()).catch(() => '');
        return /Withdraw Endorsement/.test(label) && f;
      }, 'the preview button reading "Withdraw Endorsement"');
      await cleanShot(ui, 'curation-endorsed-preview');
      expect(frame, 'no preview frame');
      await clickInPreview(ui, 'button[data-action="withdraw"]', () => ui.read(note) === original, 'the note back to its original bytes after withdrawing');
      await notification(ui, /withdr/i);
      await ui.waitFor(async () => {
        const f = await ui.webviewFrame('button[data-action]');
        return /^Endorse$/.test(await f.$eval('button[data-action="endorse"]', (b) => b.textContent.trim()).catch(() => ''));
      }, 'the preview button reading "Endorse" again');
    },
  },
];
