// Helpers shared by the capture, curation and plan flows: the workbench's
// quick input, dialogs, notifications and the refactoring preview, driven as
// a person drives them (keys and clicks), read back from VS Code's own DOM.
import { HostError } from '../../../scripts/vscode-host/host.mjs';

const QUICK_INPUT = '.quick-input-widget';
const ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

/** Waits until the quick input is visible and returns its title, prompt/placeholder and row texts. */
export async function quickInput(ui, { rows = true, timeoutMs = 15_000 } = {}) {
  const { page } = ui;
  await page.waitForSelector(`${QUICK_INPUT} .quick-input-box input`, { state: 'visible', timeout: timeoutMs });
  if (rows) await page.waitForSelector(ROWS, { state: 'visible', timeout: timeoutMs });
  return page.$eval(QUICK_INPUT, (w) => ({
    title: w.querySelector('.quick-input-title')?.textContent?.trim() ?? '',
    placeholder: w.querySelector('.quick-input-box input')?.getAttribute('placeholder') ?? '',
    value: w.querySelector('.quick-input-box input')?.value ?? '',
    message: w.querySelector('.quick-input-message')?.textContent?.trim() ?? '',
    ariaLabel: w.querySelector('.quick-input-box input')?.getAttribute('aria-label') ?? '',
    rows: [...w.querySelectorAll('.quick-input-list .monaco-list-row')].map((r) => r.innerText.replace(/\s+/g, ' ').trim()),
  }));
}

/** Waits for a quick input whose title contains `text` (the previous one may still be closing). */
export async function quickInputTitled(ui, text, options = {}) {
  return ui.waitFor(async () => {
    const q = await quickInput(ui, { ...options, timeoutMs: 2_000 });
    return q.title.includes(text) && q;
  }, `a quick input titled "${text}"`);
}

/** Replaces what is typed in the quick input. */
export async function typeInQuickInput(ui, text) {
  const input = ui.page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.focus();
  await ui.page.keyboard.press('Control+A');
  if (text === '') await ui.page.keyboard.press('Backspace');
  else await ui.page.keyboard.type(text);
}

/** The quick-input row whose text contains `text`. */
export function row(ui, text) {
  return ui.page.locator(ROWS, { hasText: text }).first();
}

/** Whether a multi-select row is checked (VS Code sets aria-checked on the row, and `checked` on its checkbox). */
export async function isChecked(ui, text) {
  return row(ui, text).evaluate((r) => r.getAttribute('aria-checked') === 'true' || !!r.querySelector('.monaco-checkbox.checked, input[type=checkbox]:checked'));
}

/** Clicks the checkbox of the multi-select row containing `text` and waits until it is checked. */
export async function checkRow(ui, text) {
  await ui.waitFor(async () => (await row(ui, text).count()) > 0, `a quick-pick row "${text}"`);
  for (let attempt = 0; attempt < 3 && !(await isChecked(ui, text)); attempt++) {
    // The list may still change under the pointer (a "new topic" row put on top as the text
    // is typed): click once the rows have stayed where they are, then check what got checked.
    await rowsAtRest(ui);
    const before = await checkedRows(ui);
    await clickRowBox(ui, row(ui, text));
    if (await ui.waitFor(() => isChecked(ui, text), `the row "${text}" checked`, 3_000).catch(() => false)) break;
    // The click landed on another row: take that check back before trying again.
    await rowsAtRest(ui);
    const after = await checkedRows(ui);
    for (const stray of after.filter((c) => !before.some((b) => b.text === c.text))) await clickRowBox(ui, ui.page.locator(ROWS).nth(stray.at));
  }
  await ui.waitFor(() => isChecked(ui, text), `the row "${text}" checked`);
}

async function clickRowBox(ui, r) {
  const box = r.locator('.monaco-checkbox, input[type=checkbox]').first();
  if (await box.count()) await box.click();
  else await r.click();
}

/** The quick input's checked rows: where each is in the list, and its text. */
function checkedRows(ui) {
  return ui.page.locator(ROWS).evaluateAll((rows) =>
    rows
      .map((r, at) => ({ at, text: r.textContent ?? '', checked: r.getAttribute('aria-checked') === 'true' || !!r.querySelector('.monaco-checkbox.checked, input[type=checkbox]:checked') }))
      .filter((r) => r.checked),
  );
}

/** Waits until the quick input's rows (their texts and places) are the same twice, 400 ms apart. */
async function rowsAtRest(ui) {
  const sample = () =>
    ui.page.locator(ROWS).evaluateAll((rows) => rows.map((r) => `${Math.round(r.getBoundingClientRect().top)}:${r.textContent}`).join('|'));
  let last = await sample();
  await ui.waitFor(async () => {
    await new Promise((done) => setTimeout(done, 400));
    const now = await sample();
    const same = now === last;
    last = now;
    return same;
  }, 'the quick pick rows at rest', 10_000);
}

