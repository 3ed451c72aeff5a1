// The team's learning plan as its members drive it: New Goal and New Session
// from the Command Palette write their files; the Learning Plan view shows
// each goal with the plans, sessions and wins that serve it.
// No assertion here depends on the calendar: the demo's goals are listed
// whatever their state, and a session under its goal whether held or planned.
import { HostError } from '../../scripts/vscode-host/host.mjs';
import { expect, extensionReady, field, newNotes, quickInputTitled, typeInQuickInput, checkRow, pickRow, cleanShot } from './support/capture.mjs';

const SIDEBAR = '#workbench\\.parts\\.sidebar';

/**
 * Collapses every other view of the container so the Learning Plan has room
 * (the tree is virtual: rows out of sight are not in the DOM), expands it and
 * returns its rows as { level, text }.
 */
async function learningPlanRows(ui) {
  const { page } = ui;
  await ui.openContainer('Team Learnings');
  for (const title of ['Topics', 'This File', 'Follow-ups', 'Review', 'Anchors Needing Attention']) {
    const header = page.locator(`${SIDEBAR} .pane-header[aria-label^="${title}"]`);
    // On the title, at the left: the header's middle holds its toolbar (New Note, Search...).
    if ((await header.count()) && (await header.getAttribute('aria-expanded')) === 'true') await header.click({ position: { x: 12, y: 10 } });
  }
  const header = page.locator(`${SIDEBAR} .pane-header[aria-label^="Learning Plan"]`);
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click({ position: { x: 12, y: 10 } });
  const pane = page.locator(`${SIDEBAR} .pane`, { has: page.locator('.pane-header[aria-label^="Learning Plan"]') });
  return pane.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => ({ level: Number(r.getAttribute('aria-level')), text: r.innerText.replace(/\s+/g, ' ').trim() })));
}

/** Drags the sash at the sidebar's right edge to `x`, so the rows' descriptions (state, progress) show in full. */
async function widenSidebar(ui, x) {
  const { page } = ui;
  const box = await page.locator(SIDEBAR).boundingBox();
  const y = box.y + box.height - 40;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 10 });
  await page.mouse.up();
  await ui.waitFor(async () => ((await page.locator(SIDEBAR).boundingBox())?.width ?? 0) > box.width + 200, 'the sidebar wider');
}

/** The rows directly under the goal row titled `title` (empty when the goal is not shown). */
function childrenOf(rows, title) {
  const at = rows.findIndex((r) => r.text.startsWith(title));
  if (at < 0) return undefined;
  const out = [];
  for (const r of rows.slice(at + 1)) {
    if (r.level <= rows[at].level) break;
    if (r.level === rows[at].level + 1) out.push(r.text);
  }
  return out;
}

/** Waits until the Learning Plan view lists goal `title` with a child matching each of `wanted`. */
async function goalShows(ui, title, wanted) {
  let seen = [];
  return ui
    .waitFor(async () => {
      const rows = await learningPlanRows(ui);
      seen = rows;
      const children = childrenOf(rows, title);
      return children && wanted.every((w) => children.some((c) => c.includes(w))) && { rows, children };
    }, `the Learning Plan view showing "${title}" with ${wanted.map((w) => `"${w}"`).join(', ')} under it`, 30_000)
    .catch((error) => {
      throw new HostError(`${error.message}\n        the view's rows: ${JSON.stringify(seen)}`);
    });
}

