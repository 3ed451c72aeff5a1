// Search Notes as a person uses it (issues #12, #18): the Command Palette,
// typed words in their forms, the ranked list with plain excerpts, Enter.
import { HostError } from '../../scripts/vscode-host/host.mjs';

const ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

const rowsNow = (ui) => ui.page.$$eval(ROWS, (els) => els.map((el) => el.innerText.replace(/\s+/g, ' ').trim()));

/**
 * Types `text` into Search Notes and waits until the list answers it as
 * `expected(rows)` says (the list shows every note before the first key, so
 * any rows at all prove nothing); throws with what the list shows.
 */
async function searchFor(ui, text, expected, what) {
  await ui.runCommand('Team Learnings: Search Notes');
  await ui.page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible' });
  await ui.page.keyboard.type(text);
  let last = [];
  try {
    return await ui.waitFor(async () => {
      last = await rowsNow(ui);
      return expected(last) && last;
    }, what, 20_000);
  } catch {
    throw new HostError(`Search Notes for "${text}": expected ${what}; the list shows: ${last.slice(0, 8).join(' | ')}`);
  }
}

const firstRowsHave = (n, titles) => (rows) => titles.every((t) => rows.slice(0, n).some((r) => r.includes(t)));

export const flows = [
  {
    name: 'search-finds-word-forms',
    description: 'Search Notes: "idempotent" finds the idempotency notes, title match first, plain excerpts; Enter opens the preview',
    async run(ui) {
      const rows = await searchFor(ui, 'idempotent', (r) => r.length === 6 && r[0].includes('Retro: idempotency keys rollout'), 'the six idempotency notes, the retro titled so first');
      const cli = JSON.parse(ui.cli('search', 'idempotent', '--json').stdout);
      if (cli.length !== rows.length || cli[0]?.title !== 'Retro: idempotency keys rollout') throw new HostError(`learnings search disagrees: ${cli.map((h) => h.title).join(' | ')}`);
      if (!rows.some((r) => /idempotency/i.test(r.split('·').pop() ?? ''))) throw new HostError('no excerpt shows the word that matched');
      if (rows.some((r) => /(^|\s)##\s/.test(r))) throw new HostError(`an excerpt shows raw markdown: ${rows.find((r) => /##/.test(r))}`);
      await ui.page.keyboard.press('Enter');
      const frame = await ui.webviewFrame('[data-state="note"]');
      const title = await frame.$eval('h1', (h) => h.textContent ?? '');
      if (!title.includes('Retro: idempotency keys rollout')) throw new HostError(`Enter opened ${JSON.stringify(title)}`);
    },
  },
  {
    name: 'search-first-name-and-typo',
    description: 'Search Notes: a first name finds that author\'s notes first; one typo in a longer word is forgiven',
    async run(ui) {
      const kari = ['Claim a webhook event', 'Sign a test webhook', 'Never call the provider', 'The refund webhook can arrive'];
      await searchFor(ui, 'kari', firstRowsHave(4, kari), `Kari Nordmann's four notes first`);
      await ui.page.keyboard.press('Escape');
      // Every note with "webhook" in its title, the demo's planned session too (as in the relevance set).
      const webhooks = ['The refund webhook can arrive', 'Claim a webhook event', 'Chaos test: kill the worker', 'Sign a test webhook', 'Lunch talk: chaos testing the webhook worker'];
      await searchFor(ui, 'webhok', firstRowsHave(5, webhooks), 'the five notes with "webhook" in their titles first');
    },
  },
];
