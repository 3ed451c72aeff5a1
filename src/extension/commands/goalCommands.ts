// The learning plan in the editor: New Goal, New Session, Link Note to Goal,
// Mark Goal Met / Drop Goal, Export Sessions to Calendar; the Learning Plan
// view; and an upcoming session in the status bar (see followupCommands).

import * as vscode from 'vscode';
import { addDays, isIsoDate } from '../../core/dates';
import { createGoal, setGoalStatus } from '../../core/goals/createGoal';
import { sessionsToIcs } from '../../core/goals/ics';
import type { Goal } from '../../core/goals/parseGoal';
import { createNote } from '../../core/notes/createNote';
import { editNote } from '../../core/notes/noteEditor';
import { encodeText } from '../../core/fileSystem';
import { flattenTopics } from '../../core/topics/topics';
import { readConfig } from '../config';
import { authorName } from '../git';
import type { LearningsService } from '../service';
import { editNoteFile } from '../noteWriter';
import { noteOrActive } from '../commandArgs';
import { LearningPlanProvider, type LearningPlanNode } from '../views/learningPlanView';

export interface NewGoalArgs {
  title?: string;
  topics?: string[];
  due?: string;
  target?: string;
  open?: boolean;
}

const dateCheck = (day: string) => (v: string) => (v.trim() === '' || isIsoDate(v.trim()) ? undefined : vscode.l10n.t('A date as YYYY-MM-DD, like {0}', addDays(day, 30)));

export async function newGoalCommand(service: LearningsService, args: NewGoalArgs = {}): Promise<string | undefined> {
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Goal'),
      prompt: vscode.l10n.t('A title: what the team wants to be able to do'),
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('The title cannot be empty') : undefined),
      ignoreFocusOut: true,
    }));
  if (!title?.trim()) return undefined;
  const topics = args.topics ?? (await pickTopics(service));
  if (topics === undefined) return undefined;
  const due =
    args.due ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Goal'),
      prompt: vscode.l10n.t('Due date (YYYY-MM-DD, optional): when the goal should be met'),
      validateInput: dateCheck(service.clock.today()),
      ignoreFocusOut: true,
    }));
  if (due === undefined) return undefined;
  const config = readConfig(service.folder.uri);
  const owner = await authorName(config.authorName, service.folder.uri);
  const created = await createGoal(service.fs, service.layout, { title: title.trim(), topics, due: due.trim() || undefined, target: args.target, owner, created: service.clock.today() });
  await service.refresh([created.path]);
  if (args.open ?? true) {
    const doc = await vscode.workspace.openTextDocument(service.uriOf(created.path));
    await vscode.window.showTextDocument(doc, { preview: false });
  }
  return created.path;
}

async function pickTopics(service: LearningsService): Promise<string[] | undefined> {
  const index = await service.ready();
  const items = flattenTopics(index.topics()).map((t) => ({ label: t.slug, description: t.described ? t.title : undefined }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Topics the goal is about (pick any)'), canPickMany: true, ignoreFocusOut: true });
  return picked?.map((p) => p.label);
}

type GoalItem = vscode.QuickPickItem & { slug?: string };

/** A quick pick of the goals; `none` adds a "No goal" row. */
async function pickGoal(service: LearningsService, title: string, none: boolean, filter: (g: Goal) => boolean = () => true): Promise<{ slug?: string } | undefined> {
  const goals = (await service.ready()).goals().filter(filter);
  const items: GoalItem[] = goals.map((g) => ({ label: `$(target) ${g.title}`, description: [g.due ? vscode.l10n.t('due {0}', g.due) : '', g.slug].filter(Boolean).join(' · '), slug: g.slug }));
  if (none) items.push({ label: `$(circle-slash) ${vscode.l10n.t('No goal')}` });
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No learning goals yet: New Goal adds one.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true, matchOnDescription: true });
  return picked ? { slug: picked.slug } : undefined;
}

export interface NewSessionArgs {
  title?: string;
  date?: string;
  goal?: string | null;
  host?: string;
  open?: boolean;
}

export async function newSessionCommand(service: LearningsService, args: NewSessionArgs = {}): Promise<string | undefined> {
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Session'),
      prompt: vscode.l10n.t('A title: what the session is about'),
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('The title cannot be empty') : undefined),
      ignoreFocusOut: true,
    }));
  if (!title?.trim()) return undefined;
  const proposed = addDays(service.clock.today(), 7);
  const date =
    args.date ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Session'),
      prompt: vscode.l10n.t('Date (YYYY-MM-DD): when the session takes place'),
      value: proposed,
      valueSelection: [0, 10],
      validateInput: (v) => (isIsoDate(v.trim()) ? undefined : vscode.l10n.t('A date as YYYY-MM-DD, like {0}', proposed)),
      ignoreFocusOut: true,
    }));
  if (date === undefined || !isIsoDate(date.trim())) return undefined;
  let goal = args.goal ?? undefined;
  if (args.goal === undefined && (await service.ready()).goals().length > 0) {
    const picked = await pickGoal(service, vscode.l10n.t('Which goal does the session serve?'), true, (g) => g.status === 'open');
    if (!picked) return undefined;
    goal = picked.slug;
  }
  const config = readConfig(service.folder.uri);
  const author = await authorName(config.authorName, service.folder.uri);
  const extra: Record<string, string> = { date: date.trim(), host: args.host ?? author ?? '' };
  if (!extra.host) delete extra.host;
  if (goal) extra.goal = goal;
  const note = await createNote(
    service.fs,
    service.layout,
    { title: title.trim(), kind: 'session', topics: [], author, created: service.clock.today(), extra, topicsKey: config.topicsKey },
    { allowRepoTemplates: vscode.workspace.isTrusted },
  );
  await service.refresh([note.path]);
  if (args.open ?? true) {
    const doc = await vscode.workspace.openTextDocument(service.uriOf(note.path));
    const pos = doc.positionAt(note.bodyOffset);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: false });
  }
  return note.path;
}

