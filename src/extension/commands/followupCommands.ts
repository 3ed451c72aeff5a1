// Follow-ups on action plans: add a check-in, mark done, drop; and the
// status bar item with the number of plans due.

import * as vscode from 'vscode';
import { addCheckIn, checkIns, followups, isDue, setPlanStatus, type Followup } from '../../core/followups';
import { today } from '../../core/dates';
import type { LearningsService } from '../service';
import { editNoteFile } from '../noteWriter';
import { notePathOf } from './navigation';

export interface CheckInArgs {
  note?: string;
  text?: string;
  /** Days until the next check-in (default 14). */
  nextInDays?: number;
  date?: string;
}

export async function addCheckInCommand(service: LearningsService, arg: unknown): Promise<boolean> {
  const args = (arg && typeof arg === 'object' && 'text' in arg ? arg : {}) as CheckInArgs;
  const path = args.note ?? notePathOf(service, arg);
  const note = path ? (await service.ready()).get(path) : undefined;
  if (!path || note?.kind !== 'plan') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Check-ins are for action plans: select a note of kind plan.'));
    return false;
  }
  const text =
    args.text ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Check-in on "{0}"', note.title),
      prompt: vscode.l10n.t('Where are we against the target? What is next?'),
      ignoreFocusOut: true,
    }));
  if (!text?.trim()) return false;
  const next = args.nextInDays ?? 14;
  try {
    await editNoteFile(service, path, (t) => addCheckIn(t, args.date ?? today(), text, next));
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage((err as Error).message);
    return false;
  }
}

export async function setStatusCommand(service: LearningsService, arg: unknown, status: 'done' | 'dropped'): Promise<boolean> {
  const path = notePathOf(service, arg);
  const note = path ? (await service.ready()).get(path) : undefined;
  if (!path || note?.kind !== 'plan') return false;
  try {
    await editNoteFile(service, path, (t) => setPlanStatus(t, status));
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
export function registerFollowupStatus(context: vscode.ExtensionContext, service: LearningsService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('teamLearnings.followups', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Team Learnings follow-ups');
  item.command = 'teamLearnings.followups.focus';
  const update = () => {
    const index = service.indexIfLoaded;
    if (!index) return;
    const due = followups(index.query({ kind: 'plan' }), today()).filter(isDue);
    const overdue = due.filter((f) => f.state === 'overdue').length;
    if (due.length === 0) {
      item.hide();
      return;
    }
    item.text = `$(checklist) ${due.length === 1 ? vscode.l10n.t('1 follow-up due') : vscode.l10n.t('{0} follow-ups due', due.length)}`;
    item.tooltip = followupTooltip(due, overdue);
    item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  context.subscriptions.push(item, service.onDidChange(update));
  void service.whenLoaded().then(update);
  // Activation does no scan; a window opened on overdue plans still shows the count, once start-up is over.
  const timer = setTimeout(() => void service.ready().then(update), STARTUP_LOAD_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return item;
}

/** Each due plan with its review date and its last check-in. */
export function followupTooltip(due: Followup[], overdue: number): vscode.MarkdownString {
  const tip = new vscode.MarkdownString(undefined, false);
  tip.appendText(overdue ? vscode.l10n.t('{0} overdue. Click to see the action plans.', overdue) : vscode.l10n.t('Click to see the action plans.'));
  for (const f of due.slice(0, TOOLTIP_PLANS)) {
    const last = checkIns(f.note.body).at(-1);
    tip.appendMarkdown('\n\n');
    tip.appendText(`${f.note.title} · ${vscode.l10n.t('due {0}', f.note.review ?? '')}`);
    tip.appendMarkdown('  \n');
    tip.appendText(last ? vscode.l10n.t('Last check-in {0}: {1}', last.date, last.text) : vscode.l10n.t('No check-in yet'));
  }
  if (due.length > TOOLTIP_PLANS) {
    tip.appendMarkdown('\n\n');
    tip.appendText(vscode.l10n.t('and {0} more', due.length - TOOLTIP_PLANS));
  }
  return tip;
}
