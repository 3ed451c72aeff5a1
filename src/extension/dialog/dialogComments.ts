// The dialog at the code: each anchored note gets a comment thread (VS Code's
// Comments API) at each of its anchors, placed where the one resolver puts
// the anchor (the CodeLens's LiveAnchors), so a thread follows its code. The
// note is the first comment, its replies follow; the reply box writes a reply
// file, Resolve and Reopen change the latest reply's `resolved` (core/dialog).
// Note and reply text is untrusted: markdown as safe as the hover's, with
// no command link, no HTML and no theme icon.

import * as vscode from 'vscode';
import { safeMarkdownExcerpt } from '../../core/render/excerpt';
import { inertMarkdownText, revealBidi } from '../../core/render/inert';
import type { Note } from '../../core/model';
import type { Reply } from '../../core/dialog/reply';
import type { Thread } from '../../core/dialog/thread';
import { kindLabel } from '../kinds';
import type { LearningsServices, FolderEntry } from '../services';
import { writeReply, resolveThread } from './dialogWrites';
import { momentOf } from '../../core/dates';

export const DIALOG_CONTROLLER = 'teamLearnings.dialog';
export const REPLY_COMMAND = 'teamLearnings.dialog.reply';
export const RESOLVE_COMMAND = 'teamLearnings.dialog.resolve';
export const REOPEN_COMMAND = 'teamLearnings.dialog.reopen';

interface ThreadEntry {
  thread: vscode.CommentThread;
  folder: FolderEntry;
  note: string;
  /** What the thread shows: set again only when this changes (the reply box keeps its draft as the user types). */
  shown?: string;
}

/** CommentThreadState (VS Code 1.76+; engines.vscode is older): used when the running VS Code has it. */
const THREAD_STATE = (vscode as unknown as { CommentThreadState?: { Unresolved: number; Resolved: number } }).CommentThreadState;

/** A comment's markdown: untrusted, no HTML, no icons; links only to the web or mail (core/render/excerpt). */
export function untrustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

export function noteComment(note: Note, today: string, now = new Date()): vscode.Comment {
  const timestamp = momentOf(note.created, today, now);
  const title = `**${inertMarkdownText(revealBidi(note.title))}**`;
  const body = safeMarkdownExcerpt(note.body, { maxLines: 40, maxChars: 4000 });
  return {
    body: untrustedMarkdown(body ? `${title}\n\n${body}` : title),
    mode: vscode.CommentMode.Preview,
    author: { name: note.author ?? vscode.l10n.t('unknown') },
    label: kindLabel(note.kind),
    contextValue: 'teamLearnings.note',
    ...(timestamp ? { timestamp } : {}),
  };
}

export function replyComment(reply: Reply, today: string, now = new Date()): vscode.Comment {
  const timestamp = momentOf(reply.created, today, now);
  const label = reply.resolved === true ? vscode.l10n.t('resolved') : reply.resolved === false ? vscode.l10n.t('reopened') : undefined;
  return {
    body: untrustedMarkdown(safeMarkdownExcerpt(reply.body, { maxLines: 200, maxChars: 10000 })),
    mode: vscode.CommentMode.Preview,
    author: { name: reply.author ?? vscode.l10n.t('unknown') },
    contextValue: 'teamLearnings.reply',
    ...(label ? { label } : {}),
    ...(timestamp ? { timestamp } : {}),
  };
}

/** `teamLearnings.thread.open`, `.resolved` or `.none`: the menus offer Resolve or Reopen by it. */
export function threadContext(thread: Thread): string {
  return `teamLearnings.thread.${thread.state}`;
}

export class DialogComments implements vscode.Disposable {
  private readonly controller: vscode.CommentController;
  /** Threads by document, then by `note#anchor`. */
  private readonly byDocument = new Map<string, Map<string, ThreadEntry>>();
  private readonly byThread = new Map<vscode.CommentThread, ThreadEntry>();
  private readonly disposables: vscode.Disposable[] = [];
  private syncing = Promise.resolve();

  constructor(private readonly services: LearningsServices) {
    this.controller = vscode.comments.createCommentController(DIALOG_CONTROLLER, vscode.l10n.t('Team Learnings'));
    this.controller.options = { prompt: vscode.l10n.t('Reply to this note…'), placeHolder: vscode.l10n.t('Your reply (markdown), kept in the repository beside the note') };
    // No commenting ranges: threads are the notes' own (a new one is a new note), and a range
    // provider makes VS Code's workspace-settings writes fail ("the content of the file is newer").
    this.disposables.push(
      this.controller,
      vscode.commands.registerCommand(REPLY_COMMAND, (reply: vscode.CommentReply) => this.reply(reply)),
      vscode.commands.registerCommand(RESOLVE_COMMAND, (thread: vscode.CommentThread) => this.setResolved(thread, true)),
      vscode.commands.registerCommand(REOPEN_COMMAND, (thread: vscode.CommentThread) => this.setResolved(thread, false)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.syncVisible()),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
    );
    const watch = (entry: FolderEntry) => {
      entry.subscriptions.push(
        entry.live.onDidChange(() => this.syncVisible()),
        entry.service.onDidChange(() => this.syncVisible()),
      );
    };
    this.services.all().forEach(watch);
    this.disposables.push(this.services.onDidAddFolder(watch));
    this.syncVisible();
  }

