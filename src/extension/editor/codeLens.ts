// A CodeLens above each anchored range: "2 lessons: <title>".

import * as vscode from 'vscode';
import { escapeCodicons, revealBidi } from '../../core/render/inert';
import { readConfig } from '../config';
import { countLabel } from '../kinds';
import type { LiveAnchor, LiveAnchors } from './liveAnchors';
import { Disposable } from '../disposable';

export class AnchorCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly live: LiveAnchors) {
    super();
  }

  refresh(): void {
    this.emitter.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!readConfig(document.uri).codeLens) return [];
    const anchors = await this.live.anchorsIn(document);
    const byLine = new Map<number, LiveAnchor[]>();
    for (const a of anchors) {
      if (!a.range) continue;
      const group = byLine.get(a.range.start.line) ?? [];
      if (!group.some((g) => g.note.path === a.note.path)) group.push(a);
      byLine.set(a.range.start.line, group);
    }
    return [...byLine].map(([line, group]) => {
      const range = new vscode.Range(line, 0, line, 0);
      const drifted = group.some((g) => g.status === 'drifted');
      const titles = group.map((g) => escapeCodicons(revealBidi(g.note.title))).join(' · ');
      const title = `${drifted ? '$(warning) ' : '$(lightbulb) '}${countLabel(group.length, group.map((g) => g.note.kind))}: ${titles}`;
      const command: vscode.Command =
        group.length === 1
          ? { command: 'teamLearnings.previewNote', title, arguments: [group[0].note.path] }
          : { command: 'teamLearnings.pickNote', title, arguments: [group.map((g) => g.note.path)] };
      return new vscode.CodeLens(range, command);
    });
  }
}
