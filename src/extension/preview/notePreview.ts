// The note preview: one webview panel per note, beside the editor, rendered
// by core/render (untrusted content: escaped, no script, no remote loads)
// under a strict CSP. The page's script only posts messages; each is checked
// against the note before a command runs.

import * as vscode from 'vscode';
import { lockedWebviewOptions } from '../webview/webviewOptions';
import type { AnchorResolution } from '../../core/anchors';
import type { AnchorResult } from '../../core/anchors/checkAnchors';
import { parseLineRange } from '../../core/notes/parseNote';
import { normalizeRelativePath, unsafePathReason } from '../../core/workspacePath';
import { formatLines, formatProblem, type Note } from '../../core/model';
import { escapeHtml } from '../../core/render/html';
import { createSafeMarkdown, type RenderedLinks } from '../../core/render/safeMarkdown';
import { renderNoteHtml, type NoteLabels } from '../../core/render/notePage';
import { renderThreadHtml, type ThreadLabels } from '../../core/dialog/threadHtml';
import type { Thread } from '../../core/dialog/thread';
import { resolveThread, writeReply } from '../dialog/dialogWrites';
import { statusLabel } from '../anchorStatus';
import { kindLabel } from '../kinds';
import type { LearningsService } from '../service';
import { endorserName } from '../endorser';
import { parsePreviewMessage, type PreviewMessage } from './messages';
import { makeNonce, previewDocument } from './previewHtml';
import { noteOf } from '../commandArgs';

export const PREVIEW_VIEW_TYPE = 'teamLearnings.preview';

interface Preview {
  readonly notePath: string;
  readonly panel: vscode.WebviewPanel;
  /** The note as last rendered; undefined before the first render and once deleted. */
  note?: Note;
  links: RenderedLinks;
  html?: string;
  /** Bumped by every render, so a slow render never overwrites a newer one. */
  version: number;
  /** The thread as last rendered (its replies and state), to re-render when it changes. */
  threadKey?: string;
  disposed: boolean;
}

