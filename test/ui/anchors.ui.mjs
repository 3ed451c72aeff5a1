/* global window, document, MutationObserver, performance */ // page.evaluate callbacks run in the workbench page
// Anchors in the workbench, driven as a person drives it: an edit inside an
// anchored range turns it drifted as the user types (no Refresh); This File,
// the hover and the preview say what `learnings check --json` says; the
// Anchors Needing Attention view lists a drifted and an orphaned anchor, and
// Show Changes and Re-anchor work from it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { HostError } from '../../scripts/vscode-host/host.mjs';

const SIDEBAR = '#workbench\\.parts\\.sidebar';
const POOL = 'src/db/pool.ts';
const POOL_NOTE = '.learnings/notes/2026-07-07-destroy-the-connection-when-rollback-fails.md';
const ERRORS = 'src/api/errors.ts';
const ERRORS_NOTE = '.learnings/notes/2026-09-17-never-echo-internal-errors.md';
const RATE_LIMIT = 'src/api/rateLimit.ts';
const RATE_LIMIT_NOTE = '.learnings/notes/2026-08-12-trust-only-the-last-forwarded-for-hop.md';

/** What `learnings check --json` says about the anchors of `note`. */
function checked(ui, note) {
  const { code, stdout, stderr } = ui.cli('check', '--json');
  if (code !== 0 && code !== 1) throw new HostError(`learnings check --json exited ${code}: ${stderr}`);
  return JSON.parse(stdout).anchors.filter((a) => a.note === note);
}

/** The words the editor uses for a check result: "drifted, 82% similar", "orphaned". */
function statusWords(a) {
  return a.status === 'drifted' && a.similarity ? `drifted, ${Math.round(a.similarity * 100)}% similar` : a.status;
}

/** The rows of a sidebar pane as locators, by the pane's title. */
function paneRows(ui, title) {
  const pane = ui.page.locator(`${SIDEBAR} .pane`, { has: ui.page.locator(`.pane-header[aria-label^="${title}"]`) });
  return pane.locator('.monaco-list-row');
}

/** Clicks an inline action (by its title) of the row of `title` in a sidebar pane. */
async function clickRowAction(ui, pane, rowText, action) {
  const row = paneRows(ui, pane).filter({ hasText: rowText }).first();
  await row.hover();
  const button = row.locator(`.action-label[aria-label="${action}"]`);
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  await button.click();
}

