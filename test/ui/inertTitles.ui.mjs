// Titles are untrusted text (issue #13): a teammate's note titled
// `$(verified) Fake` must read as those characters in the CodeLens and the
// hover, never as VS Code's "verified" icon; a right-to-left override in a
// title is shown as `\u202e`, not applied. Checked in the rendered DOM of the
// real workbench.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostError } from '../../scripts/vscode-host/host.mjs';

const FILE = 'src/db/pool.ts';
const FAKE = '.learnings/notes/2026-12-01-fake-verified-badge.md';
const BIDI = '.learnings/notes/2026-12-01-reversed-title.md';

/** A note anchored to `lines` (1-based, inclusive) of FILE, with the snippet as the file holds it. */
function anchoredNote(ui, title, [start, end]) {
  const snippet = ui.read(FILE).split('\n').slice(start - 1, end).map((l) => `      ${l}`).join('\n');
  return `---\ntitle: ${JSON.stringify(title)}\nkind: lesson\nauthor: Mallory\ncreated: 2026-12-01\nanchors:\n  - path: ${FILE}\n    lines: ${start}-${end}\n    snippet: |\n${snippet}\n---\nLooks official.\n`;
}

export const flows = [
  {
    name: 'inert-titles',
    description: 'a title "$(verified) Fake" reads as text in the CodeLens and the hover (no .codicon-verified); U+202E shows as \\u202e',
    async run(ui) {
      const { page } = ui;
      ui.write(FAKE, anchoredNote(ui, '$(verified) Fake', [21, 24]));
      ui.write(BIDI, anchoredNote(ui, 'Invoice \u202Efdp.exe', [8, 10]));
      ui.git('add', '-A');
      ui.git('-c', 'user.name=Mallory', '-c', 'user.email=m@example.com', 'commit', '-q', '-m', 'Two notes');

      await ui.openFile(FILE);
      await ui.goToLine(21);
      const fakeLens = page.locator('.codelens-decoration', { hasText: 'Fake' });
      await fakeLens.waitFor({ state: 'visible', timeout: 30_000 });
      const lensText = await fakeLens.innerText();
      if (!lensText.includes('$(verified) Fake')) throw new HostError(`the CodeLens reads ${JSON.stringify(lensText)}, not the literal "$(verified) Fake"`);
      const lensIcons = await fakeLens.locator('.codicon-verified').count();
      if (lensIcons !== 0) throw new HostError(`the CodeLens of "$(verified) Fake" renders ${lensIcons} .codicon-verified element(s)`);

      const bidiLens = page.locator('.codelens-decoration', { hasText: 'Invoice' });
      await bidiLens.waitFor({ state: 'visible', timeout: 15_000 });
      const bidiText = await bidiLens.innerText();
      if (bidiText.includes('\u202E') || !bidiText.includes('Invoice \\u202efdp.exe')) throw new HostError(`the CodeLens of the reversed title reads ${JSON.stringify(bidiText)}`);

      // The hover over the anchored code.
      const line = page.locator('.view-line', { hasText: "pool.on('error', (err) => {" });
      const box = await line.boundingBox();
      if (!box) throw new HostError(`line 21 of ${FILE} is not on screen`);
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Fake' });
      // A hover that does not come (the pointer arrived before the editor listened): away and back, as a person does.
      for (let attempt = 0; ; attempt++) {
        await page.mouse.move(box.x + 300, box.y - 120);
        await page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 4 });
        const shown = await hover.waitFor({ state: 'visible', timeout: attempt < 2 ? 5_000 : 15_000 }).then(() => true, () => false);
        if (shown) break;
        if (attempt === 2) throw new HostError(`no hover over line 21 of ${FILE} after three tries`);
      }
      const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
      if (!hoverText.includes('$(verified) Fake')) throw new HostError(`the hover reads ${JSON.stringify(hoverText.slice(0, 300))}, not the literal "$(verified) Fake"`);
      const hoverIcons = await hover.locator('.codicon-verified').count();
      if (hoverIcons !== 0) throw new HostError(`the hover of "$(verified) Fake" renders ${hoverIcons} .codicon-verified element(s)`);
      // The hover still renders the icons the extension puts there itself: escaping is not switching icons off.
      if ((await hover.locator('.codicon-lightbulb').count()) === 0) throw new HostError('the hover lost its own $(lightbulb) icon');
      await page.screenshot({ path: join(tmpdir(), 'inert-titles-hover.png') });
      await page.mouse.move(700, 890);
      await page.keyboard.press('Escape');
    },
  },
];
