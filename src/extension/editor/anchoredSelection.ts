// How an anchor's code is shown selected, wherever it is opened from (the
// preview's link, a row of This File): every anchored line, the last one to its end.

import * as vscode from 'vscode';

/** Lines `start`..`end` (0-based, inclusive) of `doc`, the last to its end; without the document, to the last line's start. */
export function anchoredSelection(doc: vscode.TextDocument | undefined, start: number, end: number): vscode.Range {
  const last = doc ? Math.min(end, doc.lineCount - 1) : end;
  return new vscode.Range(start, 0, last, doc ? doc.lineAt(Math.max(0, last)).range.end.character : 0);
}