export class NotePreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly previews = new Map<string, Preview>();
  private readonly md = createSafeMarkdown();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: LearningsService,
  ) {
    this.disposables.push(
      service.onDidChange(() => this.refreshChanged()),
      // Anchor statuses follow the code: re-render as anchored code is typed (paused), saved or renamed.
      service.anchors.onDidChange((change) => {
        const paths = new Set(change.uris.map((u) => service.relative(u)));
        for (const p of this.previews.values()) if (change.all || p.note?.anchors.some((a) => paths.has(a.path))) void this.render(p);
      }),
    );
  }

  /** The HTML last set on the preview of `notePath`, for tests. */
  htmlFor(notePath: string): string | undefined {
    return this.previews.get(notePath)?.html;
  }

  /** Opens the preview of a note beside the editor, or reveals it. False when `notePath` is not a note. */
  async show(notePath: string): Promise<boolean> {
    const existing = this.previews.get(notePath);
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn);
      return true;
    }
    const note = await this.findNote(notePath);
    if (!note) return false;
    const opened = this.previews.get(notePath); // by another call while this one waited
    if (opened) {
      opened.panel.reveal(opened.panel.viewColumn);
      return true;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      note.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { ...lockedWebviewOptions(this.extensionUri), enableFindWidget: true, retainContextWhenHidden: false },
    );
    await this.render(this.adopt(panel, note.path));
    return true;
  }

  /** `teamLearnings.previewNote`: a path, a Uri, a tree item or nothing (the active editor). */
  async previewCommand(arg?: unknown): Promise<boolean> {
    const raw = noteOf(arg ?? vscode.window.activeTextEditor?.document.uri, this.service);
    if (raw === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a note to preview it.'));
      return false;
    }
    if (unsafePathReason(raw)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a note in this workspace.', raw));
      return false;
    }
    const path = normalizeRelativePath(raw);
    if (await this.show(path)) return true;
    const problem = this.service.indexIfLoaded?.problemsOf(path)[0];
    void vscode.window.showWarningMessage(
      problem ? vscode.l10n.t('Cannot preview this note: {0}', formatProblem(problem)) : vscode.l10n.t('{0} is not a note in this workspace.', path),
    );
    return false;
  }

  /** Restores a preview after a window reload. The state comes from the page: checked like a message. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const path = (state as { note?: unknown } | undefined)?.note;
    if (typeof path !== 'string' || unsafePathReason(path) || this.previews.has(path)) {
      panel.dispose();
      return;
    }
    panel.webview.options = lockedWebviewOptions(this.extensionUri);
    await this.render(this.adopt(panel, path));
  }

  dispose(): void {
    for (const p of [...this.previews.values()]) p.panel.dispose();
    this.previews.clear();
    for (const d of this.disposables) d.dispose();
  }


  private adopt(panel: vscode.WebviewPanel, notePath: string): Preview {
    const preview: Preview = { notePath, panel, links: emptyLinks(), version: 0, disposed: false };
    this.previews.set(notePath, preview);
    const listeners = [
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(preview, m)),
      panel.onDidDispose(() => {
        preview.disposed = true;
        if (this.previews.get(notePath) === preview) this.previews.delete(notePath);
        for (const l of listeners) l.dispose();
      }),
    ];
    return preview;
  }

  private async findNote(path: string): Promise<Note | undefined> {
    const index = await this.service.ready();
    let note = index.get(path);
    if (!note && path.startsWith(`${this.service.layout.notesDir}/`) && (await this.service.fs.stat(path))) {
      // Just written, and the watcher has not told us yet.
      await this.service.refresh([path]);
      note = index.get(path);
    }
    return note;
  }

  private refreshChanged(): void {
    const index = this.service.indexIfLoaded;
    if (!index) return;
    for (const p of this.previews.values()) {
      if (index.get(p.notePath) !== p.note || p.html === undefined || threadKey(index.thread(p.notePath)) !== p.threadKey) void this.render(p);
    }
  }

  private async render(preview: Preview): Promise<void> {
    const version = ++preview.version;
    const index = await this.service.ready();
    const note = index.get(preview.notePath);
    let anchors: Array<AnchorResolution | undefined> | undefined;
    if (note && note.anchors.length > 0) {
      try {
        // As `learnings check` resolves them, with the unsaved editors' text.
        anchors = resolutionsOf(note, (await this.service.anchors.check([note])).anchors);
      } catch {
        anchors = undefined; // the note still shows, without status marks
      }
    }
    if (preview.disposed || version !== preview.version) return;
    if (!note) {
      this.showDeleted(preview);
      return;
    }
    const me = await endorserName(this.service);
    if (preview.disposed || version !== preview.version) return;
    const links = emptyLinks();
    const endorseButton = me && note.endorsed.includes(me) ? 'withdraw' : 'endorse';
    const thread = index.thread(note.path);
    const body = `${renderNoteHtml(note, { md: this.md, anchors, labels: labels(), endorseButton, links })}\n${renderThreadHtml(thread, this.md, { labels: threadLabels(), links, imageLabel: vscode.l10n.t('Image') })}`;
    preview.threadKey = threadKey(thread);
    preview.note = note;
    preview.links = links;
    preview.panel.title = note.title;
    this.setHtml(preview, note.title, body, 'note');
  }

  private showDeleted(preview: Preview): void {
    const title = preview.note?.title ?? preview.notePath;
    preview.note = undefined;
    preview.links = emptyLinks();
    preview.panel.title = vscode.l10n.t('{0} (deleted)', title);
    const body = [
      `<h1 class="note-title">${escapeHtml(title)}</h1>`,
      `<p class="deleted-message">${escapeHtml(vscode.l10n.t('This note was deleted.'))}</p>`,
      `<p class="deleted-path"><code>${escapeHtml(preview.notePath)}</code></p>`,
    ].join('\n');
    this.setHtml(preview, title, body, 'deleted');
  }

  private setHtml(preview: Preview, title: string, body: string, state: 'note' | 'deleted'): void {
    const webview = preview.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    preview.html = previewDocument({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      styleUri: media('preview.css'),
      scriptUri: media('preview.js'),
      lang: vscode.env.language,
      title,
      notePath: preview.notePath,
      body,
      state,
    });
    webview.html = preview.html;
  }

  private async onMessage(preview: Preview, raw: unknown): Promise<void> {
    const message = parsePreviewMessage(raw);
    const note = preview.note;
    if (!message || !note || preview.disposed) return;
    try {
      await this.handle(preview, note, message);
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Team Learnings: {0}', err instanceof Error ? err.message : String(err)));
    }
  }

  /** Runs what a message asks, only for what this note holds. */
  private async handle(preview: Preview, note: Note, message: PreviewMessage): Promise<void> {
    switch (message.type) {
      case 'openAnchor':
        if (message.index < note.anchors.length) {
          await vscode.commands.executeCommand('teamLearnings.openAnchor', { note: note.path, anchor: message.index });
        }
        return;
      case 'revealTopic':
        if (note.topics.includes(message.topic)) await vscode.commands.executeCommand('teamLearnings.revealTopic', message.topic);
        return;
      case 'openLink':
        if (preview.links.external.has(message.href)) await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        return;
      case 'openFile':
        if (preview.links.workspace.has(message.path)) await this.openFile(preview, message.path);
        return;
      case 'endorse':
        await vscode.commands.executeCommand('teamLearnings.endorseNote', { note: note.path });
        return;
      case 'withdraw':
        await vscode.commands.executeCommand('teamLearnings.withdrawEndorsement', { note: note.path });
        return;
      case 'reply':
        // Written, the index changes and the thread is rendered again (refreshChanged).
        await writeReply(this.service, note.path, message.text);
        return;
      case 'resolve':
      case 'reopen':
        await resolveThread(this.service, note.path, message.type === 'resolve');
        return;
    }
  }

  private async openFile(preview: Preview, path: string): Promise<void> {
    const stat = await this.service.fs.stat(path);
    if (!stat) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} does not exist in this workspace.', path));
      return;
    }
    // A symlink, as the file or as a folder on the way, could lead out of the workspace.
    if (stat.type === 'symlink' || stat.type === 'other' || (await this.service.fs.realPath(path)) === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is a link or a special file: it is not opened from a note.', path));
      return;
    }
    const uri = this.service.uriOf(path);
    if (stat.type === 'directory') {
      await vscode.commands.executeCommand('revealInExplorer', uri);
      return;
    }
    const column = preview.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: column });
  }
}

