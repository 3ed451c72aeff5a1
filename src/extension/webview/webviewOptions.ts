import * as vscode from 'vscode';

/** Scripts on (ours, by nonce), command links off, and nothing readable but media/. */
export function lockedWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}
