// The history the editor resolves anchors with: the CLI's GitHistory (the
// `git` command), so an anchor's status and place in the editor are those of
// `learnings check`. Only in a trusted workspace on this machine's disk (a
// `file:` folder): Restricted Mode runs no git. The browser build takes
// anchorHistory.web.ts instead (see scripts/build.mjs).

import * as vscode from 'vscode';
import type { AnchorHistory } from '../core/anchors';
import { GitHistory } from '../node/gitHistory';

/** A fresh history (its answers are cached for one check), or undefined where git may not run. */
export function anchorHistoryFor(root: vscode.Uri): AnchorHistory | undefined {
  if (root.scheme !== 'file' || !vscode.workspace.isTrusted) return undefined;
  return new GitHistory(root.fsPath);
}
