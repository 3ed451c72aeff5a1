// Follow-ups on action plans: add a check-in, mark done, drop; and the
// status bar item with the number of plans due.

import * as vscode from 'vscode';
import { addCheckIn, followups, isDue, setPlanStatus } from '../../core/followups';
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
    item.tooltip = overdue ? vscode.l10n.t('{0} overdue. Click to see the action plans.', overdue) : vscode.l10n.t('Click to see the action plans.');
    item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  context.subscriptions.push(item, service.onDidChange(update));
  // The count needs the index: shown once something has loaded it, never a scan of its own at start-up.
  void service.whenLoaded().then(update);
  return item;
}
