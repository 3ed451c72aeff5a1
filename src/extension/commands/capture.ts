// "Record Lesson from Selection" and "New Note". Each asks kind, title and
// topics, or takes them as an argument object so tests and other extensions
// can call it without prompts.

import * as vscode from 'vscode';
import { KNOWN_KINDS, type Anchor, type LineRange } from '../../core/model';
import { captureAnchor, CaptureError } from '../../core/captureAnchor';
import { createNote } from '../../core/createNote';
import { isTopicSlug, toTopicSlug } from '../../core/slug';
import { flattenTopics } from '../../core/topics';
import { parseLineRange } from '../../core/parseNote';
import { today, addDays } from '../../core/dates';
import type { LearningsService } from '../service';
import { readConfig } from '../config';
import { authorName } from '../git';
import { kindDescription, kindIcon, kindLabel } from '../kinds';

export interface CaptureArgs {
  kind?: string;
  title?: string;
  topics?: string[];
  body?: string;
  /** Workspace-relative path of the code to anchor to; the active editor's file by default. */
  path?: string;
  /** `START-END` or a range; the selection by default. */
  lines?: string | LineRange;
  author?: string;
  /** Open the new note in an editor (default true). */
  open?: boolean;
}

export interface CaptureResult {
  path: string;
  uri: vscode.Uri;
}

export async function recordLesson(service: LearningsService, args: CaptureArgs = {}): Promise<CaptureResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  let path = args.path;
  let lines = args.lines === undefined ? undefined : typeof args.lines === 'string' ? parseLineRange(args.lines) : args.lines;
  let text: string | undefined;
  if (path === undefined) {
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a file and select the code the lesson is about.'));
      return undefined;
    }
    path = service.relative(editor.document.uri);
    if (!path) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Only files inside the workspace folder can be anchored.'));
      return undefined;
    }
    const sel = editor.selection;
    const endLine = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line - 1 : sel.end.line;
    lines ??= { start: sel.start.line + 1, end: endLine + 1 };
    text = editor.document.getText();
  } else {
    const open = vscode.workspace.textDocuments.find((d) => service.relative(d.uri) === path);
    text = open?.getText();
  }
  if (!lines) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Lines must be START-END, like 12-20.'));
    return undefined;
  }
  let anchor: Anchor;
  try {
    anchor = await captureAnchor(service.fs, path, lines, { text, withCommit: vscode.workspace.isTrusted });
  } catch (err) {
    if (err instanceof CaptureError) {
      void vscode.window.showErrorMessage(err.message);
      return undefined;
    }
    throw err;
  }
  return newNote(service, { kind: 'lesson', ...args }, [anchor]);
}

export async function newNote(service: LearningsService, args: CaptureArgs = {}, anchors: Anchor[] = []): Promise<CaptureResult | undefined> {
  const prompted = args.title === undefined;
  const kind = args.kind ?? (await pickKind());
  if (!kind) return undefined;
  if (!(KNOWN_KINDS as readonly string[]).includes(kind)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Unknown kind "{0}".', kind));
    return undefined;
  }
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New {0}', kindLabel(kind)),
      prompt: vscode.l10n.t('A title: one line that says what was learned'),
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('The title cannot be empty') : undefined),
      ignoreFocusOut: true,
    }));
  if (title === undefined || title.trim() === '') return undefined;
  const topics = args.topics ?? (await pickTopics(service));
  if (topics === undefined) return undefined;
  const bad = topics.find((t) => !isTopicSlug(t));
  if (bad !== undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a topic: use lowercase letters, digits, "-" and "/".', bad));
    return undefined;
  }
  const config = readConfig(service.folder.uri);
  const author = args.author ?? (await authorName(config.authorName, service.folder.uri));
  const created = today();
  const extra = kind === 'plan' ? { review: addDays(created, 14), status: 'open', ...(author ? { owner: author } : {}) } : undefined;
  const note = await createNote(
    service.fs,
    service.layout,
    { title: title.trim(), kind, topics, author, created, anchors, body: args.body, extra, topicsKey: config.topicsKey },
    { allowRepoTemplates: vscode.workspace.isTrusted },
  );
  await service.refresh([note.path]);
  const uri = service.uriOf(note.path);
  if (args.open ?? true) {
    const doc = await vscode.workspace.openTextDocument(uri);
    const pos = doc.positionAt(note.bodyOffset);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: false });
  }
  if (prompted) void vscode.window.setStatusBarMessage(vscode.l10n.t('Note saved in {0}', note.path), 4000);
  return { path: note.path, uri };
}

async function pickKind(): Promise<string | undefined> {
  const items = KNOWN_KINDS.map((kind) => ({ label: `$(${kindIcon(kind).id}) ${kindLabel(kind)}`, description: kindDescription(kind), noteKind: kind }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('What kind of note?'), ignoreFocusOut: true });
  return picked?.noteKind;
}

/** Existing topics with their descriptions; what the user types becomes a new topic. */
async function pickTopics(service: LearningsService): Promise<string[] | undefined> {
  const index = await service.ready();
  type Item = vscode.QuickPickItem & { slug: string };
  const existing: Item[] = flattenTopics(index.topics()).map((t) => ({
    label: t.slug,
    description: t.described ? t.title : vscode.l10n.t('not yet described'),
    detail: t.page?.description ? t.page.description.split('\n')[0].slice(0, 120) : undefined,
    slug: t.slug,
  }));
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('Topics (pick any; type to add a new one)');
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.ignoreFocusOut = true;
  pick.items = existing;
  const added: Item[] = [];
  return new Promise((resolve) => {
    pick.onDidChangeValue((value) => {
      const slug = toTopicSlug(value);
      const items = existing.concat(added);
      const isNew = slug !== '' && !items.some((i) => i.slug === slug);
      pick.items = isNew ? [{ label: slug, description: vscode.l10n.t('new topic'), slug, alwaysShow: true }, ...items] : items;
    });
    pick.onDidAccept(() => {
      const selected = pick.selectedItems.map((i) => i.slug);
      const typed = toTopicSlug(pick.value);
      if (selected.length === 0 && typed) selected.push(typed);
      resolve([...new Set(selected)]);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
