// Ambassadors' curation: rename and merge topics (one undoable workspace
// edit, with a preview), edit a topic page, endorse a note.

import * as vscode from 'vscode';
import { planTopicChange, TopicEditError } from '../../core/teamLoop/topicEdits';
import { editNote } from '../../core/notes/noteEditor';
import { flattenTopics } from '../../core/topics/topics';
import { isTopicSlug, toTopicSlug } from '../../core/notes/slug';
import { renderScalar } from '../../core/notes/noteEditor';
import type { LearningsService } from '../service';
import { applyAsWorkspaceEdit, currentText, editNoteFile, NoteChangedError } from '../noteWriter';
import { noteOrActive, topicOf } from '../commandArgs';
import { readConfig } from '../config';
import { authorName } from '../git';
import { endorserName } from '../endorser';

export interface TopicChangeArgs {
  from?: string;
  to?: string;
  /** Show the refactoring preview before applying (default true). */
  preview?: boolean;
}

export async function changeTopic(service: LearningsService, mode: 'rename' | 'merge', arg: unknown): Promise<boolean> {
  const args: TopicChangeArgs = arg && typeof arg === 'object' && ('from' in arg || 'to' in arg) ? (arg as TopicChangeArgs) : { from: topicOf(arg) };
  const index = await service.ready();
  const topics = flattenTopics(index.topics()).map((t) => t.slug);
  const from =
    args.from ??
    (await vscode.window.showQuickPick(topics, { title: mode === 'rename' ? vscode.l10n.t('Rename which topic?') : vscode.l10n.t('Merge which topic?') }));
  if (!from) return false;
  const to =
    args.to ??
    (mode === 'rename'
      ? await vscode.window.showInputBox({
          title: vscode.l10n.t('Rename topic "{0}"', from),
          value: from,
          prompt: vscode.l10n.t('The new name; the old one stays as an alias'),
          validateInput: (v) => (isTopicSlug(toTopicSlug(v)) ? undefined : vscode.l10n.t('Lowercase letters, digits, "-" and "/"')),
        })
      : await vscode.window.showQuickPick(
          topics.filter((t) => t !== from),
          { title: vscode.l10n.t('Merge "{0}" into…', from) },
        ));
  if (!to) return false;
  const target = mode === 'rename' ? toTopicSlug(to) : to;
  try {
    const plan = await planTopicChange(mode, index, service.layout, from, target, (p) => currentText(service, p));
    if (plan.skipped.length) {
      const go = await vscode.window.showWarningMessage(
        plan.skipped.length === 1
          ? vscode.l10n.t('One note cannot be changed (its front matter is broken): {0}. Change the others?', plan.skipped[0].path)
          : vscode.l10n.t('{0} notes cannot be changed (their front matter is broken): {1}. Change the others?', plan.skipped.length, plan.skipped.map((s) => s.path).join(', ')),
        { modal: true },
        vscode.l10n.t('Change the Others'),
      );
      if (!go) return false;
    }
    const label = mode === 'rename' ? vscode.l10n.t('Rename topic {0} to {1}', from, target) : vscode.l10n.t('Merge topic {0} into {1}', from, target);
    const applied = await applyAsWorkspaceEdit(service, plan.changes, label, args.preview ?? true);
    if (applied) {
      const notes = plan.changes.filter((c) => c.path.startsWith(`${service.layout.notesDir}/`)).length;
      void vscode.window.setStatusBarMessage(notes === 1 ? vscode.l10n.t('{0}: 1 note changed', label) : vscode.l10n.t('{0}: {1} notes changed', label, notes), 5000);
    }
    return applied;
  } catch (err) {
    if (err instanceof TopicEditError || err instanceof NoteChangedError) {
      void vscode.window.showErrorMessage(err.message);
      return false;
    }
    throw err;
  }
}

