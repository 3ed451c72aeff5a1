// How each kind of note looks and reads in the UI.

import * as vscode from 'vscode';

const ICONS: Record<string, string> = {
  lesson: 'lightbulb',
  peer: 'organization',
  retro: 'history',
  plan: 'checklist',
  win: 'star-full',
  idea: 'sparkle',
};

export function kindIcon(kind: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(ICONS[kind] ?? 'note');
}

export function kindLabel(kind: string): string {
  switch (kind) {
    case 'lesson':
      return vscode.l10n.t('Lesson');
    case 'peer':
      return vscode.l10n.t('Peer learning');
    case 'retro':
      return vscode.l10n.t('Retrospective');
    case 'plan':
      return vscode.l10n.t('Action plan');
    case 'win':
      return vscode.l10n.t('Win');
    case 'idea':
      return vscode.l10n.t('Idea');
    default:
      return kind;
  }
}

export function kindDescription(kind: string): string {
  switch (kind) {
    case 'lesson':
      return vscode.l10n.t('Something we learned, often the hard way');
    case 'peer':
      return vscode.l10n.t('How I do something, for a teammate to try');
    case 'retro':
      return vscode.l10n.t('A short reflection after a delivery');
    case 'plan':
      return vscode.l10n.t('An action plan with a measurable goal and check-ins');
    case 'win':
      return vscode.l10n.t('A success to celebrate');
    case 'idea':
      return vscode.l10n.t('A problem and a first step');
    default:
      return '';
  }
}

/** "1 lesson" / "3 notes": the count word for a group of notes. */
export function countLabel(count: number, kinds: string[]): string {
  const single = kinds.every((k) => k === kinds[0]) ? kinds[0] : undefined;
  if (single === 'lesson') return count === 1 ? vscode.l10n.t('1 lesson') : vscode.l10n.t('{0} lessons', count);
  return count === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', count);
}
