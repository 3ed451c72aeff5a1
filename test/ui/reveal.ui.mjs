// Revealing an anchor from the note preview selects every line of it, the
// last one included.
import { HostError } from '../../scripts/vscode-host/host.mjs';

/** The status bar's selection item once it reads "Ln L, Col C (N selected)". */
function selectionInStatusBar(ui) {
  return ui.waitFor(async () => {
    const t = await ui.page.$eval('#status\\.editor\\.selection', (el) => el.textContent ?? '').catch(() => '');
    return t.includes('selected') && t;
  }, 'a selection in the status bar', 15_000);
}

export const flows = [
  {
    name: 'reveal-anchor-selects-all-lines',
    description: 'a click on the anchor link in the preview selects the anchored lines, the last one to its end',
    async run(ui) {
      const { page } = ui;
      const { stdout } = ui.cli('list', '--json');
      const note = JSON.parse(stdout).find((n) => n.title.startsWith('Claim a webhook event'));
      if (!note) throw new HostError('no note "Claim a webhook event" in the demo workspace');
      const anchor = note.anchors[0];
      const [start, end] = String(anchor.lines).split('-').map(Number);
      const lastLine = ui.read(anchor.path).split('\n')[end - 1];
      await ui.openFile(anchor.path);
      await ui.goToLine(start);
      await page.locator('.codelens-decoration a', { hasText: 'Claim a webhook' }).click({ timeout: 20_000 });
      // The link is drawn before the page's script listens for clicks: wait for the script.
      const frame = await ui.webviewFrame('body[data-script="ready"] .anchor-link');
      await frame.click('.anchor-link');
      const want = `Ln ${end}, Col ${lastLine.length + 1}`;
      const got = await selectionInStatusBar(ui);
      if (!got.startsWith(want)) throw new HostError(`after revealing ${anchor.path}:${start}-${end} the status bar reads ${JSON.stringify(got)}, not "${want} (… selected)"`);
    },
  },
  {
    name: 'this-file-row-selects-all-lines',
    description: "a click on an anchor's row in This File selects the anchored lines, the last one to its end",
    async run(ui) {
      const { page } = ui;
      const note = JSON.parse(ui.cli('list', '--json').stdout).find((n) => n.title.startsWith('Claim a webhook event'));
      if (!note) throw new HostError('no note "Claim a webhook event" in the demo workspace');
      const [start, end] = String(note.anchors[0].lines).split('-').map(Number);
      const lastLine = ui.read(note.anchors[0].path).split('\n')[end - 1];
      await ui.openContainer('Team Learnings');
      await ui.openFile(note.anchors[0].path);
      const pane = page.locator('#workbench\\.parts\\.sidebar .pane', { has: page.locator('.pane-header[aria-label^="This File"]') });
      const row = pane.locator('.monaco-list-row', { hasText: `lines ${start}–${end}` }).first();
      await row.waitFor({ state: 'visible', timeout: 20_000 });
      await row.click();
      const want = `Ln ${end}, Col ${lastLine.length + 1}`;
      const got = await selectionInStatusBar(ui);
      if (!got.startsWith(want)) throw new HostError(`after a click on "lines ${start}–${end}" in This File the status bar reads ${JSON.stringify(got)}, not "${want} (… selected)"`);
    },
  },
];
