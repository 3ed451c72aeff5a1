// The Learning Plan view: upcoming sessions at the top, then each goal with
// its state and progress; under a goal, its plans, sessions and wins.
// Everything shown is computed (core/goals), nothing is stored.

import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import { plansProgress, type GoalProgress, type GoalState } from '../../core/goals/progress';
import { sessionsOf } from '../../core/goals/sessions';
import { revealBidi } from '../../core/render/inert';
import type { LearningsService } from '../service';
import { noteTreeItem } from './noteItem';

export type LearningPlanNode =
  | { upcoming: Note[] }
  | { progress: GoalProgress }
  | { note: Note; role: 'plan' | 'session' | 'win' | 'upcoming'; latest?: { date: string; text: string } };

/** The state as the view says it. */
export function goalStateLabel(state: GoalState): string {
  switch (state) {
    case 'on-track':
      return vscode.l10n.t('on track');
    case 'at-risk':
      return vscode.l10n.t('at risk');
    case 'overdue':
      return vscode.l10n.t('overdue');
    case 'met':
      return vscode.l10n.t('met');
    case 'dropped':
      return vscode.l10n.t('dropped');
  }
}

/** "2 of 3 plans done · 1 session held, 1 planned · 1 win", translated. */
export function goalProgressLabel(p: GoalProgress): string {
  const plans = p.plans.open.length + p.plans.done.length + p.plans.dropped.length;
  return [
    plans === 1 ? vscode.l10n.t('{0} of 1 plan done', p.plans.done.length) : vscode.l10n.t('{0} of {1} plans done', p.plans.done.length, plans),
    p.sessions.held.length === 1
      ? vscode.l10n.t('1 session held, {0} planned', p.sessions.planned.length)
      : vscode.l10n.t('{0} sessions held, {1} planned', p.sessions.held.length, p.sessions.planned.length),
    p.wins.length === 1 ? vscode.l10n.t('1 win') : vscode.l10n.t('{0} wins', p.wins.length),
  ].join(' · ');
}

const STATE_ICON: Record<GoalState, [string, string | undefined]> = {
  'on-track': ['target', 'testing.iconPassed'],
  'at-risk': ['warning', 'editorWarning.foreground'],
  overdue: ['error', 'editorError.foreground'],
  met: ['pass-filled', 'testing.iconPassed'],
  dropped: ['circle-slash', undefined],
};

export class LearningPlanProvider implements vscode.TreeDataProvider<LearningPlanNode> {
  private readonly emitter = new vscode.EventEmitter<LearningPlanNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** The goals last shown, for the dashboard's links into the view. */
  last: GoalProgress[] = [];

  constructor(
    private readonly service: LearningsService,
    private readonly clock: () => string = () => service.clock.today(),
  ) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getParent(node: LearningPlanNode): LearningPlanNode | undefined {
    if ('note' in node && node.role !== 'upcoming') return this.last.map((progress) => ({ progress })).find((g) => g.progress.serving.includes(node.note));
    return undefined;
  }

  async getChildren(node?: LearningPlanNode): Promise<LearningPlanNode[]> {
    if (node && 'upcoming' in node) return node.upcoming.map((note) => ({ note, role: 'upcoming' as const }));
    if (node && 'progress' in node) {
      const p = node.progress;
      return [
        ...[...p.plans.open, ...p.plans.done, ...p.plans.dropped].map((x) => ({ note: x.note, role: 'plan' as const, ...(x.latest ? { latest: x.latest } : {}) })),
        ...[...p.sessions.planned, ...p.sessions.held].map((note) => ({ note, role: 'session' as const })),
        ...p.wins.map((note) => ({ note, role: 'win' as const })),
      ];
    }
    if (node) return [];
    const index = await this.service.ready();
    const day = this.clock();
    const aliases = index.aliases();
    this.last = plansProgress(index.goals(), index.notes(), day, (t) => aliases.canonical(t));
    const upcoming = sessionsOf(index.query({ kind: 'session' }), day).planned;
    return [...(upcoming.length ? [{ upcoming }] : []), ...this.last.map((progress) => ({ progress }))];
  }

  getTreeItem(node: LearningPlanNode): vscode.TreeItem {
    if ('upcoming' in node) {
      const item = new vscode.TreeItem(vscode.l10n.t('Upcoming sessions'), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.upcoming.length);
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'upcomingSessions';
      return item;
    }
    if ('progress' in node) {
      const p = node.progress;
      const item = new vscode.TreeItem(revealBidi(p.goal.title), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `goal:${p.goal.slug}`;
      item.description = `${goalStateLabel(p.state)} · ${goalProgressLabel(p)}`;
      const [icon, color] = STATE_ICON[p.state];
      item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
      item.resourceUri = this.service.uriOf(p.goal.path);
      item.contextValue = `goal:${p.goal.status}`;
      const tip = new vscode.MarkdownString(undefined, false);
      tip.appendText(`${p.goal.title}\n\n${goalStateLabel(p.state)}${p.goal.due ? ` · ${vscode.l10n.t('due {0}', p.goal.due)}` : ''}${p.goal.owner ? ` · ${p.goal.owner}` : ''}\n`);
      if (p.goal.target) tip.appendText(`${vscode.l10n.t('Target')}: ${p.goal.target}\n`);
      tip.appendText(`${goalProgressLabel(p)} · ${vscode.l10n.t('{0} notes on its topics', p.onTopics.length)}`);
      item.tooltip = tip;
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Goal'), arguments: [this.service.uriOf(p.goal.path)] };
      return item;
    }
    const item = noteTreeItem(this.service, node.note);
    if (node.role === 'plan') {
      const status = node.note.status ?? 'open';
      item.description = [status === 'done' ? vscode.l10n.t('done') : status === 'dropped' ? vscode.l10n.t('dropped') : vscode.l10n.t('open'), node.latest ? vscode.l10n.t('last check-in {0}', node.latest.date) : vscode.l10n.t('no check-in yet')].join(' · ');
      if (status !== 'open') item.iconPath = new vscode.ThemeIcon(status === 'done' ? 'pass' : 'circle-slash');
    } else if (node.role === 'session' || node.role === 'upcoming') {
      item.description = [node.note.date ?? vscode.l10n.t('no date'), node.note.host].filter(Boolean).join(' · ');
    }
    return item;
  }
}
