// A hover over anchored code: the note's title, kind, topics, the first
// lines of its body and Open / Preview links; for a drifted anchor its
// status and place (as `learnings check` says) with Show Changes and
// Re-anchor. Note text is untrusted: only our own commands below may run
// from the hover, and of the body's links only web and mail links stay links
// (core/render/excerpt).

import * as vscode from 'vscode';
import { escapeCodicons, inertMarkdownText, inertMarkdownWithIcons, revealBidi } from '../../core/render/inert';
import { readConfig } from '../config';
import { kindLabel } from '../kinds';
import { statusLabel } from '../anchorStatus';
import { escapeMd } from '../views/noteItem';
import { safeMarkdownExcerpt } from '../../core/render/excerpt';
import type { LiveAnchor, LiveAnchors } from './liveAnchors';

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
      parts.push(noteHoverMarkdown(a.note, a.status === 'fresh' ? undefined : statusLabel(a.status, a.similarity), a.status === 'fresh' ? undefined : repairOf(a)));
    }
    const range = anchors.reduce((r, a) => r.union(a.range!), anchors[0].range!);
    return new vscode.Hover(parts, new vscode.Range(range.start.line, 0, range.end.line, document.lineAt(range.end.line).text.length));
  }
}

/** The commands a hover may run: nothing else, whatever a note's text holds. */
export const HOVER_COMMANDS = ['teamLearnings.openNote', 'teamLearnings.previewNote', 'teamLearnings.showAnchorChanges', 'teamLearnings.reanchorToMatch'];

/** An anchor not at its recorded lines: which anchor, where it resolved, and (drifted) whether to offer the repairs. */
export interface HoverRepair {
  anchor: number;
  path: string;
  lines?: string;
  actions: boolean;
}

function repairOf(a: LiveAnchor): HoverRepair {
  const lines = a.range ? { lines: `${a.range.start.line + 1}-${a.range.end.line + 1}` } : {};
  return { anchor: a.anchorIndex, path: a.path, ...lines, actions: a.status === 'drifted' };
}

export function noteHoverMarkdown(
  note: { path: string; title: string; kind: string; topics: string[]; author?: string; body: string },
  status?: string,
  repair?: HoverRepair,
): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  md.appendMarkdown(`$(lightbulb) **${inertMarkdownWithIcons(revealBidi(note.title), escapeMd)}**\n\n`);
  const meta = [kindLabel(note.kind), note.author, note.topics.map((t) => `\`${t.replace(/`/g, '')}\``).join(' ')].filter(Boolean);
  md.appendMarkdown(`${meta.map((m, i) => (i === 2 ? m : inertMarkdownWithIcons(m!, escapeMd))).join(' · ')}\n\n`);
  // The status, its place and the repairs come before the body, which a long note would push out of sight.
  if (status) {
    // A path reads as typed (`pool.ts:39-48`, not `pool\.ts:39\-48` in the source), with nothing in it live.
    const place = repair?.lines ? ` · ${inertMarkdownWithIcons(vscode.l10n.t('now at {0}', `${repair.path}:${repair.lines}`), inertMarkdownText)}` : '';
    md.appendMarkdown(`$(warning) ${inertMarkdownWithIcons(status, escapeMd)}${place}${repair?.actions ? ` · ${repairLinks(note.path, repair)}` : ''}\n\n`);
  }
  const excerpt = bodyExcerpt(note.body);
  if (excerpt) md.appendMarkdown(`${escapeCodicons(excerpt)}\n\n`);
  const arg = encodeURIComponent(JSON.stringify([note.path]));
  md.appendMarkdown(`[${escapeMd(vscode.l10n.t('Open'))}](command:teamLearnings.openNote?${arg}) · [${escapeMd(vscode.l10n.t('Preview'))}](command:teamLearnings.previewNote?${arg})`);
  return md;
}

/** Show Changes and Re-anchor (to the code the anchor resolved to), as command links with encoded arguments. */
function repairLinks(notePath: string, repair: HoverRepair): string {
  const ref = { note: notePath, anchor: repair.anchor };
  const show = encodeURIComponent(JSON.stringify([ref]));
  const links = [`[$(diff) ${escapeMd(vscode.l10n.t('Show Changes'))}](command:teamLearnings.showAnchorChanges?${show})`];
  if (repair.lines) {
    const here = encodeURIComponent(JSON.stringify([{ ...ref, path: repair.path, lines: repair.lines }]));
    links.push(`[$(pinned) ${escapeMd(vscode.l10n.t('Re-anchor'))}](command:teamLearnings.reanchorToMatch?${here})`);
  }
  return links.join(' · ');
}

/** The first lines of the body that say something, as markdown in which only http(s) and mailto links remain. */
export function bodyExcerpt(body: string): string {
  return safeMarkdownExcerpt(body, { maxLines: BODY_LINES });
}
