// Action plans as their owner follows them up: Add Check-in (the next review
// date proposed, then confirmed or changed), Mark Done and Drop (an outcome
// or reason recorded as a dated check-in; Reopen Plan undoes), the commands
// offered only while a plan is open, and dropped plans in digest and dashboard.
import { addDays } from './support/dates.mjs';
import { expect, extensionReady, field, localToday, notification, quickInput, typeInQuickInput, cleanShot } from './support/capture.mjs';

const ASVS = '.learnings/notes/2026-09-24-plan-after-the-asvs-workshop.md';
const POSTGRES = '.learnings/notes/2026-07-14-plan-after-the-postgresql-performance-course.md';

/** The check-in lines of a plan's text. */
function checkIns(text) {
  const section = /^## Check-ins\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text ?? '')?.[1] ?? '';
  return section.split('\n').filter((l) => /^- \d{4}-\d{2}-\d{2}/.test(l));
}

/** Whether the Command Palette lists a command whose title contains `title` (once it has filtered what was typed). */
async function paletteLists(ui, title) {
  const { page } = ui;
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible' });
  await page.keyboard.type(title);
  // Filtered: the box holds what was typed and the rows have stopped changing.
  let previous;
  const rows = await ui.waitFor(async () => {
    const state = await page.$eval('.quick-input-widget', (w) => JSON.stringify({
      value: w.querySelector('.quick-input-box input')?.value ?? '',
      rows: [...w.querySelectorAll('.quick-input-list .monaco-list-row')].map((r) => r.innerText.replace(/\s+/g, ' ')),
    }));
    const settled = state === previous && JSON.parse(state).value.endsWith(title);
    previous = state;
    if (!settled) await new Promise((r) => setTimeout(r, 300));
    return settled && JSON.parse(state).rows;
  }, `the Command Palette filtered by "${title}"`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  return rows.some((r) => r.includes(title.replace('Team Learnings: ', '')));
}

export const flows = [
  {
    name: 'plans-check-in-confirms-date',
    description: 'Add Check-in asks the three follow-up questions (each optional), then proposes the next review date; the answers are one dated entry, the date the user types is the one written',
    async run(ui) {
      await extensionReady(ui);
      await ui.openFile(ASVS);
      await ui.runCommand('Team Learnings: Add Check-in');
      const first = await quickInput(ui, { rows: false });
      expect(/daily work/i.test(`${first.title} ${first.message} ${first.placeholder} ${first.ariaLabel}`), `the first question is ${JSON.stringify(first)}`);
      await ui.page.keyboard.type('Threat model reviewed with the team');
      await cleanShot(ui, 'plans-check-in');
      await ui.page.keyboard.press('Enter');
      await ui.waitFor(async () => /in the way/i.test(JSON.stringify(await quickInput(ui, { rows: false }))), 'the second question: what got in the way');
      await ui.page.keyboard.press('Enter');
      await ui.waitFor(async () => /support/i.test(JSON.stringify(await quickInput(ui, { rows: false }))), 'the third question: what support is needed');
      await ui.page.keyboard.type('Pairing time with security');
      await ui.page.keyboard.press('Enter');
      const proposal = await ui.waitFor(async () => {
        const q = await quickInput(ui, { rows: false });
        return /review/i.test(`${q.title} ${q.message} ${q.placeholder} ${q.ariaLabel}`) && q;
      }, 'a second question: the next review date');
      const today = localToday();
      expect(proposal.value === addDays(today, 14), `the proposed review date is ${JSON.stringify(proposal.value)}, expected ${addDays(today, 14)} (two weeks)`);
      await cleanShot(ui, 'plans-check-in-date');
      await typeInQuickInput(ui, '2027-01-15');
      await ui.page.keyboard.press('Enter');
      await ui.waitFor(() => field(ui.read(ASVS), 'review') === '2027-01-15', `review: 2027-01-15 on disk (it is ${field(ui.read(ASVS), 'review')})`);
      const entries = checkIns(ui.read(ASVS));
      expect(entries.at(-1) === `- ${today}: Daily work: Threat model reviewed with the team · Support needed: Pairing time with security`, `the last check-in reads ${JSON.stringify(entries.at(-1))}`);
      // A minimal diff: the entry added, the review date changed, nothing else.
      const numstat = ui.git('diff', '--numstat', '--', ASVS).trim();
      expect(numstat.startsWith('2\t1\t'), `the check-in changed more than the entry and the review date: ${numstat}\n${ui.git('diff', '--', ASVS)}`);
    },
  },
  {
    name: 'plans-done-then-reopen',
    description: 'Mark Plan Done asks for the outcome and records it as a dated check-in; Reopen Plan undoes it; the plan commands are offered only while a plan is open',
    async run(ui) {
      await extensionReady(ui);
      await ui.openFile('src/payments/webhook.ts');
      expect(!(await paletteLists(ui, 'Team Learnings: Mark Plan Done')), 'the Command Palette lists Mark Plan Done while a code file is active');
      expect(!(await paletteLists(ui, 'Team Learnings: Drop Plan')), 'the Command Palette lists Drop Plan while a code file is active');
      const original = ui.read(ASVS);
      await ui.openFile(ASVS);
      await ui.waitFor(() => paletteLists(ui, 'Team Learnings: Mark Plan Done'), 'Mark Plan Done in the Command Palette with the plan open');
      await ui.runCommand('Team Learnings: Mark Plan Done');
      const ask = await quickInput(ui, { rows: false });
      expect(/outcome/i.test(`${ask.title} ${ask.message} ${ask.placeholder} ${ask.ariaLabel}`), `Mark Plan Done asks ${JSON.stringify(ask)}`);
      await ui.page.keyboard.type('Every checklist item is in the review template');
      await cleanShot(ui, 'plans-done-outcome');
      await ui.page.keyboard.press('Enter');
      await ui.waitFor(() => field(ui.read(ASVS), 'status') === 'done', `status: done on disk (it is ${field(ui.read(ASVS), 'status')})`);
      const entry = checkIns(ui.read(ASVS)).at(-1) ?? '';
      expect(entry.startsWith(`- ${localToday()}: `) && entry.includes('Every checklist item is in the review template'), `the outcome's check-in reads ${JSON.stringify(entry)}`);
      await notification(ui, /done/i);
      await ui.waitFor(() => paletteLists(ui, 'Team Learnings: Reopen Plan'), 'Reopen Plan in the Command Palette for the done plan');
      await ui.runCommand('Team Learnings: Reopen Plan');
      await ui.waitFor(() => ui.read(ASVS) === original, `the plan back as it was after Reopen Plan (git diff: ${ui.git('diff', '--', ASVS).slice(0, 400)})`);
    },
  },
  {
    name: 'plans-drop-shows-in-digest-and-dashboard',
    description: 'Drop Plan asks for a reason and records it; the dropped plan shows in the digest and on the dashboard',
    async run(ui) {
      await extensionReady(ui);
      await ui.openFile(POSTGRES);
      await ui.runCommand('Team Learnings: Drop Plan');
      const ask = await quickInput(ui, { rows: false });
      expect(/reason|why/i.test(`${ask.title} ${ask.message} ${ask.placeholder} ${ask.ariaLabel}`), `Drop Plan asks ${JSON.stringify(ask)}`);
      await ui.page.keyboard.type('The reporting database moved to the data team');
      await ui.page.keyboard.press('Enter');
      await ui.waitFor(() => field(ui.read(POSTGRES), 'status') === 'dropped', `status: dropped on disk (it is ${field(ui.read(POSTGRES), 'status')})`);
      const entry = checkIns(ui.read(POSTGRES)).at(-1) ?? '';
      expect(entry.startsWith(`- ${localToday()}: `) && entry.includes('The reporting database moved to the data team'), `the reason's check-in reads ${JSON.stringify(entry)}`);
      const digest = ui.cli('digest', '--since', addDays(localToday(), -7), '--today', localToday());
      expect(digest.code === 0 && /Dropped.*PostgreSQL/i.test(digest.stdout), `the digest does not show the dropped plan:\n${digest.stdout}${digest.stderr}`);
      await ui.runCommand('Team Learnings: Show Dashboard');
      const frame = await ui.webviewFrame('main.dashboard [data-card="contributors"]');
      const text = await frame.$eval('main.dashboard', (m) => m.innerText.replace(/\s+/g, ' '));
      expect(/dropped/i.test(text), `the dashboard does not mention dropped plans: ${text.slice(0, 400)}`);
      await cleanShot(ui, 'plans-dashboard-dropped');
    },
  },
];