  /** The thread of a note at an anchor in a document, for tests and commands. */
  threadsOf(uri: vscode.Uri): vscode.CommentThread[] {
    return [...(this.byDocument.get(uri.toString())?.values() ?? [])].map((e) => e.thread);
  }

  /** Resolves when the threads of the visible editors are current. */
  settled(): Promise<void> {
    return this.syncing;
  }

  syncVisible(): void {
    const docs = vscode.window.visibleTextEditors.map((e) => e.document);
    this.syncing = this.syncing.then(async () => {
      for (const doc of docs) await this.sync(doc).catch((err) => console.error(`Team Learnings: comment threads of ${doc.uri.toString()}: ${(err as Error)?.message ?? String(err)}`));
    });
  }

  private async sync(document: vscode.TextDocument): Promise<void> {
    const entry = this.services.forUri(document.uri);
    const key = document.uri.toString();
    if (!entry || document.uri.scheme !== entry.folder.uri.scheme) return;
    const anchors = (await entry.live.anchorsIn(document)).filter((a) => a.range);
    const index = await entry.service.ready();
    const current = this.byDocument.get(key) ?? new Map<string, ThreadEntry>();
    const seen = new Set<string>();
    for (const a of anchors) {
      const id = `${a.note.path}#${a.anchorIndex}`;
      seen.add(id);
      const thread = index.thread(a.note.path);
      const note = index.get(a.note.path) ?? a.note;
      let item = current.get(id);
      if (!item) {
        const created = this.controller.createCommentThread(document.uri, a.range!, []);
        created.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
        item = { thread: created, folder: entry, note: a.note.path };
        current.set(id, item);
        this.byThread.set(created, item);
      } else if (!item.thread.range.isEqual(a.range!)) {
        item.thread.range = a.range!;
      }
      const shown = `${note.title}|${note.author}|${note.body.length}|${thread.state}|${thread.replies.map((r) => `${r.path}:${r.resolved}:${r.body.length}`).join(',')}`;
      if (item.shown !== shown) {
        this.fill(item.thread, note, thread);
        item.shown = shown;
      }
    }
    for (const [id, item] of current) {
      if (seen.has(id)) continue;
      current.delete(id);
      this.byThread.delete(item.thread);
      item.thread.dispose();
    }
    this.byDocument.set(key, current);
  }

  private fill(t: vscode.CommentThread, note: Note, thread: Thread): void {
    t.label = thread.replies.length === 0 ? note.title : `${note.title} · ${threadStateLabel(thread)}`;
    const today = this.services.primary.service.clock.today();
    t.comments = [noteComment(note, today), ...thread.replies.map((r) => replyComment(r, today))];
    t.contextValue = threadContext(thread);
    t.canReply = true;
    if (THREAD_STATE) (t as { state?: number }).state = thread.state === 'resolved' ? THREAD_STATE.Resolved : THREAD_STATE.Unresolved;
  }

  private forget(uri: string): void {
    const current = this.byDocument.get(uri);
    if (!current) return;
    for (const item of current.values()) {
      this.byThread.delete(item.thread);
      item.thread.dispose();
    }
    this.byDocument.delete(uri);
  }

  /** The note a thread answers: ours, or (a thread the user started on an anchored range) the note anchored there. */
  private async entryOf(thread: vscode.CommentThread): Promise<ThreadEntry | undefined> {
    const known = this.byThread.get(thread);
    if (known) return known;
    const folder = this.services.forUri(thread.uri);
    if (!folder) return undefined;
    const doc = await vscode.workspace.openTextDocument(thread.uri);
    const at = (await folder.live.anchorsIn(doc)).find((a) => a.range?.contains(thread.range.start));
    thread.dispose();
    return at ? { thread, folder, note: at.note.path } : undefined;
  }

  private async reply(reply: vscode.CommentReply): Promise<void> {
    const entry = await this.entryOf(reply.thread);
    if (!entry || reply.text.trim() === '') return;
    const written = await writeReply(entry.folder.service, entry.note, reply.text);
    if (written) this.syncVisible();
  }

  private async setResolved(thread: vscode.CommentThread, resolve: boolean): Promise<void> {
    const entry = this.byThread.get(thread);
    if (!entry) return;
    if (await resolveThread(entry.folder.service, entry.note, resolve)) this.syncVisible();
  }

  dispose(): void {
    for (const item of this.byThread.values()) item.thread.dispose();
    this.byThread.clear();
    this.byDocument.clear();
    for (const d of this.disposables) d.dispose();
  }
}

export function threadStateLabel(thread: Thread): string {
  if (thread.state === 'resolved') return vscode.l10n.t('resolved');
  const n = thread.replies.length;
  return n === 1 ? vscode.l10n.t('open, 1 reply') : vscode.l10n.t('open, {0} replies', n);
}
