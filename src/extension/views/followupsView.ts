// The Follow-ups view: open action plans, those due or overdue first; below
// them, collapsed, the plans that were done or dropped, with their outcome.

import * as vscode from 'vscode';
import { closedPlans, followups, type ClosedPlan, type Followup } from '../../core/teamLoop/followups';
import { lastCheckInLine } from '../planText';
import type { LearningsService } from '../service';
import { noteTreeItem } from './noteItem';
import { Disposable } from '../disposable';

/** The group of closed plans, or one of them. */
export type ClosedNode = { closed: ClosedPlan[] } | { note: ClosedPlan['note']; closedPlan: ClosedPlan };
export type FollowupsNode = Followup | ClosedNode;

export class FollowupsProvider extends Disposable implements vscode.TreeDataProvider<FollowupsNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<FollowupsNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly service: LearningsService) {
    super();
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: FollowupsNode): Promise<FollowupsNode[]> {
    if (node) return 'closed' in node ? node.closed.map((plan) => ({ note: plan.note, closedPlan: plan })) : [];
    // The Topics view's first rows go first (see LearningsService.afterFirstRows).
    const index = await this.service.afterFirstRows();
    const plans = index.query({ kind: 'plan' });
    const open: FollowupsNode[] = followups(plans, this.service.clock.today());
    const closed = closedPlans(plans);
    return closed.length > 0 ? [...open, { closed }] : open;
  }

  getTreeItem(node: FollowupsNode): vscode.TreeItem {
    if ('closed' in node) {
      const item = new vscode.TreeItem(vscode.l10n.t('Closed plans'), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.closed.length);
      item.iconPath = new vscode.ThemeIcon('archive');
      item.contextValue = 'closedPlans';
      item.tooltip = vscode.l10n.t('Plans marked done or dropped, the most recently closed first');
      return item;
    }
    if ('closedPlan' in node) {
      const plan = node.closedPlan;
      const item = noteTreeItem(this.service, plan.note);
      const status = plan.status === 'done' ? vscode.l10n.t('done') : vscode.l10n.t('dropped');
      item.description = [plan.closedOn ? `${status} ${plan.closedOn}` : status, plan.note.owner].filter(Boolean).join(' · ');
      if (plan.outcome) item.tooltip = new vscode.MarkdownString().appendText(`${plan.note.title}\n\n${plan.closedOn ?? ''}: ${plan.outcome}`);
      item.iconPath = new vscode.ThemeIcon(plan.status === 'done' ? 'pass' : 'circle-slash');
      return item;
    }
    return this.followupItem(node);
  }

  private followupItem(f: Followup): vscode.TreeItem {
    const item = noteTreeItem(this.service, f.note);
    const when =
      f.dueIn === undefined
        ? vscode.l10n.t('no check-in date')
        : f.dueIn < 0
          ? f.dueIn === -1
            ? vscode.l10n.t('overdue by 1 day')
            : vscode.l10n.t('overdue by {0} days', -f.dueIn)
          : f.dueIn === 0
            ? vscode.l10n.t('due today')
            : f.dueIn === 1
              ? vscode.l10n.t('due tomorrow')
              : vscode.l10n.t('due in {0} days', f.dueIn);
    item.description = [when, f.note.owner].filter(Boolean).join(' · ');
    // The note's tooltip, then when it is due and what the last check-in said.
    if (item.tooltip instanceof vscode.MarkdownString) {
      item.tooltip.appendText(`${f.note.review ? vscode.l10n.t('due {0}', f.note.review) : vscode.l10n.t('no check-in date')}\n`);
      item.tooltip.appendText(lastCheckInLine(f.note));
    }
    if (f.state === 'overdue' || f.state === 'due') {
      item.iconPath = new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor(f.state === 'overdue' ? 'editorError.foreground' : 'editorWarning.foreground'));
    }
    return item;
  }
}
