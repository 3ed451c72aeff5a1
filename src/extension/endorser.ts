// Who is reading: the name endorsements are recorded under. The setting
// teamLearnings.authorName, else git's user.name (asked only in a trusted
// workspace). The last answer is kept for the views, which draw synchronously.

import * as vscode from 'vscode';
import type { LearningsService } from './service';
import { readConfig } from './config';
import { authorName } from './git';

let last: string | undefined;

export async function endorserName(service: LearningsService): Promise<string | undefined> {
  last = await authorName(readConfig(service.folder.uri).authorName, service.folder.uri);
  return last;
}

/** The name found the last time it was asked (undefined before). */
export function knownEndorser(): string | undefined {
  return last;
}

/** Whether `names` holds the reader's name, as far as it is known. */
export function endorsedByReader(names: readonly string[]): boolean {
  return last !== undefined && names.includes(last);
}

export function watchEndorser(context: vscode.ExtensionContext, service: LearningsService, changed: () => void): void {
  const update = () => void endorserName(service).then(changed, () => undefined);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('teamLearnings.authorName') && update()),
    vscode.workspace.onDidGrantWorkspaceTrust(update),
  );
  update();
}