/**
 * Registers `teamLearnings.previewNote` and the panel serializer; the manager is disposed with the extension.
 * `serviceFor` (multi-root) picks another folder's service for an argument: that folder gets its own manager.
 */
export function registerPreview(context: vscode.ExtensionContext, service: LearningsService, serviceFor?: (arg: unknown) => LearningsService): NotePreviewManager {
  const manager = new NotePreviewManager(context.extensionUri, service);
  const others = new Map<LearningsService, NotePreviewManager>();
  const managerFor = (arg: unknown): NotePreviewManager => {
    const chosen = serviceFor?.(arg) ?? service;
    if (chosen === service) return manager;
    let other = others.get(chosen);
    if (!other) {
      other = new NotePreviewManager(context.extensionUri, chosen);
      others.set(chosen, other);
      context.subscriptions.push(other);
    }
    return other;
  };
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand('teamLearnings.previewNote', (arg?: unknown) => managerFor(arg).previewCommand(arg)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
  );
  return manager;
}

function emptyLinks(): RenderedLinks {
  return { external: new Set(), workspace: new Set() };
}

/** Unsaved editors of anchored files: statuses follow what the user sees. */
/** The check's results in the renderer's shape, by anchor. */
function resolutionsOf(note: Note, results: readonly AnchorResult[]): Array<AnchorResolution | undefined> {
  const out = new Array<AnchorResolution | undefined>(note.anchors.length);
  for (const r of results) {
    const lines = r.lines ? parseLineRange(r.lines) : undefined;
    out[r.anchorIndex] = { status: r.status, path: r.path, ...(lines ? { lines } : {}), ...(r.similarity !== undefined ? { similarity: r.similarity } : {}) };
  }
  return out;
}

function labels(): Partial<NoteLabels> {
  return {
    kind: kindLabel,
    endorsedBy: (names) => vscode.l10n.t('Endorsed by {0}', names),
    status: vscode.l10n.t('Status'),
    planStatus: (status) => {
      switch (status) {
        case 'open':
          return vscode.l10n.t('open');
        case 'done':
          return vscode.l10n.t('done');
        case 'dropped':
          return vscode.l10n.t('dropped');
        default:
          return status;
      }
    },
    owner: vscode.l10n.t('Owner'),
    review: vscode.l10n.t('Next check-in'),
    topics: vscode.l10n.t('Topics'),
    anchors: vscode.l10n.t('Code'),
    anchorStatus: (r) =>
      r.status === 'moved' && r.lines
        ? vscode.l10n.t('moved to {0}', `${r.path}:${formatLines(r.lines)}`)
        : r.status === 'drifted' && r.lines
          ? vscode.l10n.t('{0}, now at {1}', statusLabel(r.status, r.similarity), `${r.path}:${formatLines(r.lines)}`)
          : statusLabel(r.status, r.similarity),
    endorse: vscode.l10n.t('Endorse'),
    withdraw: vscode.l10n.t('Withdraw Endorsement'),
    image: vscode.l10n.t('Image'),
  };
}

/** What a rendered thread showed: a reply added, changed or resolved changes it. */
function threadKey(thread: Thread): string {
  return `${thread.state}|${thread.replies.map((r) => `${r.path}:${r.resolved}:${r.body.length}`).join(',')}`;
}

function threadLabels(): ThreadLabels {
  return {
    replies: vscode.l10n.t('Replies'),
    state: (s) => (s === 'resolved' ? vscode.l10n.t('Thread: resolved') : vscode.l10n.t('Thread: open')),
    noReplies: vscode.l10n.t('No replies yet.'),
    resolved: vscode.l10n.t('resolved'),
    reopened: vscode.l10n.t('reopened'),
    unknown: vscode.l10n.t('unknown'),
    placeholder: vscode.l10n.t('Write a reply…'),
    reply: vscode.l10n.t('Reply'),
    resolve: vscode.l10n.t('Resolve'),
    reopen: vscode.l10n.t('Reopen'),
  };
}
