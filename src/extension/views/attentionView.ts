// The Anchors Needing Attention view: every anchor of the workspace that is
// drifted or orphaned, as `learnings check` resolves it, with Show Changes,
// Re-anchor and Open. Re-checked when notes change, on save, and as the user
// types while the view is visible.

import * as vscode from 'vscode';
import type { AnchorResult } from '../../core/anchors/checkAnchors';
import type { Note } from '../../core/model';
import type { LearningsService } from '../service';
import { statusIcon, statusLabel } from '../anchorStatus';
import { escapeMd } from './noteItem';
import { Disposable } from '../disposable';

/** What the anchor commands receive from a row: `note` and `anchor` name it; `path` and `lines` say where it resolved. */
export interface AttentionNode {
  note: string;
  anchor: number;
  path?: string;
  lines?: string;
  result: AnchorResult;
  title: string;
  snippet: string;
}

export class AttentionProvider extends Disposable implements vscode.TreeDataProvider<AttentionNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<AttentionNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  view: vscode.TreeView<AttentionNode> | undefined;
  /** The rows last shown, for tests. */
  last: AttentionNode[] = [];

  constructor(private readonly service: LearningsService) {
    super();
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** Refreshes only when someone can see the view (a whole-workspace check is not free). */
  refreshIfVisible(): void {
    if (this.view?.visible) this.refresh();
  }

  async getChildren(node?: AttentionNode): Promise<AttentionNode[]> {
    if (node) return [];
    const index = await this.service.afterFirstRows();
    const { anchors } = await this.service.anchors.checkAll();
    const rows: AttentionNode[] = [];
    for (const result of anchors) {
      if (result.status !== 'drifted' && result.status !== 'orphaned') continue;
      const note: Note | undefined = index.get(result.note);
      const anchor = note?.anchors[result.anchorIndex];
      if (!note || !anchor) continue;
      rows.push({
        note: note.path,
        anchor: result.anchorIndex,
        ...(result.lines ? { path: result.path, lines: result.lines } : {}),
        result,
        title: note.title,
        snippet: anchor.snippet,
      });
    }
    // Orphaned first (nothing to show them at), then by where they are.
    rows.sort((a, b) => rank(a) - rank(b) || a.result.was.localeCompare(b.result.was));
    this.last = rows;
    if (this.view) {
      this.view.badge = rows.length > 0 ? { value: rows.length, tooltip: vscode.l10n.t('{0} anchors need attention', rows.length) } : undefined;
    }
    return rows;
  }

  getTreeItem(node: AttentionNode): vscode.TreeItem {
    const { result } = node;
    const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
    item.iconPath = statusIcon(result.status);
    const place = result.lines ? `${result.path}:${result.lines}` : result.was;
    item.description = `${statusLabel(result.status, result.similarity)} · ${place}`;
    item.contextValue = `attention:${result.status}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMd(node.title)}**\n\n`);
    tooltip.appendMarkdown(`${escapeMd(vscode.l10n.t('Recorded at {0}', result.was))}\n\n`);
    if (result.lines) tooltip.appendMarkdown(`${escapeMd(vscode.l10n.t('Now at {0}', place))}\n\n`);
    tooltip.appendCodeblock(node.snippet, '');
    item.tooltip = tooltip;
    item.command =
      result.status === 'orphaned'
        ? { command: 'teamLearnings.openNote', title: vscode.l10n.t('Open Note'), arguments: [node.note] }
        : { command: 'teamLearnings.showAnchorChanges', title: vscode.l10n.t('Show Changes'), arguments: [node] };
    return item;
  }
}

function rank(node: AttentionNode): number {
  return node.result.status === 'orphaned' ? 0 : 1;
}
