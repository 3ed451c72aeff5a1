// Which folder of a multi-root workspace a command acts on, when nothing it
// was given says: the one folder there is, else the user picks. A single-folder
// workspace is never asked.

import * as vscode from 'vscode';
import type { FolderEntry, LearningsServices } from '../services';
import { flattenTopics } from '../../core/topics/topics';

/** The entry of a folder named in an argument object (`folder: "api"`), for tests and other extensions. */
export function namedFolder(services: LearningsServices, arg: unknown): FolderEntry | undefined {
  const name = (arg as { folder?: unknown } | undefined)?.folder;
  if (typeof name !== 'string' || !arg || typeof arg !== 'object') return undefined;
  return services.all().find((e) => e.folder.name === name || e.folder.uri.toString() === name);
}

/** One of `candidates`, asked when there are several; undefined when the user cancels (or there is none). */
export async function pickFolder(candidates: FolderEntry[], title: string): Promise<FolderEntry | undefined> {
  if (candidates.length <= 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((entry) => ({ label: `$(folder) ${entry.folder.name}`, description: vscode.workspace.asRelativePath(entry.folder.uri, true), entry })),
    { title, placeHolder: vscode.l10n.t('Which folder of the workspace?') },
  );
  return picked?.entry;
}

/** The folders with notes (every folder when none has any yet). */
export async function foldersWithNotes(services: LearningsServices): Promise<FolderEntry[]> {
  const all = services.all();
  if (all.length === 1) return all;
  const withNotes: FolderEntry[] = [];
  for (const entry of all) if ((await entry.service.ready()).notes().length > 0) withNotes.push(entry);
  return withNotes.length ? withNotes : all;
}

/** The folders that have the topic `slug` (every folder with topics when no slug is given). */
export async function foldersWithTopic(services: LearningsServices, slug: string | undefined): Promise<FolderEntry[]> {
  const all = services.all();
  if (all.length === 1) return all;
  const found: FolderEntry[] = [];
  for (const entry of all) {
    const topics = flattenTopics((await entry.service.ready()).topics());
    if (slug === undefined ? topics.length > 0 : topics.some((t) => t.slug === slug)) found.push(entry);
  }
  return found.length ? found : [services.current()];
}
