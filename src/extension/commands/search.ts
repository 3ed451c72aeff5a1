// Search: a quick pick over titles, topics and bodies, live as you type.

import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import { searchExcerpt } from '../../core/index/searchExcerpt';
import { escapeCodicons } from '../../core/render/inert';
import { kindIcon, kindLabel } from '../kinds';
import type { LearningsService } from '../service';

type Item = vscode.QuickPickItem & { path: string };

export async function searchNotes(service: LearningsService, initial = ''): Promise<void> {
  const index = await service.ready();
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('Search notes');
  pick.placeholder = vscode.l10n.t('Words from a title, topic, author or text');
  // Our own ranking decides: VS Code's filter would hide body matches.
  pick.matchOnDescription = false;
  const toItem = (note: Note): Item => ({
    label: `$(${kindIcon(note.kind).id}) ${escapeCodicons(note.title)}`,
    description: escapeCodicons(note.topics.join(', ')),
    detail: escapeCodicons([kindLabel(note.kind), note.author, note.created, pick.value.trim() ? searchExcerpt(note, pick.value, 90) : ''].filter(Boolean).join(' · ')),
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
