// Help while a note's front matter is typed: completion of `kind`, `topics`,
// `status` and `goal` values, and links on anchor paths to the code. Which
// field the cursor is in and which values it takes is decided in core
// (frontMatterAssist); this turns the answers into VS Code's objects.

import * as vscode from 'vscode';
import { anchorPathSpans, fieldAt, valuesFor, type CompletionValue } from '../../core/notes/frontMatterAssist';
import { flattenTopics } from '../../core/topics/topics';
import { kindDescription, kindLabel } from '../kinds';
import type { LearningsServices } from '../services';
import type { LearningsService } from '../service';

/** The service whose notes folder holds `document`, or undefined when it is no note. */
function serviceOfNote(services: LearningsServices, document: vscode.TextDocument): LearningsService | undefined {
  const entry = services.forUri(document.uri);
  const path = entry?.service.relative(document.uri);
  return entry && path?.startsWith(`${entry.service.layout.notesDir}/`) && path.endsWith('.md') ? entry.service : undefined;
}

async function goalSlugs(service: LearningsService): Promise<CompletionValue[]> {
  const entries = await service.fs.readDirectory(`${service.layout.folder}/goals`);
  return entries.filter(([name, type]) => type === 'file' && name.endsWith('.md')).map(([name]) => ({ value: name.slice(0, -3) }));
}

export class NoteCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly services: LearningsServices) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const service = serviceOfNote(this.services, document);
    if (!service) return undefined;
    const context = fieldAt(document.getText(), position.line, position.character);
    if (!context) return undefined;
    const sources =
      context.field === 'topics'
        ? { topics: flattenTopics((await service.ready()).topics()).map((t) => ({ value: t.slug, detail: t.described ? t.title : undefined })) }
        : context.field === 'goal'
          ? { goals: await goalSlugs(service) }
          : {};
    const range = new vscode.Range(position.line, context.start, position.line, Math.max(context.end, position.character));
    return valuesFor(context, sources).map((v, i) => {
      const item = new vscode.CompletionItem(v.value, context.field === 'kind' ? vscode.CompletionItemKind.EnumMember : vscode.CompletionItemKind.Value);
      item.range = range;
      item.sortText = String(i).padStart(4, '0');
      if (context.field === 'kind') {
        item.detail = kindLabel(v.value);
        item.documentation = kindDescription(v.value);
      } else if (v.detail) {
        item.detail = v.detail;
      }
      return item;
    });
  }
}

export class AnchorPathLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly services: LearningsServices) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const service = serviceOfNote(this.services, document);
    if (!service) return [];
    return anchorPathSpans(document.getText()).map((span) => {
      const link = new vscode.DocumentLink(new vscode.Range(span.line, span.start, span.line, span.end), service.uriOf(span.path));
      link.tooltip = vscode.l10n.t('Open {0}', span.path);
      return link;
    });
  }
}

export function registerNoteAssist(context: vscode.ExtensionContext, services: LearningsServices): void {
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(selector, new NoteCompletionProvider(services), ':', ' ', ',', '[', '-'),
    vscode.languages.registerDocumentLinkProvider(selector, new AnchorPathLinkProvider(services)),
  );
}
