// The Topics view, opened as a person opens it, shows what `learnings topics`
// says about the same workspace.
import { HostError } from '../../scripts/vscode-host/host.mjs';

export const flows = [
  {
    name: 'topics-view-matches-cli',
    description: 'a click on the activity bar shows the topics `learnings topics --json` lists',
    async run(ui) {
      const { code, stdout } = ui.cli('topics', '--json');
      if (code !== 0) throw new HostError(`learnings topics --json exited ${code}`);
      const listed = JSON.parse(stdout);
      const topLevel = (Array.isArray(listed) ? listed : listed.topics ?? [])
        .map((t) => (t.slug?.includes('/') ? t.slug : t.title ?? t.slug))
        .filter((slug) => typeof slug === 'string' && !slug.includes('/'));
      if (topLevel.length === 0) throw new HostError(`learnings topics --json listed no top-level topic: ${stdout.slice(0, 200)}`);
      await ui.openContainer('Team Learnings');
      const rows = await ui.waitFor(async () => {
        const texts = await ui.view('Topics');
        return topLevel.every((slug) => texts.some((t) => t.toLowerCase().includes(slug.toLowerCase()))) && texts;
      }, `the Topics view showing ${topLevel.join(', ')}`);
      if (rows.length < topLevel.length) throw new HostError(`the Topics view shows ${rows.length} rows for ${topLevel.length} topics`);
    },
  },
];
