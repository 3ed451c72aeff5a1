// What the status bar's tooltip and a plan's row in Follow-ups both say of a plan.

import * as vscode from 'vscode';
import type { Note } from '../core/model';
import { checkIns } from '../core/teamLoop/followups';

/** "Last check-in DATE: TEXT", or that there is none yet. */
export function lastCheckInLine(plan: Note): string {
  const last = checkIns(plan.body).at(-1);
  return last ? vscode.l10n.t('Last check-in {0}: {1}', last.date, last.text) : vscode.l10n.t('No check-in yet');
}
