// The Follow-ups view: open action plans, those due or overdue first.

import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import { today } from '../../core/dates';
import type { LearningsService } from '../service';
import { noteTreeItem } from './noteItem';

export function openPlans(notes: Note[]): Note[] {
  return notes
    .filter((n) => n.kind === 'plan' && (n.status ?? 'open') === 'open')
    .sort((a, b) => (a.review ?? '9999').localeCompare(b.review ?? '9999') || a.title.localeCompare(b.title));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export class FollowupsProvider implements vscode.TreeDataProvider<Note> {
  private readonly emitter = new vscode.EventEmitter<Note | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly service: LearningsService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Note): Promise<Note[]> {
    if (node) return [];
    const index = await this.service.ready();
    return openPlans(index.query({ kind: 'plan' }));
  }

  getTreeItem(note: Note): vscode.TreeItem {
    const item = noteTreeItem(this.service, note);
    const now = today();
    if (note.review) {
      const days = daysBetween(now, note.review);
      const when =
        days < 0 ? vscode.l10n.t('overdue by {0} days', -days) : days === 0 ? vscode.l10n.t('due today') : vscode.l10n.t('due in {0} days', days);
      item.description = [when, note.owner].filter(Boolean).join(' · ');
      if (days <= 0) item.iconPath = new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor(days < 0 ? 'editorError.foreground' : 'editorWarning.foreground'));
    } else {
      item.description = [vscode.l10n.t('no check-in date'), note.owner].filter(Boolean).join(' · ');
    }
    return item;
  }
}
