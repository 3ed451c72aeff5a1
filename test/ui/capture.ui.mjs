// Capture as a person does it: select code with the keyboard, press the
// keybinding, answer kind, title and topics in the quick inputs, type in the
// new note and save. The files on disk are checked, not the command's result.
import {
  checkRow, expect, extensionReady, field, isChecked, newNotes, pickRow, quickInput, quickInputTitled, selectionIs, typeInQuickInput,
  cleanShot,
} from './support/capture.mjs';

const KINDS = [
  { kind: 'lesson', label: 'Lesson', first: 'What happened' },
  { kind: 'retro', label: 'Retrospective', first: 'Went well' },
  { kind: 'plan', label: 'Action plan', first: 'Goal' },
  { kind: 'peer', label: 'Peer learning', first: 'Context' },
  { kind: 'win', label: 'Win', first: 'The result' },
  { kind: 'idea', label: 'Idea', first: 'Problem' },
];

/** Types `marker` where the cursor is in the new note, saves, and returns the saved note's path and text. */
async function typeAndSave(ui, marker) {
  // The new note is the active editor, and has the keyboard.
  let state;
  await ui.waitFor(
    async () => {
      state = await ui.page.evaluate(() => {
        const doc = globalThis.document;
        const tab = doc.querySelector('.tabs-container .tab.active');
        const quick = doc.querySelector('.quick-input-widget .quick-input-box input:focus');
        return {
          tab: tab?.getAttribute('aria-label') ?? tab?.textContent ?? '',
          editorFocused: !!doc.activeElement?.closest('.monaco-editor'),
          quickInput: quick ? doc.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? '(untitled)' : '',
        };
      });
      return /\.md\b/.test(state.tab) && state.editorFocused && !state.quickInput;
    },
    'the new note as the focused editor',
    20_000,
  ).catch((e) => { throw new Error(`${e.message}; the workbench: ${JSON.stringify(state)}`); });
  await ui.page.keyboard.type(marker);
  await ui.page.keyboard.press('Control+S');
  return ui.waitFor(() => {
    const path = newNotes(ui).find((p) => ui.read(p)?.includes(marker));
    return path && { path, text: ui.read(path) };
  }, `a new note holding "${marker}" on disk`);
}

/** The line right under `## heading`. */
function lineAfter(text, heading) {
  const lines = text.split(/\r?\n/);
  const at = lines.indexOf(`## ${heading}`);
  return at < 0 ? undefined : lines[at + 1];
}

