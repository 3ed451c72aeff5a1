// How each kind of note looks and reads in the UI: core's one table
// (src/core/notes/kinds.ts), translated.

import * as vscode from 'vscode';
import { kindInfo, kindLabelOf, OTHER_KIND_TITLE_PROMPT } from '../core/notes/kinds';

// vscode.l10n finds its messages by literal calls: these are the English texts
// of core's kind table, each under its own literal call (a unit test checks
// that every text of the table is here).
const TRANSLATED: Readonly<Record<string, () => string>> = {
  'Lesson': () => vscode.l10n.t('Lesson'),
  'Peer learning': () => vscode.l10n.t('Peer learning'),
  'Retrospective': () => vscode.l10n.t('Retrospective'),
  'Action plan': () => vscode.l10n.t('Action plan'),
  'Win': () => vscode.l10n.t('Win'),
  'Idea': () => vscode.l10n.t('Idea'),
  'Learning session': () => vscode.l10n.t('Learning session'),
  'Something we learned, often the hard way': () => vscode.l10n.t('Something we learned, often the hard way'),
  'How I do something, for a teammate to try': () => vscode.l10n.t('How I do something, for a teammate to try'),
  'A short reflection after a delivery': () => vscode.l10n.t('A short reflection after a delivery'),
  'An action plan with a measurable goal and check-ins': () => vscode.l10n.t('An action plan with a measurable goal and check-ins'),
  'A success to celebrate': () => vscode.l10n.t('A success to celebrate'),
  'A problem and a first step': () => vscode.l10n.t('A problem and a first step'),
  'Time set aside to learn together: a lunch talk, a course, a workshop': () => vscode.l10n.t('Time set aside to learn together: a lunch talk, a course, a workshop'),
  'A title: one line that says what was learned': () => vscode.l10n.t('A title: one line that says what was learned'),
  'A title: the practice you share with your peers': () => vscode.l10n.t('A title: the practice you share with your peers'),
  'A title: which sprint, release or event this retrospective looks back on': () =>
    vscode.l10n.t('A title: which sprint, release or event this retrospective looks back on'),
  'A title: what you plan to change or practise': () => vscode.l10n.t('A title: what you plan to change or practise'),
  'A title: what went well, worth celebrating': () => vscode.l10n.t('A title: what went well, worth celebrating'),
  'A title: the idea in one line': () => vscode.l10n.t('A title: the idea in one line'),
  'A title: what the session is about': () => vscode.l10n.t('A title: what the session is about'),
  'A title: one line that says what the note is about': () => vscode.l10n.t('A title: one line that says what the note is about'),
};

function translated(english: string): string {
  return Object.prototype.hasOwnProperty.call(TRANSLATED, english) ? TRANSLATED[english]() : english;
}

export function kindIcon(kind: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(kindInfo(kind)?.icon ?? 'note');
}

/** The kind's label, translated; a kind the table does not know is shown as written. */
export function kindLabel(kind: string): string {
  return translated(kindLabelOf(kind));
}

export function kindDescription(kind: string): string {
  const info = kindInfo(kind);
  return info ? translated(info.description) : '';
}

/** What the title box asks, worded for the kind. */
export function kindTitlePrompt(kind: string): string {
  return translated(kindInfo(kind)?.titlePrompt ?? OTHER_KIND_TITLE_PROMPT);
}

/** "1 lesson" / "3 notes": the count word for a group of notes. */
export function countLabel(count: number, kinds: string[]): string {
  const single = kinds.every((k) => k === kinds[0]) ? kinds[0] : undefined;
  if (single === 'lesson') return count === 1 ? vscode.l10n.t('1 lesson') : vscode.l10n.t('{0} lessons', count);
  return count === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', count);
}
