// The browser build's anchorHistory (scripts/build.mjs resolves `.web.ts`
// first): VS Code for the Web has no git, so the snippet alone decides.

import type * as vscode from 'vscode';
import type { AnchorHistory } from '../core/anchors';

export function anchorHistoryFor(_root: vscode.Uri): AnchorHistory | undefined {
  return undefined;
}