export const flows = [
  {
    name: 'anchor-drifts-as-you-type',
    description: 'rewriting anchored lines turns the anchor drifted within a second; This File, hover and preview agree with learnings check',
    async run(ui) {
      const { page } = ui;
      await ui.openContainer('Team Learnings');
      await ui.openFile(POOL);
      const fresh = await ui.waitFor(async () => (await ui.view('This File')).find((t) => t.startsWith('lines 39–48')), 'This File showing the anchor at lines 39–48');
      if (/drifted/.test(fresh)) throw new HostError(`before the edit the anchor reads ${fresh}`);

      // The page itself notes when the last key went down and when This File first read
      // drifted: the time between is the user's wait, without the test's polling in it.
      await page.evaluate((sidebar) => {
        const w = window;
        w.__tlLastKey = 0;
        w.__tlDriftedAt = 0;
        document.addEventListener('keydown', (e) => (w.__tlLastKey = e.timeStamp), true);
        const pane = [...document.querySelectorAll(`${sidebar} .pane`)].find((p) => p.querySelector('.pane-header[aria-label^="This File"]'));
        const driftedRow = () => [...pane.querySelectorAll('.monaco-list-row')].some((r) => /^\s*lines 39–48/.test(r.textContent) && r.textContent.includes('drifted'));
        new MutationObserver(() => {
          if (!w.__tlDriftedAt && w.__tlLastKey && driftedRow()) w.__tlDriftedAt = performance.now();
        }).observe(pane, { subtree: true, childList: true, characterData: true, attributes: true });
      }, SIDEBAR);

      // The TypeScript server VS Code starts on pool.ts takes half of a two-core machine for seconds.
      await ui.settle();
      // Rewrite two of the ten anchored lines (40-41), as a person types them.
      await ui.goToLine(40);
      await page.keyboard.press('Home');
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('    // A failed ROLLBACK leaves the client in an aborted transaction: drop it.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('// Never return such a client to the pool.');
      // Waiting on the page's own note (not reading the rows again and again, which would load the page while it draws).
      await page.waitForFunction(() => window.__tlDriftedAt > 0, null, { timeout: 5_000, polling: 250 }).catch(() => {
        throw new HostError('This File did not show the anchor at lines 39–48 drifted within 5 s of the last key');
      });
      const drifted = (await ui.view('This File')).find((t) => t.startsWith('lines 39–48') && t.includes('drifted'));
      const { lastKey, driftedAt } = await page.evaluate(() => ({ lastKey: window.__tlLastKey, driftedAt: window.__tlDriftedAt }));
      if (!lastKey || !driftedAt) throw new HostError(`the page did not note the last key (${lastKey}) or the drifted row (${driftedAt})`);
      // Drifted already while the user typed (a pause in typing) is within a second too.
      const ms = Math.max(0, Math.round(driftedAt - lastKey));
      console.log(`    drifted in This File ${ms} ms after the last key, no Refresh: ${drifted}`);
      if (ms > 1000) throw new HostError(`This File showed drifted only ${ms} ms after the edit (at most 1000)`);

      // Saved, the CLI reads the same text: the same status and place everywhere.
      await page.keyboard.press('Control+S');
      const cli = await ui.waitFor(() => checked(ui, POOL_NOTE).find((a) => a.status === 'drifted'), 'learnings check seeing the saved edit');
      const words = statusWords(cli);
      const place = `${cli.path}:${cli.lines}`;
      const [start, end] = cli.lines.split('-');
      await ui.waitFor(async () => (await ui.view('This File')).find((t) => t.startsWith(`lines ${start}–${end}`) && t.includes(words)), `This File reading "lines ${start}–${end} ${words}" as learnings check does`);

      // The hover over the anchored code: status, place, Show Changes and Re-anchor.
      const line = page.locator('.view-line', { hasText: 'client.release(broken);' });
      const box = await line.boundingBox();
      if (!box) throw new HostError('line 48 of pool.ts is not on screen');
      await page.mouse.move(box.x + 80, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Show Changes' });
      await hover.waitFor({ state: 'visible', timeout: 15_000 });
      const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
      for (const want of [words, `now at ${place}`, 'Show Changes', 'Re-anchor', 'Preview']) {
        if (!hoverText.includes(want)) throw new HostError(`the hover lacks "${want}": ${hoverText.slice(0, 400)}`);
      }
      await ui.shot('anchor-drifted-hover');

      // Its Preview link: the preview says the same.
      await hover.locator('a', { hasText: 'Preview' }).click();
      const frame = await ui.webviewFrame('.anchor-drifted .anchor-status');
      const previewText = await frame.$eval('.anchor-drifted .anchor-status', (el) => el.textContent ?? '');
      if (previewText !== `${words}, now at ${place}`) throw new HostError(`the preview reads "${previewText}", learnings check "${words}" at ${place}`);
    },
  },
  {
    name: 'anchors-needing-attention',
    description: 'the attention view lists a drifted and an orphaned anchor as learnings check does; Show Changes diffs the snippet with its code; Re-anchor fixes it',
    async run(ui) {
      const { page } = ui;
      // A teammate rewrote the comment of errors.ts and deleted rateLimit.ts.
      const errors = ui.read(ERRORS).split('\n');
      errors[42] = '  // Unknown errors: log the details, send a generic message with the request id.';
      errors[43] = '  // Driver and SDK messages leak schema names and card data.';
      errors[44] = "  log('unhandled error', { requestId, stack: err instanceof Error ? err.stack : String(err) });";
      ui.write(ERRORS, errors.join('\n'));
      rmSync(join(ui.workspace, RATE_LIMIT));
      const drifted = checked(ui, ERRORS_NOTE)[0];
      const orphaned = checked(ui, RATE_LIMIT_NOTE)[0];
      if (drifted?.status !== 'drifted' || orphaned?.status !== 'orphaned') throw new HostError(`learnings check says ${JSON.stringify([drifted, orphaned])}`);

      await ui.openContainer('Team Learnings');
      const title = 'Anchors Needing Attention';
      const rows = await ui.waitFor(async () => {
        const texts = await ui.view(title);
        const d = texts.find((t) => t.includes('Never send internal error messages'));
        const o = texts.find((t) => t.includes('Trust only the X-Forwarded-For hop'));
        return d && o && texts;
      }, 'the attention view listing the drifted and the orphaned anchor');
      if (rows.length !== 2) throw new HostError(`the attention view lists ${rows.length} anchors: ${JSON.stringify(rows)}`);
      const dRow = rows.find((t) => t.includes('Never send'));
      const oRow = rows.find((t) => t.includes('Trust only'));
      if (!dRow.includes(`${statusWords(drifted)} · ${drifted.path}:${drifted.lines}`)) throw new HostError(`the drifted row reads "${dRow}"; learnings check: ${JSON.stringify(drifted)}`);
      if (!oRow.includes(`orphaned · ${orphaned.was}`)) throw new HostError(`the orphaned row reads "${oRow}"; learnings check: ${JSON.stringify(orphaned)}`);
      await ui.shot('anchors-attention');

      // Show Changes: the captured snippet against the code it resolved to, not the whole file.
      await clickRowAction(ui, title, 'Never send', 'Show Anchor Changes');
      const tab = page.locator('.tabs-container .tab.active');
      await ui.waitFor(async () => (await tab.innerText()).includes(`captured ↔ now at ${drifted.path}:${drifted.lines}`), 'a diff tab "captured ↔ now at ..."');
      const right = await ui.waitFor(async () => {
        const lines = await page.locator('.editor.modified .view-line').allInnerTexts();
        // The snippet ends with a newline: the editor shows an empty last line after it.
        while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
        return lines.length > 0 && lines;
      }, 'the right side of the diff');
      const [s, e] = drifted.lines.split('-').map(Number);
      if (right.length !== e - s + 1) throw new HostError(`the right side shows ${right.length} lines, not the ${e - s + 1} the anchor resolved to`);

      // Re-anchor to the code found: only that anchor's fields change, and the anchor is fresh.
      const before = ui.read(ERRORS_NOTE);
      await clickRowAction(ui, title, 'Never send', 'Re-anchor to the Code Found');
      const after = await ui.waitFor(() => {
        const text = ui.read(ERRORS_NOTE);
        return text !== before && text;
      }, 'the note rewritten');
      if (!after.includes('Driver and SDK messages leak schema names')) throw new HostError('the new snippet does not hold the code now');
      const body = (t) => t.slice(t.indexOf('\n---\n'));
      const head = (t) => t.slice(0, t.indexOf('anchors:'));
      if (body(after) !== body(before) || head(after) !== head(before)) throw new HostError('Re-anchor changed more than the anchor');
      const now = checked(ui, ERRORS_NOTE)[0];
      if (now.status !== 'fresh') throw new HostError(`after Re-anchor learnings check says ${JSON.stringify(now)}`);
      await ui.waitFor(async () => {
        const texts = await ui.view(title);
        return texts.length === 1 && texts[0].includes('Trust only');
      }, 'the attention view listing only the orphaned anchor');
    },
  },
];
