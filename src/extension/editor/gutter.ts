// A gutter mark beside anchored code; drifted anchors look different.

import * as vscode from 'vscode';
import { readConfig } from '../config';
import type { LiveAnchors } from './liveAnchors';

export class AnchorGutter implements vscode.Disposable {
  private readonly fresh: vscode.TextEditorDecorationType;
  private readonly drifted: vscode.TextEditorDecorationType;

  constructor(
    extensionUri: vscode.Uri,
    private readonly live: LiveAnchors,
  ) {
    this.fresh = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'gutter-fresh.svg'),
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
    this.drifted = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'gutter-drifted.svg'),
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
  }

  async update(editor: vscode.TextEditor): Promise<void> {
    if (!readConfig(editor.document.uri).gutter) {
      editor.setDecorations(this.fresh, []);
      editor.setDecorations(this.drifted, []);
      return;
    }
    const anchors = await this.live.anchorsIn(editor.document);
    const ranges = (drifted: boolean) =>
      anchors.filter((a) => a.range && (a.status === 'drifted') === drifted).map((a) => a.range!.with({ end: a.range!.end.with({ character: 0 }) }));
    editor.setDecorations(this.fresh, ranges(false));
    editor.setDecorations(this.drifted, ranges(true));
  }

  dispose(): void {
    this.fresh.dispose();
    this.drifted.dispose();
  }
}
