// The sidebar's first look: Topics has room for its rows, an empty This File
// takes little of the height.
import { HostError } from '../../scripts/vscode-host/host.mjs';

const SIDEBAR = '#workbench\\.parts\\.sidebar';

export const flows = [
  {
    name: 'sidebar-topics-gets-rows',
    description: 'on first open, Topics is taller than the empty This File, and shows every top-level topic',
    async run(ui) {
      const { page } = ui;
      await ui.openContainer('Team Learnings');
      await ui.waitForSidebarRows();
      const height = (title) =>
        page.locator(`${SIDEBAR} .pane`, { has: page.locator(`.pane-header[aria-label^="${title}"]`) }).first().evaluate((el) => el.getBoundingClientRect().height);
      const [topics, thisFile] = [await height('Topics'), await height('This File')];
      if (!(topics > 1.5 * thisFile)) throw new HostError(`Topics is ${Math.round(topics)} px high, the empty This File ${Math.round(thisFile)} px`);
      const rows = await ui.view('Topics');
      if (rows.length < 7) throw new HostError(`Topics shows ${rows.length} rows of the demo's 7 top-level topics: ${rows.join(' | ')}`);
    },
  },
];