/** Opens the topic's page, creating it from what the index knows when it has none. */
export async function editTopicPage(service: LearningsService, arg: unknown): Promise<vscode.Uri | undefined> {
  const slug = topicOf(arg) ?? (await vscode.window.showQuickPick(flattenTopics((await service.ready()).topics()).map((t) => t.slug)));
  if (!slug) return undefined;
  const index = await service.ready();
  const topic = index.topic(slug);
  const path = topic?.page?.path ?? `${service.layout.topicsDir}/${slug}.md`;
  const uri = service.uriOf(path);
  if (!topic?.page) {
    const me = await authorName(readConfig(service.folder.uri).authorName, service.folder.uri);
    const title = slug.slice(slug.lastIndexOf('/') + 1).replace(/-/g, ' ');
    const text = `---\ntitle: ${renderScalar(title.charAt(0).toUpperCase() + title.slice(1), 'PLAIN')}\nambassadors: [${me ? renderScalar(me, 'PLAIN') : ''}]\naliases: []\n---\n`;
    // An unsaved editor on the page's path, holding the template: nothing is written until the user saves.
    const draft = uri.with({ scheme: 'untitled' });
    const doc = await vscode.workspace.openTextDocument(draft);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    if (doc.getText() === '') await editor.edit((b) => b.insert(new vscode.Position(0, 0), text));
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    return uri;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return uri;
}

/** Says why there is no name to endorse with, and offers the way to set one. */
async function explainNoName(): Promise<void> {
  const message = vscode.workspace.isTrusted
    ? vscode.l10n.t('Endorsing needs your name, and git has no user.name here. Set it in git, or set teamLearnings.authorName.')
    : vscode.l10n.t('Endorsing needs your name. In Restricted Mode Team Learnings does not ask git for it: set teamLearnings.authorName, or trust this workspace.');
  const openSetting = vscode.l10n.t('Set Your Name');
  const trust = vscode.l10n.t('Manage Workspace Trust');
  const choice = await vscode.window.showWarningMessage(message, openSetting, ...(vscode.workspace.isTrusted ? [] : [trust]));
  if (choice === openSetting) await vscode.commands.executeCommand('workbench.action.openSettings', 'teamLearnings.authorName');
  else if (choice === trust) await vscode.commands.executeCommand('workbench.trust.manage');
}

/**
 * Adds the current user (or `name`) to the note's `endorsed` list; `withdraw`
 * takes the name out again. Endorsing a note one has endorsed already offers to withdraw.
 */
export async function endorseNote(service: LearningsService, arg: unknown, mode: 'endorse' | 'withdraw' = 'endorse'): Promise<boolean> {
  const path = noteOrActive(arg, service);
  const index = await service.ready();
  const note = path ? index.get(path) : undefined;
  if (!path || !note) {
    void vscode.window.showWarningMessage(
      mode === 'endorse' ? vscode.l10n.t('Open or select a note to endorse.') : vscode.l10n.t('Open or select a note to withdraw your endorsement from.'),
    );
    return false;
  }
  const given = (arg as { name?: unknown } | undefined)?.name;
  const name = typeof given === 'string' ? given : await endorserName(service);
  if (!name) {
    void explainNoName();
    return false;
  }
  const endorsedAlready = note.endorsed.includes(name);
  if (mode === 'endorse' && endorsedAlready) {
    if (typeof given === 'string') return true;
    const withdraw = vscode.l10n.t('Withdraw Endorsement');
    const go = await vscode.window.showInformationMessage(vscode.l10n.t('You endorsed "{0}" already.', note.title), withdraw);
    if (go !== withdraw) return true;
    mode = 'withdraw';
  }
  if (mode === 'withdraw' && !endorsedAlready) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has not endorsed "{1}": there is nothing to withdraw.', name, note.title));
    return false;
  }
  if (mode === 'endorse') {
    const ambassadorOf = note.topics.some((t) => index.topic(t)?.ambassadors.includes(name));
    if (!ambassadorOf && typeof given !== 'string') {
      const go = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} is not an ambassador of this note\'s topics. Endorse it anyway?', name),
        { modal: true },
        vscode.l10n.t('Endorse'),
      );
      if (!go) return false;
    }
  }
  try {
    const op = mode === 'endorse' ? ('appendToList' as const) : ('removeFromList' as const);
    await editNoteFile(service, path, (text) => editNote(text, [{ op, key: 'endorsed', value: name }]));
    void vscode.window.showInformationMessage(
      mode === 'endorse'
        ? vscode.l10n.t('Endorsed "{0}" as {1}.', note.title, name)
        : vscode.l10n.t('Your endorsement of "{0}" is withdrawn.', note.title),
    );
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage((err as Error).message);
    return false;
  }
}