/** Sets the note's `goal` (a minimal diff), picked from the goals. */
export async function linkNoteToGoalCommand(service: LearningsService, arg: unknown): Promise<boolean> {
  const args = (arg && typeof arg === 'object' && 'goal' in arg ? arg : {}) as { note?: string; goal?: string | null };
  const path = args.note ?? noteOrActive(arg, service);
  const note = path ? (await service.ready()).get(path) : undefined;
  if (!path || !note) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Link Note to Goal: open or select a note first.'));
    return false;
  }
  // A note that serves a goal is offered "No goal" too: it takes the field out.
  const picked = args.goal !== undefined ? { slug: args.goal ?? undefined } : await pickGoal(service, vscode.l10n.t('Which goal does "{0}" serve?', note.title), note.goal !== undefined);
  if (!picked) return false;
  const slug = picked.slug;
  if (slug === note.goal) return true;
  await editNoteFile(service, path, (t) => editNote(t, slug ? [{ op: 'set', key: 'goal', value: slug }] : [{ op: 'unset', key: 'goal' }]));
  return true;
}

function goalOfArg(service: LearningsService, arg: unknown): Promise<Goal | undefined> {
  return service.ready().then((index) => {
    if (arg && typeof arg === 'object' && 'progress' in arg) return (arg as { progress: { goal: Goal } }).progress.goal;
    if (arg && typeof arg === 'object' && 'goal' in arg && typeof (arg as { goal: unknown }).goal === 'string') return index.goal((arg as { goal: string }).goal);
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const rel = uri ? service.relative(uri) : undefined;
    return index.goals().find((g) => g.path === rel);
  });
}

export async function setGoalStatusCommand(service: LearningsService, arg: unknown, status: 'met' | 'dropped' | 'open'): Promise<boolean> {
  let goal = await goalOfArg(service, arg);
  if (!goal) {
    const picked = await pickGoal(service, status === 'met' ? vscode.l10n.t('Mark which goal met?') : vscode.l10n.t('Drop which goal?'), false, (g) => g.status === 'open');
    goal = picked?.slug ? (await service.ready()).goal(picked.slug) : undefined;
  }
  if (!goal) return false;
  await editNoteFile(service, goal.path, (t) => setGoalStatus(t, status));
  void vscode.window.setStatusBarMessage(status === 'met' ? vscode.l10n.t('"{0}" is met.', goal.title) : vscode.l10n.t('"{0}" is dropped.', goal.title), 5000);
  return true;
}

/** Writes the dated sessions as an .ics file where the user says; `target` skips the dialog. */
export async function exportSessionsCommand(service: LearningsService, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const index = await service.ready();
  const sessions = index.query({ kind: 'session' });
  if (!sessions.some((s) => s.date)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No sessions with a date to export: New Session plans one.'));
    return undefined;
  }
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Sessions to Calendar'),
      defaultUri: vscode.Uri.joinPath(service.folder.uri, 'learning-sessions.ics'),
      filters: { [vscode.l10n.t('Calendar')]: ['ics'] },
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, encodeText(sessionsToIcs(sessions, { stamp: service.clock.today(), name: service.folder.name })));
  void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} sessions exported to {1}', sessions.filter((s) => s.date).length, vscode.workspace.asRelativePath(uri)), 5000);
  return uri;
}

/** The Learning Plan view and the commands; the view's provider, for the dashboard and tests. */
export function registerGoals(context: vscode.ExtensionContext, service: LearningsService): { provider: LearningPlanProvider; view: vscode.TreeView<LearningPlanNode> } {
  const provider = new LearningPlanProvider(service);
  const view = vscode.window.createTreeView<LearningPlanNode>('teamLearnings.learningPlan', { treeDataProvider: provider, showCollapseAll: true });
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register('teamLearnings.newGoal', (args) => newGoalCommand(service, isArgs(args) ? (args as NewGoalArgs) : {}));
  register('teamLearnings.newSession', (args) => newSessionCommand(service, isArgs(args) ? (args as NewSessionArgs) : {}));
  register('teamLearnings.linkNoteToGoal', (arg) => linkNoteToGoalCommand(service, arg));
  register('teamLearnings.markGoalMet', (arg) => setGoalStatusCommand(service, arg, 'met'));
  register('teamLearnings.dropGoal', (arg) => setGoalStatusCommand(service, arg, 'dropped'));
  register('teamLearnings.exportSessions', (arg) => exportSessionsCommand(service, arg instanceof vscode.Uri ? arg : undefined));
  register('teamLearnings.revealGoal', async (slug) => {
    await vscode.commands.executeCommand('teamLearnings.learningPlan.focus');
    await provider.getChildren();
    const progress = provider.last.find((p) => p.goal.slug === slug);
    if (progress) await view.reveal({ progress }, { select: true, focus: true, expand: true });
  });
  context.subscriptions.push(view, service.onDidChange(() => provider.refresh()));
  return { provider, view };
}

function isArgs(arg: unknown): boolean {
  return !!arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) && !('progress' in arg) && !('note' in arg && 'role' in arg);
}
