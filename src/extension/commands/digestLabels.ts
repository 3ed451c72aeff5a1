// The digest's words in the user's language.

import * as vscode from 'vscode';
import type { DigestLabels } from '../../core/teamLoop/digestRender';
import { kindLabel } from '../kinds';
import { statusLabel } from '../anchorStatus';
import type { AnchorStatus } from '../../core/anchors';
import { goalProgressLabel, goalStateLabel } from '../views/learningPlanView';

const count = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('{0}', String(n)));

export function digestLabels(): DigestLabels {
  return {
    title: (since, until) => vscode.l10n.t('Team learnings, {0} to {1}', since, until),
    headline: (notes, people, wins, plans) =>
      vscode.l10n.t(
        '{0} from {1}, {2}, {3} due for a check-in.',
        count(notes, vscode.l10n.t('1 new note'), vscode.l10n.t('{0} new notes', notes)),
        count(people, vscode.l10n.t('1 person'), vscode.l10n.t('{0} people', people)),
        count(wins, vscode.l10n.t('1 win'), vscode.l10n.t('{0} wins', wins)),
        count(plans, vscode.l10n.t('1 plan'), vscode.l10n.t('{0} plans', plans)),
      ),
    kind: (kind) => kindLabel(kind).toLocaleLowerCase(vscode.env.language),
    status: (status) => statusLabel(status as AnchorStatus),
    newByTopic: vscode.l10n.t('New notes by topic'),
    noNewNotes: vscode.l10n.t('No new notes in this period.'),
    noTopic: vscode.l10n.t('No topic'),
    wins: vscode.l10n.t('Wins to celebrate'),
    plans: vscode.l10n.t('Action plans'),
    due: (title, when, owner) => (owner ? vscode.l10n.t('Due: {0} ({1}, owner {2})', title, when, owner) : vscode.l10n.t('Due: {0} ({1})', title, when)),
    done: (title, owner) => (owner ? vscode.l10n.t('Done: {0} ({1})', title, owner) : vscode.l10n.t('Done: {0}', title)),
    dropped: (title, owner) => (owner ? vscode.l10n.t('Dropped: {0} ({1})', title, owner) : vscode.l10n.t('Dropped: {0}', title)),
    when: (days) =>
      days < 0
        ? days === -1
          ? vscode.l10n.t('overdue by 1 day')
          : vscode.l10n.t('overdue by {0} days', -days)
        : days === 0
          ? vscode.l10n.t('due today')
          : days === 1
            ? vscode.l10n.t('due tomorrow')
            : vscode.l10n.t('due in {0} days', days),
    checkIns: vscode.l10n.t('Check-ins'),
    contributors: vscode.l10n.t('Who contributed'),
    thanks: (names) => vscode.l10n.t('{0}. Thank you!', names),
    attention: vscode.l10n.t('Anchors that need attention'),
    anchorStatus: (was, status, where, similarity) =>
      where
        ? similarity !== undefined
          ? vscode.l10n.t('{0} is {1} (now near {2}, {3}% similar)', was, status, where, similarity)
          : vscode.l10n.t('{0} is {1} (now near {2})', was, status, where)
        : vscode.l10n.t('{0} is {1}', was, status),
    inNote: (path) => vscode.l10n.t('in {0}', path),
    endorsed: vscode.l10n.t('endorsed'),
    openQuestions: vscode.l10n.t('Open questions'),
    openThread: (replies, people, last) =>
      replies === 1 ? vscode.l10n.t('1 reply from {0}, last {1}', people, last) : vscode.l10n.t('{0} replies from {1}, last {2}', replies, people, last),
    repliesInPeriod: (replies) => (replies === 1 ? vscode.l10n.t('1 reply in this period.') : vscode.l10n.t('{0} replies in this period.', replies)),
    contribution: (notes, replies) =>
      vscode.l10n.t(
        '{0}, {1}',
        count(notes, vscode.l10n.t('1 note'), vscode.l10n.t('{0} notes', notes)),
        count(replies, vscode.l10n.t('1 reply'), vscode.l10n.t('{0} replies', replies)),
      ),
    learningPlan: vscode.l10n.t('Learning plan'),
    goalState: goalStateLabel,
    goalProgress: goalProgressLabel,
    goalPeriod: (checkIns, sessions, wins, closed) => {
      const parts = [
        checkIns ? count(checkIns, vscode.l10n.t('1 check-in'), vscode.l10n.t('{0} check-ins', checkIns)) : '',
        sessions ? count(sessions, vscode.l10n.t('1 session held'), vscode.l10n.t('{0} sessions held', sessions)) : '',
        wins ? count(wins, vscode.l10n.t('1 win'), vscode.l10n.t('{0} wins', wins)) : '',
        closed ? count(closed, vscode.l10n.t('1 plan closed'), vscode.l10n.t('{0} plans closed', closed)) : '',
      ].filter(Boolean);
      return parts.length ? vscode.l10n.t('in this period: {0}', parts.join(', ')) : '';
    },
    sessionsHeld: vscode.l10n.t('Sessions held'),
    sessionsComing: vscode.l10n.t('Sessions coming'),
    session: (date, title, host) => (host ? vscode.l10n.t('{0}: {1} ({2})', date, title, host) : vscode.l10n.t('{0}: {1}', date, title)),
  };
}
