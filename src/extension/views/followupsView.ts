// The Follow-ups view: open action plans, those due or overdue first.

import * as vscode from 'vscode';
import { followups, type Followup } from '../../core/followups';
import { today } from '../../core/dates';
import type { LearningsService } from '../service';
import { noteTreeItem } from './noteItem';

export class FollowupsProvider implements vscode.TreeDataProvider<Followup> {
  private readonly emitter = new vscode.EventEmitter<Followup | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly service: LearningsService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Followup): Promise<Followup[]> {
    if (node) return [];
    const index = await this.service.ready();
    return followups(index.query({ kind: 'plan' }), today());
  }

  getTreeItem(f: Followup): vscode.TreeItem {
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
    if (f.state === 'overdue' || f.state === 'due') {
      item.iconPath = new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor(f.state === 'overdue' ? 'editorError.foreground' : 'editorWarning.foreground'));
    }
    return item;
  }
}
