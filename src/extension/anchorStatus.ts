// How an anchor's status looks: the same in trees, gutter and hovers.

import * as vscode from 'vscode';
import type { AnchorStatus } from '../core/anchors';

export function statusIcon(status: AnchorStatus): vscode.ThemeIcon {
  switch (status) {
    case 'fresh':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'moved':
      return new vscode.ThemeIcon('arrow-swap', new vscode.ThemeColor('testing.iconPassed'));
    case 'drifted':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));
    case 'orphaned':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('editorError.foreground'));
  }
}

export function statusLabel(status: AnchorStatus, similarity?: number): string {
  switch (status) {
    case 'fresh':
      return vscode.l10n.t('fresh');
    case 'moved':
      return vscode.l10n.t('moved');
    case 'drifted':
      return similarity !== undefined && similarity > 0
        ? vscode.l10n.t('drifted, {0}% similar', Math.round(similarity * 100))
        : vscode.l10n.t('drifted');
    case 'orphaned':
      return vscode.l10n.t('orphaned');
  }
}
