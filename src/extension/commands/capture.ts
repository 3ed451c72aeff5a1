// "Record Lesson from Selection" and "New Note". Each asks kind, title and
// topics, or takes them as an argument object so tests and other extensions
// can call it without prompts.

import * as vscode from 'vscode';
import { KNOWN_KINDS, type Anchor, type LineRange } from '../../core/model';
import { captureAnchor, CaptureError } from '../../core/anchors/captureAnchor';
import { createNote } from '../../core/notes/createNote';
import { isTopicSlug, toTopicSlug } from '../../core/notes/slug';
import { flattenTopics } from '../../core/topics/topics';
import { parseLineRange } from '../../core/notes/parseNote';
import type { LearningsService } from '../service';
import { readConfig } from '../config';
import { authorName } from '../git';
import { kindDescription, kindIcon, kindLabel, kindTitlePrompt } from '../kinds';

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
    if (lines === undefined && sel.isEmpty) {
      // Only a cursor: say which line would be anchored and let the user choose, never anchor it silently.
      const choice = await askCursorAnchor(editor.document, sel.active.line);
      if (choice === undefined) return undefined;
      if (choice === 'none') return newNote(service, withDefaultKind(args), []);
    }
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
  return newNote(service, withDefaultKind(args), [anchor]);
}

/** Called with an argument object (tests, other extensions): a lesson unless told otherwise; from the UI: asked. */
function withDefaultKind(args: CaptureArgs): CaptureArgs {
  return args.kind === undefined && args.title !== undefined ? { ...args, kind: 'lesson' } : args;
}

/** With an empty selection: anchor the cursor's line, or record the note without an anchor. */
async function askCursorAnchor(doc: vscode.TextDocument, line: number): Promise<'line' | 'none' | undefined> {
  const text = doc.lineAt(line).text.trim();
  const items: Array<vscode.QuickPickItem & { choice: 'line' | 'none' }> = [
    { label: `$(code) ${vscode.l10n.t('Anchor to line {0}', line + 1)}`, detail: text.slice(0, 120) || undefined, choice: 'line' },
    { label: `$(circle-slash) ${vscode.l10n.t('No anchor')}`, detail: vscode.l10n.t('A note about the work, not about a piece of code'), choice: 'none' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Nothing is selected: what should the note be anchored to?'),
    placeHolder: vscode.l10n.t('Select the code first to anchor a range of lines'),
    ignoreFocusOut: true,
  });
  return picked?.choice;
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
      prompt: kindTitlePrompt(kind),
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
  const note = await createNote(
    service.fs,
    service.layout,
    { title: title.trim(), kind, topics, author, created: service.clock.today(), anchors, body: args.body, topicsKey: config.topicsKey },
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
  // New topics the user typed and checked: kept as rows, checked, while they type the next one.
  const added: Item[] = [];
  const known = new Set(existing.map((i) => i.slug));
  const newItem = (slug: string): Item => ({ label: slug, description: vscode.l10n.t('new topic'), slug, alwaysShow: true });
  // The topics in the order the user first checked them (what is still checked is read on accept).
  const order: string[] = [];
  return new Promise((resolve) => {
    pick.onDidChangeSelection((items) => {
      for (const item of items) if (!order.includes(item.slug)) order.push(item.slug);
    });
    pick.onDidChangeValue((value) => {
      const checked = new Set(pick.selectedItems.map((i) => i.slug));
      for (const item of pick.selectedItems) {
        if (!known.has(item.slug)) {
          known.add(item.slug);
          added.push(item);
        }
      }
      const slug = toTopicSlug(value);
      const items = [...added, ...existing];
      const offered = slug !== '' && isTopicSlug(slug) && !known.has(slug) ? [newItem(slug), ...items] : items;
      // Replacing the items clears the checks: put them back.
      pick.items = offered;
      pick.selectedItems = offered.filter((i) => checked.has(i.slug));
    });
    pick.onDidAccept(() => {
      const checked = new Set(pick.selectedItems.map((i) => i.slug));
      const selected = [...order.filter((s) => checked.has(s)), ...[...checked].filter((s) => !order.includes(s))];
      // Nothing checked: what is typed is the topic (typed text is otherwise only a filter).
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
