// The editor that This File (and the folder it belongs to) is about. A
// comment's reply box, the Source Control message box and the Output panel
// are text editors too: typing a reply at an anchor must not empty This File
// of the code the thread sits in.

import * as vscode from 'vscode';

/** Text editors that are input boxes of the workbench, not documents a person opened. */
const INPUT_SCHEMES = new Set(['comment', 'vscode-scm', 'output']);

let last: vscode.TextEditor | undefined;

const isDocument = (e: vscode.TextEditor) => !INPUT_SCHEMES.has(e.document.uri.scheme);

/** The active editor; while an input box has the focus, the document editor the user was in (still visible), or the only one visible. */
export function editorInView(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active && isDocument(active)) return (last = active);
  const visible = vscode.window.visibleTextEditors.filter(isDocument);
  if (last && visible.includes(last)) return last;
  return visible.length === 1 ? (last = visible[0]) : undefined;
}
