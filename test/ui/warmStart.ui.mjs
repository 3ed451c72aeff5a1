// A warm start (issue #18) as a person lives it: open the sidebar, quit, let
// teammates' changes arrive (a pull: a note changed, one added, one
// deleted), open VS Code again. The second start takes the unchanged notes
// from the index cache in the extension's storage and still shows every
// change; a cache that is corrupt is ignored.
import { readFileSync, writeFileSync } from 'node:fs';
import { HostError, indexCacheFiles } from '../../scripts/vscode-host/host.mjs';

const NOTES = '.learnings/notes';

async function topicsShown(ui) {
  await ui.openContainer('Team Learnings');
  return ui.waitFor(async () => {
    const rows = await ui.view('Topics');
    return rows.length > 3 && rows;
  }, 'the Topics view showing its topics');
}

/** The rows of the Topics view with only `topicLabel` expanded (the tree is virtual: other open topics would push rows out). */
async function notesUnder(ui, topicLabel) {
  const pane = ui.page.locator('#workbench\\.parts\\.sidebar .pane:has(.pane-header[aria-label^="Topics"])');
  await pane.locator('.pane-header').hover();
  await pane.locator('.actions .action-label[aria-label^="Collapse All"]').click();
  const row = pane.locator('.monaco-list-row', { hasText: topicLabel }).first();
  await ui.waitFor(async () => (await row.getAttribute('aria-expanded')) === 'false', `${topicLabel} collapsed`);
  // The view may be redrawn under the click (the rows drawn from the cache's head, corrected): a person clicks again.
  for (let attempt = 0; ; attempt++) {
    await row.click();
    const open = await ui.waitFor(async () => (await row.getAttribute('aria-expanded')) === 'true', `${topicLabel} expanded`, 5_000).then(() => true, () => false);
    if (open) break;
    if (attempt === 2) throw new HostError(`${topicLabel} does not expand after three clicks`);
  }
  // Its children, one level below it: the row after it may still be the next topic while they render.
  const level = Number(await row.getAttribute('aria-level'));
  return ui.waitFor(async () => {
    const rows = await pane.locator('.monaco-list-row').evaluateAll((all) =>
      all.map((r) => ({ level: Number(r.getAttribute('aria-level')), text: r.innerText.replace(/\s+/g, ' ').trim() })));
    const at = rows.findIndex((r) => r.text.toLowerCase().startsWith(topicLabel.toLowerCase()));
    if (at < 0) return false;
    const children = [];
    for (const r of rows.slice(at + 1)) {
      if (r.level <= level) break;
      if (r.level === level + 1) children.push(r.text);
    }
    return children.length > 0 && children;
  }, `the notes under ${topicLabel}`);
}

export const flows = [
  {
    name: 'warm-start-cache',
    description: 'a second start takes notes from the index cache, shows a note changed, added and deleted meanwhile, and ignores a corrupt cache',
    ownServer: true,
    async run(ui) {
      await topicsShown(ui);
      const [cacheFile] = await ui.waitFor(() => {
        const found = indexCacheFiles(ui.userDataDir);
        return found.length && Object.keys(JSON.parse(readFileSync(found[0], 'utf8')).files).length >= 28 && found;
      }, 'the index cache written in the workspace storage');

      // The cache is used: a cached title that no longer matches the file's
      // text, with the file's size and time unchanged, shows after a restart.
      const marked = `${NOTES}/2026-09-10-inject-the-clock-and-the-dice.md`;
      const changed = `${NOTES}/2026-08-06-jitter-your-retries.md`;
      // While VS Code is closed (no extension host to rewrite the cache):
      ui = await ui.restart(() => {
        const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
        if (!cached.files[marked]) throw new HostError(`${marked} is not in the cache`);
        cached.files[marked].note.title = 'Title from the index cache';
        writeFileSync(cacheFile, JSON.stringify(cached));
        // and a pull: one note rewritten, one added, one deleted.
        ui.write(changed, ui.read(changed).replace('title: Backoff without jitter is a synchronised retry storm', 'title: Jitter every backoff, or retries come in storms'));
        ui.write(`${NOTES}/2026-11-30-zz-new-note.md`, '---\ntitle: A note from the pull\ntopics: [zz-pulled]\nauthor: Ana Berg\ncreated: 2026-11-30\n---\n\nBody.\n');
        ui.git('rm', '-q', `${NOTES}/2026-11-12-throttle-last-seen-writes.md`);
      });
      await topicsShown(ui);
      // The first rows come from the cache's head; the load that validates it redraws them with the pulled topic.
      await ui.waitFor(async () => (await ui.view('Topics')).some((r) => r.startsWith('zz-pulled')), 'the topic of the pulled note among the first rows');
      const testing = await notesUnder(ui, 'testing');
      if (!testing.some((r) => r.includes('Title from the index cache'))) {
        throw new HostError(`the second start did not take the unchanged note from the cache; Topics shows: ${testing.join(' | ')}`);
      }
      const rows = await ui.waitFor(async () => {
        const r = await notesUnder(ui, 'reliability');
        return r.some((x) => x.includes('Jitter every backoff')) && r;
      }, 'the changed note under reliability');
      if (rows.some((r) => r.includes('Backoff without jitter'))) throw new HostError('the old title of the changed note still shows');
      const database = await notesUnder(ui, 'database');
      if (database.some((r) => r.includes('One write per request'))) throw new HostError('the deleted note still shows');

      // A corrupt cache is ignored: everything is read again.
      ui = await ui.restart(() => writeFileSync(cacheFile, '{"format":1,"files":{"broken'));
      await topicsShown(ui);
      const after = await notesUnder(ui, 'testing');
      if (after.some((r) => r.includes('Title from the index cache'))) throw new HostError('a corrupt cache was trusted');
      if (!after.some((r) => r.includes('Inject the clock and the dice'))) throw new HostError(`after a corrupt cache, Topics shows: ${after.join(' | ')}`);
    },
  },
];