export const flows = [
  {
    name: 'goals-learning-plan-view',
    description: 'the Learning Plan view shows the demo\'s three goals, each with its state and progress, and under each its plans, sessions and wins',
    async run(ui) {
      await extensionReady(ui);
      const asvs = await goalShows(ui, 'Sessions and errors at ASVS level 2', ['Action plan: ASVS level 2 for sessions and errors', 'Lunch talk: ASVS for session handling']);
      const goalRow = asvs.rows.find((r) => r.text.startsWith('Sessions and errors at ASVS level 2'));
      expect(/0 of 1 plan done · 1 session held, 0 planned · 0 wins/.test(goalRow.text) && /(on track|at risk|overdue)/.test(goalRow.text), `the ASVS goal's row reads ${JSON.stringify(goalRow.text)}`);
      const db = await goalShows(ui, 'Database changes without blocking locks', ['Action plan: after the PostgreSQL performance course', 'Workshop: reading EXPLAIN ANALYZE together', 'The migration linter caught its first blocking index']);
      expect(db.children.length === 3, `under the database goal: ${JSON.stringify(db.children)}`);
      const payments = await goalShows(ui, 'Payments that survive provider failures', ['Action plan: contract tests for the provider API', 'Lunch talk: chaos testing the webhook worker', 'A month without a single duplicate charge', 'Support now issues partial refunds without us']);
      expect(payments.children.length === 4, `under the payments goal: ${JSON.stringify(payments.children)}`);
      // A note serving no goal is under none of them.
      expect(!payments.rows.some((r) => r.text.includes('Money is an integer number of minor units')), 'a lesson that serves no goal is in the Learning Plan view');
      await widenSidebar(ui, 760);
      await cleanShot(ui, 'learning-plan');
    },
  },
  {
    name: 'goals-new-goal-and-session',
    description: 'New Goal (title, topics, due date) writes .learnings/goals/<slug>.md; New Session (title, date, goal) writes a session note serving it; the Learning Plan view shows the session under the new goal',
    async run(ui) {
      const { page } = ui;
      await extensionReady(ui);
      const GOAL = '.learnings/goals/accessible-checkout-forms.md';
      await ui.runCommand('Team Learnings: New Goal');
      await quickInputTitled(ui, 'New Goal', { rows: false });
      await page.keyboard.type('Accessible checkout forms');
      await page.keyboard.press('Enter');
      await ui.waitFor(async () => /topics/i.test(JSON.stringify(await quickInputTitled(ui, 'Topics', { rows: true }))), 'the topics quick pick');
      await checkRow(ui, 'payments');
      await page.keyboard.press('Enter');
      const due = await ui.waitFor(async () => {
        const q = await quickInputTitled(ui, 'New Goal', { rows: false });
        return /due/i.test(`${q.message} ${q.placeholder} ${q.ariaLabel}`) && q;
      }, 'the due date question');
      expect(due.value === '', `the due date is prefilled with ${JSON.stringify(due.value)}`);
      await typeInQuickInput(ui, '2027-05-31');
      await page.keyboard.press('Enter');
      const goal = await ui.waitFor(() => ui.read(GOAL), `${GOAL} written`);
      const problems = [];
      if (field(goal, 'title') !== 'Accessible checkout forms') problems.push(`title: ${field(goal, 'title')}`);
      if (field(goal, 'topics') !== '[payments]') problems.push(`topics: ${field(goal, 'topics')}`);
      if (field(goal, 'due') !== '2027-05-31') problems.push(`due: ${field(goal, 'due')}`);
      if (field(goal, 'status') !== 'open') problems.push(`status: ${field(goal, 'status')}`);
      if (!/^## Why this matters to us$/m.test(goal)) problems.push('no "Why this matters to us" section');
      expect(problems.length === 0, `the goal file is not as asked: ${problems.join('; ')}\n${goal}`);
      const check = ui.cli('check', GOAL);
      expect(check.code === 0, `learnings check on the new goal: ${check.stdout}${check.stderr}`);
      await ui.waitFor(async () => (await page.$eval('.tabs-container .tab.active', (t) => t.textContent ?? '').catch(() => '')).includes('accessible-checkout-forms.md'), 'the new goal open in the active tab');

      await ui.runCommand('Team Learnings: New Session');
      await quickInputTitled(ui, 'New Session', { rows: false });
      await page.keyboard.type('Lunch talk: screen readers at checkout');
      await page.keyboard.press('Enter');
      await ui.waitFor(async () => {
        const q = await quickInputTitled(ui, 'New Session', { rows: false });
        return /date/i.test(`${q.message} ${q.placeholder} ${q.ariaLabel}`) && q;
      }, 'the date question');
      await typeInQuickInput(ui, '2027-02-11');
      await page.keyboard.press('Enter');
      await quickInputTitled(ui, 'Which goal', { rows: true });
      await pickRow(ui, 'Accessible checkout forms');
      const path = await ui.waitFor(() => newNotes(ui).find((p) => p.endsWith('-lunch-talk-screen-readers-at-checkout.md')), 'the session note written');
      const session = ui.read(path);
      const wrong = [['kind', 'session'], ['date', '2027-02-11'], ['goal', 'accessible-checkout-forms'], ['title', '"Lunch talk: screen readers at checkout"']].filter(([k, v]) => field(session, k) !== v);
      expect(wrong.length === 0, `the session note has ${wrong.map(([k]) => `${k}: ${field(session, k)}`).join(', ')}\n${session}`);
      expect(['Agenda', 'Material', 'What we took away'].every((s) => new RegExp(`^## ${s}$`, 'm').test(session)), `the session note lacks the session template:\n${session}`);
      const sessions = JSON.parse(ui.cli('sessions', '--json').stdout);
      expect(sessions.some((s) => s.path === path && s.date === '2027-02-11'), `learnings sessions --json does not list ${path}: ${JSON.stringify(sessions).slice(0, 400)}`);
      await goalShows(ui, 'Accessible checkout forms', ['Lunch talk: screen readers at checkout']);
    },
  },
  {
    name: 'goals-dashboard-card',
    description: 'the dashboard\'s goals card shows each goal with its state and the next session; a goal clicked there is selected in the Learning Plan view',
    async run(ui) {
      const { page } = ui;
      await extensionReady(ui);
      await ui.runCommand('Team Learnings: Show Dashboard');
      const frame = await ui.webviewFrame('main.dashboard [data-card="goals"] .goal');
      const goals = await frame.$$eval('[data-card="goals"] .goal', (items) => items.map((i) => ({ slug: i.getAttribute('data-goal'), text: i.innerText.replace(/\s+/g, ' ').trim() })));
      expect(
        goals.length === 3 && goals.some((g) => g.slug === 'database-changes-without-blocking-locks' && /Database changes without blocking locks (on track|at risk|overdue) 0 of 1 plan done/.test(g.text)),
        `the goals card lists ${JSON.stringify(goals)}`,
      );
      const next = await frame.$eval('[data-card="goals"]', (c) => c.querySelector('.next-session')?.textContent ?? '');
      const planned = JSON.parse(ui.cli('sessions', '--json').stdout).filter((s) => s.state === 'planned');
      // The next session is whichever the CLI calls planned first on this day (none once every demo session is past).
      expect(planned.length === 0 ? next === '' : next.includes(planned[0].title) && next.includes(planned[0].date), `the card's next session reads ${JSON.stringify(next)}; the CLI plans ${JSON.stringify(planned.map((s) => s.title))}`);
      // The screenshot: the sidebar closed (the click below must bring the view back), the card in sight.
      await ui.runCommand('View: Toggle Primary Side Bar Visibility');
      await ui.waitFor(async () => !(await page.locator(SIDEBAR).isVisible()), 'the sidebar closed');
      await frame.$eval('[data-card="goals"]', (card) => card.scrollIntoView({ block: 'center' }));
      await cleanShot(ui, 'dashboard-goals');
      await frame.click('[data-goal="sessions-and-errors-at-asvs-2"] .goal-link');
      const header = page.locator(`${SIDEBAR} .pane-header[aria-label^="Learning Plan"]`);
      const selected = await ui.waitFor(async () => {
        if ((await header.count()) === 0) return false;
        const pane = page.locator(`${SIDEBAR} .pane`, { has: page.locator('.pane-header[aria-label^="Learning Plan"]') });
        const rows = await pane.locator('.monaco-list-row[aria-selected="true"]').evaluateAll((r) => r.map((x) => x.innerText.replace(/\s+/g, ' ').trim()));
        return rows.length === 1 && rows[0].startsWith('Sessions and errors at ASVS level 2') && rows[0];
      }, 'the ASVS goal selected in the Learning Plan view after a click on it in the dashboard');
      expect(!!selected, 'no selection');
    },
  },
  {
    name: 'goals-link-and-unlink-note',
    description: 'Link Note to Goal from the Command Palette writes goal: into the open note (one line); run again, "No goal" takes it out, and the note is as it was',
    async run(ui) {
      const NOTE = '.learnings/notes/2026-07-23-set-lock-timeout-in-every-migration.md';
      const before = ui.read(NOTE);
      expect(field(before, 'goal') === undefined, `the demo note already serves a goal: ${field(before, 'goal')}`);
      await extensionReady(ui);
      await ui.openFile(NOTE);
      await ui.runCommand('Team Learnings: Link Note to Goal');
      await quickInputTitled(ui, 'Which goal', { rows: true });
      await pickRow(ui, 'Database changes without blocking locks');
      const linked = await ui.waitFor(() => field(ui.read(NOTE) ?? '', 'goal') === 'database-changes-without-blocking-locks' && ui.read(NOTE), 'goal: written into the note');
      const numstat = ui.git('diff', '--numstat', '--', NOTE).trim();
      expect(/^1\t0\t/.test(numstat), `linking changed more than one added line: ${numstat}`);
      const listed = JSON.parse(ui.cli('list', '--goal', 'database-changes-without-blocking-locks', '--json').stdout);
      expect(listed.some((n) => n.path === NOTE), 'learnings list --goal does not list the linked note');

      // Linked, the note is offered "No goal": it takes the line out again.
      await ui.runCommand('Team Learnings: Link Note to Goal');
      await quickInputTitled(ui, 'Which goal', { rows: true });
      await pickRow(ui, 'No goal');
      await ui.waitFor(() => ui.read(NOTE) === before, 'the note back as it was, byte for byte');
      expect(linked !== before, 'linking changed nothing');
      expect(ui.git('status', '--porcelain', '--', NOTE).trim() === '', 'git still sees the note changed');
    },
  },
];