/** Clicks the single-select row containing `text` (waiting for the filter to show it). */
export async function pickRow(ui, text) {
  await ui.waitFor(async () => (await row(ui, text).count()) > 0, `a quick-pick row "${text}"`);
  await row(ui, text).click();
}

/** Waits for a modal dialog containing `text`, clicks its button `button`. Returns the dialog's text. */
export async function answerDialog(ui, text, button, timeoutMs = 15_000) {
  const dialog = ui.page.locator('.monaco-dialog-box', { hasText: text });
  await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
  const said = (await dialog.innerText()).replace(/\s+/g, ' ');
  await dialog.locator('.monaco-button', { hasText: button }).first().click();
  return said;
}

/** Waits for a notification toast whose text matches `pattern`; returns its text. */
export async function notification(ui, pattern, timeoutMs = 15_000) {
  return ui.waitFor(async () => {
    const texts = await ui.page.$$eval('.notifications-toasts .notification-toast, .notification-list-item', (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
    return texts.find((t) => pattern.test(t));
  }, `a notification matching ${pattern}`, timeoutMs);
}

/** Waits for the status bar to show text matching `pattern`. */
export async function statusBar(ui, pattern, timeoutMs = 15_000) {
  return ui.waitFor(async () => {
    const text = await ui.page.$eval('#workbench\\.parts\\.statusbar', (e) => e.innerText.replace(/\s+/g, ' '));
    return pattern.test(text) && text;
  }, `the status bar showing ${pattern}`, timeoutMs);
}

/** Waits for the editor's selection item ("Ln 52, Col 1 (120 selected)") to match `pattern`. */
export async function selectionIs(ui, pattern) {
  return ui.waitFor(async () => {
    const text = await ui.page.$eval('#status\\.editor\\.selection', (e) => e.innerText.trim()).catch(() => '');
    return pattern.test(text) && text;
  }, `the editor selection ${pattern}`);
}

/** The Refactor Preview panel once it lists changes: its rows and how many checkboxes are checked. */
export async function refactorPreview(ui) {
  const { page } = ui;
  await page.waitForSelector('.bulk-edit-panel .monaco-list-row', { state: 'visible', timeout: 20_000 });
  // Expand every group so each change shows its checkbox.
  return ui.waitFor(async () => {
    const state = await page.$eval('.bulk-edit-panel', (panel) => {
      const boxes = [...panel.querySelectorAll('.edit-checkbox')];
      const checked = (b) => b.classList.contains('checked') || b.getAttribute('aria-checked') === 'true' || b.checked === true;
      return {
        rows: [...panel.querySelectorAll('.monaco-list-row')].map((r) => r.innerText.replace(/\s+/g, ' ').trim()),
        boxes: boxes.length,
        checked: boxes.filter(checked).length,
      };
    });
    return state.boxes > 0 && state;
  }, 'the Refactor Preview with checkboxes');
}

/** Clicks the Refactor Preview's Apply button. */
export async function applyRefactorPreview(ui) {
  const button = ui.page.locator('.bulk-edit-panel .buttons .monaco-button, .bulk-edit-panel .monaco-button', { hasText: 'Apply' }).first();
  await button.click();
  await ui.page.waitForSelector('.bulk-edit-panel .monaco-list-row', { state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

/** The front matter field `key` of a note's text (a raw line value), or undefined. */
export function field(text, key) {
  const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text ?? '')?.[1] ?? '';
  return new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(head)?.[1]?.trim();
}

/** Paths of notes in the workspace that `git status` reports as new. */
export function newNotes(ui) {
  return ui
    .git('status', '--porcelain', '--untracked-files=all', '--', '.learnings/notes')
    .split('\n')
    .filter((l) => l.startsWith('??'))
    .map((l) => l.slice(3).trim());
}

/** Waits until the extension serves the workspace: the Team Learnings sidebar shows its topics. */
export async function extensionReady(ui) {
  await ui.openContainer('Team Learnings');
  await ui.waitForSidebarRows(30_000);
}

/** A screenshot with the mouse out of the way (no stray hover or tooltip in it). */
export async function cleanShot(ui, name) {
  await ui.page.mouse.move(700, 890);
  return ui.shot(name);
}

/** Fails with `message` unless `ok`. */
export function expect(ok, message) {
  if (!ok) throw new HostError(message);
}

/** Today in the workbench's (this machine's) local calendar, as the extension writes it. */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
