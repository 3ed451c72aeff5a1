import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Features register themselves here as they land.
}

export function deactivate(): void {}
