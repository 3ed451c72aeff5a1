/* global document */ // page.evaluate callbacks run in the workbench page
// The dashboard's card links, clicked as a person clicks them: each opens the
// view that shows what its card counts.
import { HostError } from '../../scripts/vscode-host/host.mjs';

/** The title of the sidebar view that has the keyboard focus, or of the active editor. */
async function focused(page) {
  return page.evaluate(() => {
    const pane = document.activeElement?.closest('.pane');
    const header = pane?.querySelector('.pane-header')?.getAttribute('aria-label');
    if (header) return `view:${header.split(/\s+Section$/)[0]}`;
    const tab = document.querySelector('.editor-group-container.active .tab.active')?.getAttribute('aria-label');
    return tab ? `editor:${tab}` : `other:${document.activeElement?.className ?? ''}`;
  });
}

export const flows = [
  {
    name: 'dashboard-card-links',
    description: 'each card title of the dashboard opens its own view: notes → Topics, plans → Follow-ups, contributors → the digest of the last 30 days',
    async run(ui) {
      const { page } = ui;
      const expected = {
        notes: /^view:Topics/,
        plans: /^view:Follow-ups/,
        contributors: /^editor:team-learnings-/,
      };
      // The extension is active (its views show rows) before its commands are looked for in the palette.
      await ui.openContainer('Team Learnings');
      await ui.waitForSidebarRows();
      const problems = [];
      for (const [card, want] of Object.entries(expected)) {
        const link = `[data-card="${card}"] .card-link`;
        // Show Dashboard re-renders the page: a frame found a moment ago may be replaced; click in the current one.
        await ui.waitFor(async () => {
          await ui.runCommand('Team Learnings: Show Dashboard');
          const frame = await ui.webviewFrame(link, 8000);
          await frame.click(link, { timeout: 3000 });
          return true;
        }, `a click on the ${card} card's link`, 40_000);
        const got = await ui.waitFor(async () => {
          const f = await focused(page);
          return want.test(f) && f;
        }, `the ${card} card's link opening ${want}`, 10_000).catch((e) => {
          problems.push(`${card}: ${e.message}`);
        });
        if (got && card === 'contributors') {
          // The digest's editor may take a moment to render its text: wait for it, then judge.
          let text = '';
          await ui
            .waitFor(async () => {
              text = (await page.$eval('.editor-group-container.active .view-lines', (el) => el.innerText).catch(() => '')).replace(/\u00a0/g, ' ');
              return /Who contributed|Team learnings/.test(text);
            }, 'the digest of the contributors link', 10_000)
            .catch(() => problems.push(`the contributors link opened ${JSON.stringify(text.slice(0, 120))}`));
        }
        await page.keyboard.press('Escape');
      }
      if (problems.length) throw new HostError(problems.join('\n        '));
    },
  },
];
