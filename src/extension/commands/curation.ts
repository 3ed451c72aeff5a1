// Ambassadors' curation: rename and merge topics (one undoable workspace
// edit, with a preview), edit a topic page, endorse a note.

import * as vscode from 'vscode';
import { planTopicChange, TopicEditError } from '../../core/topicEdits';
import { editNote } from '../../core/noteEditor';
import { flattenTopics } from '../../core/topics';
import { isTopicSlug, toTopicSlug } from '../../core/slug';
import { renderScalar } from '../../core/noteEditor';
import type { LearningsService } from '../service';
import { applyAsWorkspaceEdit, currentText, editNoteFile, NoteChangedError } from '../noteWriter';
import { notePathOf } from './navigation';
import { readConfig } from '../config';
import { authorName } from '../git';

export interface TopicChangeArgs {
  from?: string;
  to?: string;
  /** Show the refactoring preview before applying (default true). */
  preview?: boolean;
}

function topicOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const t = (arg as { topic?: { slug?: unknown } } | undefined)?.topic?.slug;
  return typeof t === 'string' ? t : undefined;
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
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: true, contents: new TextEncoder().encode(text) });
    await vscode.workspace.applyEdit(edit);
    await service.refresh([path]);
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return uri;
}

/** Adds the current user (or `name`) to the note's `endorsed` list. */
export async function endorseNote(service: LearningsService, arg: unknown): Promise<boolean> {
  const path = notePathOf(service, arg);
  const index = await service.ready();
  const note = path ? index.get(path) : undefined;
  if (!path || !note) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open or select a note to endorse.'));
    return false;
  }
  const given = (arg as { name?: unknown } | undefined)?.name;
  const name = typeof given === 'string' ? given : await authorName(readConfig(service.folder.uri).authorName, service.folder.uri);
  if (!name) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Set your name in the setting teamLearnings.authorName to endorse notes.'));
    return false;
  }
  if (note.endorsed.includes(name)) return true;
  const ambassadorOf = note.topics.some((t) => index.topic(t)?.ambassadors.includes(name));
  if (!ambassadorOf && typeof given !== 'string') {
    const go = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is not an ambassador of this note\'s topics. Endorse it anyway?', name),
      { modal: true },
      vscode.l10n.t('Endorse'),
    );
    if (!go) return false;
  }
  try {
    await editNoteFile(service, path, (text) => editNote(text, [{ op: 'appendToList', key: 'endorsed', value: name }]));
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage((err as Error).message);
    return false;
  }
}
