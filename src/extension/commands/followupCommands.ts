// Follow-ups on action plans: add a check-in, mark done, drop; and the
// status bar item with the number of plans due.

import * as vscode from 'vscode';
import { addCheckIn, closePlan, daysBetween, followUpEntry, followups, isDue, reopenPlan, type FollowUpAnswers, type Followup } from '../../core/teamLoop/followups';
import { addDays, isIsoDate } from '../../core/dates';
import type { LearningsService } from '../service';
import { editNoteFile } from '../noteWriter';
import { noteOrActive } from '../commandArgs';
import { sessionsSoon } from '../../core/goals/sessions';
import { lastCheckInLine } from '../planText';

export interface CheckInArgs {
  note?: string;
  text?: string;
  /** The answers to the follow-up questions, instead of asking them (`text` wins when both are given). */
  answers?: FollowUpAnswers;
  /** Days until the next check-in (default 14); the user is asked when neither this nor `review` is given. */
  nextInDays?: number;
  /** The next review date, `YYYY-MM-DD`. */
  review?: string;
  date?: string;
}

/** The next check-in is proposed this many days on; the user confirms or changes it. */
const PROPOSED_DAYS = 14;

function planOf(service: LearningsService, path: string | undefined) {
  return service.ready().then((index) => (path ? index.get(path) : undefined));
}

export async function addCheckInCommand(service: LearningsService, arg: unknown): Promise<boolean> {
  const args = (arg && typeof arg === 'object' && ('text' in arg || 'answers' in arg) ? arg : {}) as CheckInArgs;
  const path = args.note ?? noteOrActive(arg, service);
  const note = await planOf(service, path);
  if (!path || note?.kind !== 'plan') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Check-ins are for action plans: open or select a note of kind plan.'));
    return false;
  }
  const text = args.text ?? (args.answers ? followUpEntry(args.answers) : await askFollowUp(note.title));
  if (!text?.trim()) return false;
  const date = args.date ?? service.clock.today();
  // Called with an argument object and no date: two weeks, as before; from the UI the user confirms the date.
  let next = args.nextInDays ?? ((args.text !== undefined || args.answers !== undefined) && args.review === undefined ? PROPOSED_DAYS : undefined);
  if (next === undefined) {
    const review =
      args.review ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Check-in on "{0}"', note.title),
        prompt: vscode.l10n.t('Next review date (YYYY-MM-DD): the plan is due for a check-in then'),
        value: addDays(date, PROPOSED_DAYS),
        valueSelection: [0, 10],
        ignoreFocusOut: true,
        validateInput: (v) =>
          !isIsoDate(v.trim()) ? vscode.l10n.t('A date as YYYY-MM-DD, like {0}', addDays(date, PROPOSED_DAYS)) : v.trim() < date ? vscode.l10n.t('The next review cannot be before today') : undefined,
      }));
    if (review === undefined || !isIsoDate(review.trim())) return false;
    next = daysBetween(date, review.trim());
  }
  try {
    await editNoteFile(service, path, (t) => addCheckIn(t, date, text, next));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Check-in added; next review {0}', addDays(date, next)), 5000);
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage((err as Error).message);
    return false;
  }
}

/**
 * The three follow-up questions, one after the other, each optional (Enter
 * with nothing skips it); Escape cancels the check-in. Their answers as one
 * entry, or undefined.
 */
async function askFollowUp(title: string): Promise<string | undefined> {
  const questions: Array<[keyof FollowUpAnswers, string, string]> = [
    ['dailyWork', vscode.l10n.t('How has the new knowledge changed your daily work?'), vscode.l10n.t('Question 1 of 3, optional: Enter with nothing skips it')],
    ['inTheWay', vscode.l10n.t('What got in the way?'), vscode.l10n.t('Question 2 of 3, optional: Enter with nothing skips it')],
    ['support', vscode.l10n.t('What support do you need?'), vscode.l10n.t('Question 3 of 3, optional: Enter with nothing skips it')],
  ];
  const answers: FollowUpAnswers = {};
  for (const [key, prompt, placeholder] of questions) {
    const answer = await vscode.window.showInputBox({ title: vscode.l10n.t('Check-in on "{0}"', title), prompt, placeHolder: placeholder, ignoreFocusOut: true });
    if (answer === undefined) return undefined;
    answers[key] = answer;
  }
  const entry = followUpEntry(answers);
  if (!entry) void vscode.window.showInformationMessage(vscode.l10n.t('No check-in added: every question was left empty.'));
  return entry;
}

export interface CloseArgs {
  note?: string;
  /** The outcome (done) or reason (dropped); asked when absent. */
  text?: string;
  date?: string;
}

/** How the closing check-in begins: also how Reopen Plan recognises it. */
function closingPrefix(status: 'done' | 'dropped'): string {
  return status === 'done' ? vscode.l10n.t('Done') : vscode.l10n.t('Dropped');
}

