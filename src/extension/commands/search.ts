// Search: a quick pick over titles, topics and bodies, live as you type.

import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import { kindIcon, kindLabel } from '../kinds';
import type { LearningsService } from '../service';

type Item = vscode.QuickPickItem & { path: string };

export async function searchNotes(service: LearningsService, initial = ''): Promise<void> {
  const index = await service.ready();
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('Search notes');
  pick.placeholder = vscode.l10n.t('Words from a title, topic or text');
  // Our own ranking decides: VS Code's filter would hide body matches.
  pick.matchOnDescription = false;
  const toItem = (note: Note): Item => ({
    label: `$(${kindIcon(note.kind).id}) ${note.title}`,
    description: note.topics.join(', '),
    detail: [kindLabel(note.kind), note.author, note.created, snippet(note.body, pick.value)].filter(Boolean).join(' · '),
    path: note.path,
    alwaysShow: true,
  });
  const update = () => {
    const value = pick.value.trim();
    pick.items = value === '' ? index.notes().slice(0, 30).map(toItem) : index.search(value, 50).map((h) => toItem(h.note));
  };
  pick.onDidChangeValue(update);
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0];
    if (item) void vscode.commands.executeCommand('teamLearnings.previewNote', item.path);
    pick.hide();
  });
  pick.onDidHide(() => pick.dispose());
  pick.value = initial;
  update();
  pick.show();
}

/** A short piece of the body around the first query term. */
function snippet(body: string, query: string): string {
  const term = query.trim().toLowerCase().split(/\s+/)[0];
  if (!term) return '';
  const flat = body.replace(/\s+/g, ' ');
  const at = flat.toLowerCase().indexOf(term);
  if (at < 0) return '';
  const start = Math.max(0, at - 30);
  return `${start > 0 ? '…' : ''}${flat.slice(start, at + term.length + 50).trim()}…`;
}
