// The This File view: notes anchored in the active editor, each with its
// anchors and their status (fresh, moved, drifted, orphaned).

import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import type { LearningsService } from '../service';
import type { LiveAnchor, LiveAnchors } from '../editor/liveAnchors';
import { noteTreeItem } from './noteItem';
import { statusIcon, statusLabel } from '../anchorStatus';
import { Disposable } from '../disposable';
import { editorInView } from './editorInView';
import { anchoredSelection } from '../editor/anchoredSelection';

export type ThisFileNode = { type: 'note'; note: Note; anchors: LiveAnchor[] } | { type: 'anchor'; live: LiveAnchor; uri: vscode.Uri };

export class ThisFileProvider extends Disposable implements vscode.TreeDataProvider<ThisFileNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<ThisFileNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(
    private readonly service: LearningsService,
    private readonly live: LiveAnchors,
  ) {
    super();
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: ThisFileNode): Promise<ThisFileNode[]> {
    if (node?.type === 'anchor') return [];
    // A preview or the dashboard beside the code is not a reason to forget the code.
    const editor = editorInView();
    if (!editor || !this.service.relative(editor.document.uri)) return [];
    if (node?.type === 'note') return node.anchors.map((live) => ({ type: 'anchor' as const, live, uri: editor.document.uri }));
    const anchors = await this.live.anchorsIn(editor.document);
    const byNote = new Map<string, { note: Note; anchors: LiveAnchor[] }>();
    for (const a of anchors) {
      const entry = byNote.get(a.note.path) ?? { note: a.note, anchors: [] };
      entry.anchors.push(a);
      byNote.set(a.note.path, entry);
    }
    return [...byNote.values()]
      .sort((a, b) => (a.anchors[0].range?.start.line ?? Infinity) - (b.anchors[0].range?.start.line ?? Infinity))
      .map((e) => ({ type: 'note' as const, ...e }));
  }

  getTreeItem(node: ThisFileNode): vscode.TreeItem {
    if (node.type === 'note') {
      const item = noteTreeItem(this.service, node.note, vscode.TreeItemCollapsibleState.Expanded);
      const worst = node.anchors.find((a) => a.status === 'orphaned') ?? node.anchors.find((a) => a.status === 'drifted');
      if (worst) item.description = `${statusLabel(worst.status)} · ${item.description}`;
      return item;
    }
    const { live } = node;
    const anchor = live.note.anchors[live.anchorIndex];
    const where = live.range ? vscode.l10n.t('lines {0}–{1}', live.range.start.line + 1, live.range.end.line + 1) : (live.place ?? anchor.path);
    const item = new vscode.TreeItem(where);
    item.iconPath = statusIcon(live.status);
    item.description = statusLabel(live.status, live.similarity) + (live.status !== 'fresh' ? ` · ${vscode.l10n.t('was {0}', `${anchor.lines.start}-${anchor.lines.end}`)}` : '');
    item.contextValue = `anchor:${live.status}`;
    item.tooltip = new vscode.MarkdownString().appendCodeblock(anchor.snippet, '');
    if (live.range) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.uri.toString());
      item.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Go to Code'),
        arguments: [node.uri, { selection: anchoredSelection(doc, live.range.start.line, live.range.end.line) }],
      };
    }
    return item;
  }
}
