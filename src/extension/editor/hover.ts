// A hover over anchored code: the note's title, kind, topics, the first
// lines of its body and Open / Preview links. Note text is untrusted: only
// our own two commands may run from the hover, and of the body's links only
// web and mail links stay links (core/render/excerpt).

import * as vscode from 'vscode';
import { escapeCodicons } from '../../core/render/inert';
import { readConfig } from '../config';
import { kindLabel } from '../kinds';
import { statusLabel } from '../anchorStatus';
import { escapeMd } from '../views/noteItem';
import { safeMarkdownExcerpt } from '../../core/render/excerpt';
import type { LiveAnchors } from './liveAnchors';

const BODY_LINES = 6;

export class AnchorHoverProvider implements vscode.HoverProvider {
  constructor(private readonly live: LiveAnchors) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!readConfig(document.uri).hover) return undefined;
    const anchors = (await this.live.anchorsIn(document)).filter((a) => a.range && a.range.start.line <= position.line && position.line <= a.range.end.line);
    if (anchors.length === 0) return undefined;
    const seen = new Set<string>();
    const parts: vscode.MarkdownString[] = [];
    for (const a of anchors) {
      if (seen.has(a.note.path)) continue;
      seen.add(a.note.path);
      parts.push(noteHoverMarkdown(a.note, a.status === 'fresh' ? undefined : statusLabel(a.status, a.similarity)));
    }
    const range = anchors.reduce((r, a) => r.union(a.range!), anchors[0].range!);
    return new vscode.Hover(parts, new vscode.Range(range.start.line, 0, range.end.line, document.lineAt(range.end.line).text.length));
  }
}

export function noteHoverMarkdown(note: { path: string; title: string; kind: string; topics: string[]; author?: string; body: string }, status?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['teamLearnings.openNote', 'teamLearnings.previewNote'] };
  md.supportHtml = false;
  md.appendMarkdown(`$(lightbulb) **${escapeCodicons(escapeMd(note.title))}**\n\n`);
  const meta = [kindLabel(note.kind), note.author, note.topics.map((t) => `\`${t.replace(/`/g, '')}\``).join(' ')].filter(Boolean);
  md.appendMarkdown(`${meta.map((m, i) => (i === 2 ? m : escapeCodicons(escapeMd(m!)))).join(' · ')}${status ? ` · $(warning) ${escapeCodicons(escapeMd(status))}` : ''}\n\n`);
  const excerpt = bodyExcerpt(note.body);
  if (excerpt) md.appendMarkdown(`${escapeCodicons(excerpt)}\n\n`);
  const arg = encodeURIComponent(JSON.stringify([note.path]));
  md.appendMarkdown(`[${escapeMd(vscode.l10n.t('Open'))}](command:teamLearnings.openNote?${arg}) · [${escapeMd(vscode.l10n.t('Preview'))}](command:teamLearnings.previewNote?${arg})`);
  return md;
}

/** The first lines of the body that say something, as markdown in which only http(s) and mailto links remain. */
export function bodyExcerpt(body: string): string {
  return safeMarkdownExcerpt(body, { maxLines: BODY_LINES });
}
