// The tree item for a note, shared by every view.

import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import { kindIcon, kindLabel } from '../kinds';
import { revealBidi } from '../../core/render/inert';
import type { LearningsService } from '../service';
import { endorsedByReader } from '../endorser';

export function noteTreeItem(service: LearningsService, note: Note, collapsible = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
  const endorsed = note.endorsed.length > 0;
  const item = new vscode.TreeItem(revealBidi(note.title), collapsible);
  item.id = undefined;
  item.iconPath = kindIcon(note.kind);
  // The dialog: how many replies, and whether the thread is an open question.
  const index = service.indexIfLoaded;
  const thread = index && index.replyCount(note.path) > 0 ? index.thread(note.path) : undefined;
  const replies = thread ? (thread.state === 'open' ? vscode.l10n.t('💬 {0} · open', thread.replies.length) : vscode.l10n.t('💬 {0}', thread.replies.length)) : '';
  item.description = [endorsed ? '✓' : '', replies, kindLabel(note.kind), note.author, note.created].filter(Boolean).join(' · ');
  item.resourceUri = service.uriOf(note.path);
  item.contextValue = `note:${note.kind}${endorsed ? ':endorsed' : ''}${endorsedByReader(note.endorsed) ? ':endorsedByMe' : ''}${note.kind === 'plan' ? `:${note.status ?? 'open'}` : ''}`;
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.appendMarkdown(`**${escapeMd(revealBidi(note.title))}**\n\n`);
  tooltip.appendText(`${kindLabel(note.kind)}${note.author ? ` · ${note.author}` : ''}${note.created ? ` · ${note.created}` : ''}\n`);
  if (note.topics.length) tooltip.appendText(`${vscode.l10n.t('Topics')}: ${note.topics.join(', ')}\n`);
  if (endorsed) tooltip.appendText(`${vscode.l10n.t('Endorsed by {0}', note.endorsed.join(', '))}\n`);
  if (thread) {
    const n = thread.replies.length;
    const count = n === 1 ? vscode.l10n.t('1 reply') : vscode.l10n.t('{0} replies', n);
    tooltip.appendText(`${thread.state === 'open' ? vscode.l10n.t('Open question: {0} from {1}', count, thread.participants.join(', ')) : vscode.l10n.t('Resolved: {0} from {1}', count, thread.participants.join(', '))}\n`);
  }
  item.tooltip = tooltip;
  item.command = { command: 'teamLearnings.previewNote', title: vscode.l10n.t('Preview Note'), arguments: [note.path] };
  return item;
}

export function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
