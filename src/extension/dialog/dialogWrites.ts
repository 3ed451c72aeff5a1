// Writing the dialog from the editor: a new reply file (never replacing one),
// and Resolve / Reopen as a minimal change to the latest reply, through the
// same guarded writes as every note edit (../noteWriter). Both surfaces (the
// comment threads and the preview) write here.

import * as vscode from 'vscode';
import { createReply } from '../../core/dialog/createReply';
import { planResolve } from '../../core/dialog/resolveThread';
import { readConfig } from '../config';
import { authorName } from '../git';
import { editNoteFile } from '../noteWriter';
import type { LearningsService } from '../service';

/** Who writes: the setting; in a trusted workspace git's user.name when it is empty (Restricted Mode never asks git). */
export async function replyAuthor(service: LearningsService): Promise<string | undefined> {
  const configured = readConfig(service.folder.uri).authorName;
  if (configured || !vscode.workspace.isTrusted) return configured || undefined;
  return authorName(configured, service.folder.uri);
}

/** Writes the reply; its path, or undefined when there was no name to write it with (and the user was told). */
export async function writeReply(service: LearningsService, notePath: string, text: string, resolved?: boolean): Promise<string | undefined> {
  const author = await replyAuthor(service);
  if (!author) {
    await explainNoName();
    return undefined;
  }
  try {
    const created = await createReply(service.fs, service.layout, { note: notePath, author, body: text, ...(resolved === undefined ? {} : { resolved }) });
    await service.refresh([created.path]);
    return created.path;
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The reply could not be written: {0}', (err as Error).message));
    return undefined;
  }
}

/** Resolves or reopens a note's thread; false when nothing changed. */
export async function resolveThread(service: LearningsService, notePath: string, resolve: boolean): Promise<boolean> {
  const index = await service.ready();
  const thread = index.thread(notePath);
  const latest = thread.replies[thread.replies.length - 1];
  if (!latest) return false;
  try {
    let changed = false;
    await editNoteFile(service, latest.path, (text) => {
      const change = planResolve(thread, resolve, () => text);
      changed = change !== undefined;
      return change?.after ?? text;
    });
    return changed;
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The thread could not be changed: {0}', (err as Error).message));
    return false;
  }
}

async function explainNoName(): Promise<void> {
  const message = vscode.workspace.isTrusted
    ? vscode.l10n.t('Replying needs your name, and git has no user.name here. Set it in git, or set teamLearnings.authorName.')
    : vscode.l10n.t('Replying needs your name. In Restricted Mode Team Learnings does not ask git for it: set teamLearnings.authorName.');
  const openSetting = vscode.l10n.t('Set Your Name');
  if ((await vscode.window.showWarningMessage(message, openSetting)) === openSetting) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'teamLearnings.authorName');
  }
}
