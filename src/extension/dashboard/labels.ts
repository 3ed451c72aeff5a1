// The dashboard's words, localized with vscode.l10n (English source), and
// month names from Intl in the UI's language.

import * as vscode from 'vscode';
import type { DashboardLabels } from './dashboardHtml';

export function dashboardLabels(language: string): DashboardLabels {
  const shortMonth = monthFormat(language, { month: 'short' });
  const longMonth = monthFormat(language, { month: 'long', year: 'numeric' });
  return {
    title: vscode.l10n.t('Team Learnings Dashboard'),
    asOf: (date) => vscode.l10n.t('As of {0}', date),
    month: shortMonth,
    monthLong: longMonth,
    notes: (n) => (n === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', n)),
    notesTitle: vscode.l10n.t('Notes per month'),
    notesCaption: (n, months) => (n === 1 ? vscode.l10n.t('note in the last {0} months', months) : vscode.l10n.t('notes in the last {0} months', months)),
    notesEmpty: vscode.l10n.t('No notes in these months yet. Record a lesson when you learn something: it takes a minute.'),
    seriesNotes: (name, n) => (n === 1 ? vscode.l10n.t('{0}: 1 note', name) : vscode.l10n.t('{0}: {1} notes', name, n)),
    otherTopics: vscode.l10n.t('Other topics'),
    noTopic: vscode.l10n.t('No topic'),
    legendHint: vscode.l10n.t('Select a topic to show it in the Topics view.'),
    plansTitle: vscode.l10n.t('Action plans'),
    plansCaption: (n) => (n === 1 ? vscode.l10n.t('plan due for a check-in') : vscode.l10n.t('plans due for a check-in')),
    overdue: vscode.l10n.t('Overdue'),
    dueThisWeek: vscode.l10n.t('Due this week'),
    onTrack: vscode.l10n.t('Open, on track'),
    done: vscode.l10n.t('Done'),
    dropped: vscode.l10n.t('Dropped'),
    plansEmpty: vscode.l10n.t('No action plans yet. After a course or a retro, a plan with a measurable goal helps it stick.'),
    anchorsTitle: vscode.l10n.t('Anchors needing attention'),
    anchorsCaption: (_attention, total) => (total === 1 ? vscode.l10n.t('of 1 anchor needs attention') : vscode.l10n.t('of {0} anchors need attention', total)),
    anchorsAllInPlace: vscode.l10n.t('Every note still points at its code.'),
    anchorsNone: vscode.l10n.t('No note is anchored to code yet.'),
    anchorsUnchecked: vscode.l10n.t('The anchors could not be checked.'),
    inPlace: vscode.l10n.t('In place'),
    drifted: vscode.l10n.t('Drifted'),
    orphaned: vscode.l10n.t('Orphaned'),
    contributorsTitle: vscode.l10n.t('Contributors, last 30 days'),
    contributorsCaption: (n) =>
      n === 1 ? vscode.l10n.t('person wrote, checked in or endorsed in the last 30 days') : vscode.l10n.t('people wrote, checked in or endorsed in the last 30 days'),
    contributions: (n) => (n === 1 ? vscode.l10n.t('1 contribution') : vscode.l10n.t('{0} contributions', n)),
    thanks: vscode.l10n.t('Thank you!'),
    contributorsEmpty: vscode.l10n.t('Nothing shared in the last 30 days. The next lesson is one selection and a title away.'),
    winsTitle: vscode.l10n.t('Wins this month'),
    andMore: (n) => vscode.l10n.t('and {0} more', n),
    undescribed: (n) => (n === 1 ? vscode.l10n.t('1 topic not yet described:') : vscode.l10n.t('{0} topics not yet described:', n)),
    openThreads: (n) => (n === 1 ? vscode.l10n.t('1 open thread:') : vscode.l10n.t('{0} open threads:', n)),
    repliers: (names) => vscode.l10n.t('Replied lately: {0}', names),
    goalsTitle: vscode.l10n.t('Learning plan'),
    goalsCaption: (_onTrack, open) => (open === 1 ? vscode.l10n.t('of 1 open goal on track') : vscode.l10n.t('of {0} open goals on track', open)),
    goalsEmpty: vscode.l10n.t('No learning goals yet. New Goal in the Learning Plan view sets the first one.'),
    nextSession: (date, title) => vscode.l10n.t('Next session: {0} {1}', date, title),
  };
}

/** `YYYY-MM` formatted in `language`; the English name when the language is unknown to Intl. */
function monthFormat(language: string, options: Intl.DateTimeFormatOptions): (month: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
  } catch {
    format = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
  }
  return (month) => {
    const [y, m] = month.split('-').map(Number);
    return Number.isFinite(y) && Number.isFinite(m) ? format.format(new Date(Date.UTC(y, m - 1, 1))) : month;
  };
}