export async function setStatusCommand(service: LearningsService, arg: unknown, status: 'done' | 'dropped'): Promise<boolean> {
  const args = (arg && typeof arg === 'object' && 'text' in arg ? arg : {}) as CloseArgs;
  const path = args.note ?? noteOrActive(arg, service);
  const note = await planOf(service, path);
  if (!path || note?.kind !== 'plan') {
    void vscode.window.showWarningMessage(
      status === 'done'
        ? vscode.l10n.t('Mark Plan Done is for action plans: open or select a note of kind plan.')
        : vscode.l10n.t('Drop Plan is for action plans: open or select a note of kind plan.'),
    );
    return false;
  }
  const text =
    args.text ??
    (await vscode.window.showInputBox({
      title: status === 'done' ? vscode.l10n.t('Mark "{0}" done', note.title) : vscode.l10n.t('Drop "{0}"', note.title),
      prompt:
        status === 'done'
          ? vscode.l10n.t('The outcome (optional): was the target met? It is recorded as a check-in.')
          : vscode.l10n.t('The reason (optional): why is the plan dropped? It is recorded as a check-in.'),
      ignoreFocusOut: true,
    }));
  if (text === undefined) return false;
  const prefix = closingPrefix(status);
  const entry = text.trim() ? `${prefix}: ${text.trim()}` : `${prefix}.`;
  try {
    await editNoteFile(service, path, (t) => closePlan(t, status, args.date ?? service.clock.today(), entry));
    if (args.text === undefined) {
      const reopen = vscode.l10n.t('Reopen Plan');
      void vscode.window
        .showInformationMessage(status === 'done' ? vscode.l10n.t('"{0}" is done.', note.title) : vscode.l10n.t('"{0}" is dropped.', note.title), reopen)
        .then((choice) => (choice === reopen ? reopenPlanCommand(service, { note: path }) : undefined));
    }
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage((err as Error).message);
    return false;
  }
}

/** Opens a done or dropped plan again; reopened the day it was closed, the closing check-in goes too. */
export async function reopenPlanCommand(service: LearningsService, arg: unknown): Promise<boolean> {
  const args = (arg && typeof arg === 'object' && 'note' in arg ? arg : {}) as { note?: string; date?: string };
  const path = args.note ?? noteOrActive(arg, service);
  const note = await planOf(service, path);
  if (!path || note?.kind !== 'plan') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Reopen Plan is for action plans: open or select a note of kind plan.'));
    return false;
  }
  if ((note.status ?? 'open') === 'open') {
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is open already.', note.title));
    return false;
  }
  try {
    await editNoteFile(service, path, (t) => reopenPlan(t, args.date ?? service.clock.today(), [closingPrefix('done'), closingPrefix('dropped')]));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('"{0}" is open again.', note.title), 5000);
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage((err as Error).message);
    return false;
  }
}

/** After activation, when the count is loaded for the status bar: start-up first, the notes a moment later. */
const STARTUP_LOAD_DELAY_MS = 1500;
/** Plans named one by one in the tooltip; the rest are counted. */
const TOOLTIP_PLANS = 5;

/** "2 follow-ups due" in the status bar; a click opens the Follow-ups view. */
/** `all` (multi-root): every folder's service, the count summed over them; `onFoldersChange` when they change. */
export function registerFollowupStatus(
  context: vscode.ExtensionContext,
  service: LearningsService,
  all: () => LearningsService[] = () => [service],
  onFoldersChange?: vscode.Event<void>,
): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('teamLearnings.followups', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Team Learnings follow-ups');
  item.command = 'teamLearnings.followups.focus';
  const update = () => {
    const services = all();
    const indexes = services.map((s) => s.indexIfLoaded);
    if (!indexes.some((i) => i)) return;
    const due = indexes.flatMap((index, i) => (index ? followups(index.query({ kind: 'plan' }), services[i].clock.today()).filter(isDue) : []));
    const overdue = due.filter((f) => f.state === 'overdue').length;
    // A learning session within 7 days shows with the plans due (#16).
    const soon = indexes.flatMap((index, i) => (index ? sessionsSoon(index.query({ kind: 'session' }), services[i].clock.today()) : [])).sort((a, b) => a.date!.localeCompare(b.date!));
    if (due.length === 0 && soon.length === 0) {
      item.hide();
      return;
    }
    const session = soon[0] ? `$(calendar) ${vscode.l10n.t('session {0}', soon[0].date!)}` : '';
    item.text = [due.length ? `$(checklist) ${due.length === 1 ? vscode.l10n.t('1 follow-up due') : vscode.l10n.t('{0} follow-ups due', due.length)}` : '', session].filter(Boolean).join('  ');
    item.tooltip = followupTooltip(due, overdue);
    for (const n of soon) {
      item.tooltip.appendMarkdown('\n\n');
      item.tooltip.appendText(vscode.l10n.t('Learning session {0}: {1}', n.date!, n.title));
    }
    item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  context.subscriptions.push(item, onFoldersChange ? onFoldersChange(update) : service.onDidChange(update));
  // Counted once the first Topics rows are served (see LearningsService.afterFirstRows).
  for (const s of all()) void s.whenLoaded().then(() => s.afterFirstRows()).then(update);
  // Activation does no scan; a window opened on overdue plans still shows the count, once start-up is over.
  const timer = setTimeout(() => void Promise.all(all().map((s) => s.afterFirstRows())).then(update), STARTUP_LOAD_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return item;
}

/** Each due plan with its review date and its last check-in. */
export function followupTooltip(due: Followup[], overdue: number): vscode.MarkdownString {
  const tip = new vscode.MarkdownString(undefined, false);
  tip.appendText(overdue ? vscode.l10n.t('{0} overdue. Click to see the action plans.', overdue) : vscode.l10n.t('Click to see the action plans.'));
  for (const f of due.slice(0, TOOLTIP_PLANS)) {
    tip.appendMarkdown('\n\n');
    tip.appendText(`${f.note.title} · ${vscode.l10n.t('due {0}', f.note.review ?? '')}`);
    tip.appendMarkdown('  \n');
    tip.appendText(lastCheckInLine(f.note));
  }
  if (due.length > TOOLTIP_PLANS) {
    tip.appendMarkdown('\n\n');
    tip.appendText(vscode.l10n.t('and {0} more', due.length - TOOLTIP_PLANS));
  }
  return tip;
}