export const flows = [
  {
    name: 'capture-record-lesson-two-topics',
    description: 'Ctrl+K L on a keyboard selection asks kind, title and topics; two topics (one new) and the selected lines land in the note; typing goes to the first section',
    async run(ui) {
      const { page } = ui;
      await extensionReady(ui);
      await ui.openFile('src/payments/webhook.ts');
      await ui.goToLine(49);
      await selectionIs(ui, /^Ln 49, Col 1$/);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
      await selectionIs(ui, /^Ln 52, Col 1 \(\d+ selected\)$/);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('L');

      const kind = await quickInputTitled(ui, 'kind');
      expect(kind.rows.some((r) => r.includes('Lesson')) && kind.rows.some((r) => r.includes('Action plan')), `the kind pick lists ${JSON.stringify(kind.rows)}`);
      await cleanShot(ui, 'capture-kind');
      await pickRow(ui, 'Lesson');

      const title = await quickInputTitled(ui, 'New Lesson', { rows: false });
      await typeInQuickInput(ui, 'Claim the event before doing the work');
      await cleanShot(ui, 'capture-title');
      expect(/learn/i.test(`${title.message} ${title.placeholder} ${title.ariaLabel}`), `the lesson's title prompt reads ${JSON.stringify(title)}`);
      await page.keyboard.press('Enter');

      await quickInputTitled(ui, 'Topics');
      await typeInQuickInput(ui, 'webhooks');
      await checkRow(ui, 'payments/webhooks');
      await typeInQuickInput(ui, 'Retry budget');
      await checkRow(ui, 'retry-budget');
      // The topic checked before typing is still checked once the filter is cleared.
      await typeInQuickInput(ui, '');
      await ui.waitFor(async () => (await isChecked(ui, 'payments/webhooks')) && (await isChecked(ui, 'retry-budget')), 'both topics still checked after typing');
      await cleanShot(ui, 'capture-topics');
      await page.keyboard.press('Enter');

      const { path, text } = await typeAndSave(ui, 'CURSOR-HERE');
      expect(field(text, 'kind') === 'lesson', `${path}: kind is ${field(text, 'kind')}`);
      expect(field(text, 'title') === 'Claim the event before doing the work', `${path}: title is ${field(text, 'title')}`);
      expect(field(text, 'topics') === '[payments/webhooks, retry-budget]', `${path}: topics are ${field(text, 'topics')} (two were chosen)`);
      const lines = /lines:\s*(\S+)/.exec(text)?.[1];
      expect(lines === '49-51', `${path}: the anchor's lines are ${lines}, the selection was 49-51`);
      expect(lineAfter(text, 'What happened') === 'CURSOR-HERE', `${path}: typed text did not land on the empty line of the first section:\n${text.split('---').pop()}`);
    },
  },
  {
    name: 'capture-no-selection-asks',
    description: 'Record Lesson from Selection with only a cursor asks whether to anchor that line; "No anchor" records a note without anchors',
    async run(ui) {
      await extensionReady(ui);
      await ui.openFile('src/payments/webhook.ts');
      await ui.goToLine(49);
      await selectionIs(ui, /^Ln 49, Col 1$/);
      await ui.runCommand('Team Learnings: Record Lesson from Selection');
      const ask = await quickInput(ui);
      expect(ask.rows.some((r) => /line 49/.test(r)) && ask.rows.some((r) => /No anchor/.test(r)), `with no selection the first question lists ${JSON.stringify(ask.rows)} (title ${JSON.stringify(ask.title)})`);
      await pickRow(ui, 'No anchor');
      await quickInputTitled(ui, 'kind');
      await pickRow(ui, 'Lesson');
      await quickInputTitled(ui, 'New Lesson', { rows: false });
      await typeInQuickInput(ui, 'Nothing anchored');
      await ui.page.keyboard.press('Enter');
      await quickInputTitled(ui, 'Topics');
      await typeInQuickInput(ui, 'payments');
      await checkRow(ui, 'payments');
      await ui.page.keyboard.press('Enter');
      const { path, text } = await typeAndSave(ui, 'NO-ANCHOR');
      expect(!/^anchors:/m.test(text), `${path} has anchors though "No anchor" was chosen`);
    },
  },
  {
    name: 'capture-new-note-each-kind',
    description: 'New Note from the Command Palette, once per kind: a title prompt worded for the kind, the template, the cursor on the first section',
    async run(ui) {
      await extensionReady(ui);
      for (const { kind, label, first } of KINDS) {
        await ui.runCommand('Team Learnings: New Note');
        await quickInputTitled(ui, 'kind');
        await typeInQuickInput(ui, label);
        await pickRow(ui, label);
        // The title box, not the kind pick on its way out (under load it closes late and would take the typing).
        const prompt = await quickInputTitled(ui, `New ${label}`, { rows: false });
        const words = `${prompt.message} ${prompt.placeholder} ${prompt.ariaLabel}`;
        if (kind !== 'lesson') expect(!/what was learned/i.test(words), `the title prompt for a ${kind} says ${JSON.stringify(words)}`);
        if (kind === 'plan') await cleanShot(ui, 'capture-plan-title');
        await typeInQuickInput(ui, `A ${kind} from the palette`);
        await ui.page.keyboard.press('Enter');
        await quickInputTitled(ui, 'Topics');
        await typeInQuickInput(ui, 'testing');
        await checkRow(ui, 'testing');
        await ui.page.keyboard.press('Enter');
        const { path, text } = await typeAndSave(ui, `FIRST-${kind}`);
        expect(field(text, 'kind') === kind, `${path}: kind ${field(text, 'kind')}, chose ${kind}`);
        expect(field(text, 'topics') === '[testing]', `${path}: topics ${field(text, 'topics')}`);
        expect(lineAfter(text, first) === `FIRST-${kind}`, `${path}: typing did not go under "## ${first}":\n${text.split('---').pop()}`);
        if (kind === 'plan') {
          // What `learnings new --kind plan` writes too (test/unit/cli/new.test.ts): a review 14 days on, open, the author as owner.
          const created = field(text, 'created');
          const review = new Date(Date.parse(`${created}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
          expect(field(text, 'review') === review && field(text, 'status') === 'open', `${path}: a new plan has review ${field(text, 'review')} (created ${created}) and status ${field(text, 'status')}`);
          expect(field(text, 'owner') === field(text, 'author'), `${path}: a new plan's owner ${field(text, 'owner')}, author ${field(text, 'author')}`);
        }
        await ui.runCommand('View: Close All Editors');
      }
    },
  },
];
