// A markdown-it plugin for VS Code's own markdown preview
// (`contributes.markdown.markdownItPlugins`): a note shows its title, kind and
// topics there, which the preview would otherwise hide with the front
// matter. Only files in a notes folder get the header; the header is made
// (and escaped) in core.

import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { noteHeaderPlugin } from '../core/render/noteHeader';
import { kindLabel } from './kinds';
import type { LearningsServices } from './services';

export function markdownItPlugin(services: LearningsServices): (md: MarkdownIt) => MarkdownIt {
  return (md) =>
    noteHeaderPlugin(md, {
      labels: { kind: kindLabel, topics: vscode.l10n.t('Topics') },
      isNote: (env) => {
        const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
        if (!(uri instanceof vscode.Uri)) return false;
        const entry = services.forUri(uri);
        const path = entry?.service.relative(uri);
        return !!entry && !!path?.startsWith(`${entry.service.layout.notesDir}/`);
      },
    });
}
