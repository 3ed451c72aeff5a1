import * as vscode from 'vscode';
import type { LearningsService } from '../service';
import type { LiveAnchors } from '../editor/liveAnchors';
import type { Views } from '../views/registerViews';
import { newNote, recordLesson, type CaptureArgs } from './capture';
import { searchNotes } from './search';
import { openAnchor, openNote, pickNote } from './navigation';
import { changeTopic, editTopicPage, endorseNote } from './curation';
import { addCheckInCommand, registerFollowupStatus, reopenPlanCommand, setStatusCommand } from './followupCommands';
import { watchEndorser } from '../endorser';
import { generateDigest } from './digestCommand';
import { reanchorToSelection, showAnchorChanges, SnippetContentProvider, SNIPPET_SCHEME } from './anchorCommands';
import type { FolderEntry, LearningsServices } from '../services';
import { foldersWithNotes, foldersWithTopic, namedFolder, pickFolder } from './folderPick';

/**
 * `serviceFor` (multi-root): the folder's service a command's argument is about; the first folder's by default.
 * `services` (multi-root): every folder, for the commands that ask which folder or act on each.
 */
export function registerCommands(
  context: vscode.ExtensionContext,
  service: LearningsService,
  live: LiveAnchors,
  views: Views,
  serviceFor: (arg: unknown) => LearningsService = () => service,
  services?: LearningsServices,
): { followupStatus: vscode.StatusBarItem } {
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  const primaryEntry = { service, live } as FolderEntry;
  /** The folder an argument names (a tree node, a Uri, `folder:`), else the active editor's. */
  const entryFor = (arg: unknown): FolderEntry => (services ? (namedFolder(services, arg) ?? services.forArg(arg)) : primaryEntry);
  /** The folder an argument names; else, with several folders and no editor in one, the user picks among `candidates`. */
  const askedEntry = async (arg: unknown, candidates: () => Promise<FolderEntry[]>, title: string): Promise<FolderEntry | undefined> => {
    if (!services || services.all().length === 1) return entryFor(arg);
    const named = namedFolder(services, arg);
    if (named) return named;
    if (arg instanceof vscode.Uri || (arg && typeof arg === 'object' && services.owners.has(arg))) return services.forArg(arg);
    return pickFolder(await candidates(), title);
  };
  const withoutFolder = <T extends object>(args: T): T => {
    if (!('folder' in args)) return args;
    const { folder: _folder, ...rest } = args as T & { folder?: unknown };
    return rest as T;
  };
  // Capture goes to the folder of the selected code; with no editor in a folder, the user picks one.
  register('teamLearnings.recordLesson', (args) => {
    const a = isArgs(args) ? args : {};
    return recordLesson(entryFor(isArgs(args) && 'folder' in args ? args : undefined).service, withoutFolder(a));
  });
  register('teamLearnings.newNote', async (args) => {
    const a = isArgs(args) ? args : {};
    const inEditor = services?.forUri(vscode.window.activeTextEditor?.document.uri);
    const entry = inEditor && !(services && namedFolder(services, args)) ? inEditor : await askedEntry(args, async () => services!.all(), vscode.l10n.t('New note in which folder?'));
    return entry ? newNote(entry.service, withoutFolder(a)) : undefined;
  });
  register('teamLearnings.search', (query) => searchNotes(service, typeof query === 'string' ? query : ''));
  register('teamLearnings.refresh', async () => {
    for (const s of services ? services.all().map((e) => e.service) : [service]) {
      const index = await s.ready();
      await s.refresh([...index.notes().map((n) => n.path), ...index.pages().map((p) => p.path), ...index.problems().map((p) => p.file)]);
    }
    views.refreshAll();
  });
  register('teamLearnings.openNote', (arg) => openNote(serviceFor(arg), arg));
  register('teamLearnings.openAnchor', (arg) => {
    const entry = entryFor(arg);
    return openAnchor(entry.service, entry.live, arg);
  });
  register('teamLearnings.pickNote', (paths) => pickNote(serviceFor(undefined), paths));
  // A topic row says its folder; else the folder is asked among those that have the topic.
  const topicEntry = (arg: unknown, title: string) =>
    askedEntry(arg, () => foldersWithTopic(services!, topicSlugOf(arg)), title);
  register('teamLearnings.renameTopic', async (arg) => {
    const entry = await topicEntry(arg, vscode.l10n.t('Rename a topic of which folder?'));
    return entry ? changeTopic(entry.service, 'rename', withoutFolderArg(arg)) : false;
  });
  register('teamLearnings.mergeTopics', async (arg) => {
    const entry = await topicEntry(arg, vscode.l10n.t('Merge topics of which folder?'));
    return entry ? changeTopic(entry.service, 'merge', withoutFolderArg(arg)) : false;
  });
  // The Topics view's "…" menu passes the focused row, which the user did not choose here: ask instead.
  register('teamLearnings.mergeTopicsAsk', async () => {
    const entry = await topicEntry(undefined, vscode.l10n.t('Merge topics of which folder?'));
    return entry ? changeTopic(entry.service, 'merge', undefined) : false;
  });
  register('teamLearnings.editTopicPage', async (arg) => {
    const entry = await topicEntry(arg, vscode.l10n.t('Edit a topic page of which folder?'));
    return entry ? editTopicPage(entry.service, withoutFolderArg(arg)) : undefined;
  });
  register('teamLearnings.endorseNote', (arg) => endorseNote(serviceFor(arg), arg));
  register('teamLearnings.withdrawEndorsement', (arg) => endorseNote(serviceFor(arg), arg, 'withdraw'));
  register('teamLearnings.addCheckIn', (arg) => addCheckInCommand(serviceFor(arg), arg));
  register('teamLearnings.markPlanDone', (arg) => setStatusCommand(serviceFor(arg), arg, 'done'));
  register('teamLearnings.dropPlan', (arg) => setStatusCommand(serviceFor(arg), arg, 'dropped'));
  register('teamLearnings.reopenPlan', (arg) => reopenPlanCommand(serviceFor(arg), arg));
  watchEndorser(context, service, () => views.refreshAll());
  // With several folders with notes, the digest is of the folder the user picks.
  register('teamLearnings.generateDigest', async (arg) => {
    const entry = await askedEntry(arg, () => foldersWithNotes(services!), vscode.l10n.t('Digest of which folder?'));
    return entry ? generateDigest(entry.service, arg) : undefined;
  });
  const followupStatus = registerFollowupStatus(context, service, services ? () => services.all().map((e) => e.service) : undefined, services?.onDidChange);
  const snippets = new SnippetContentProvider(service);
  const snippetsOf = new Map<LearningsService, SnippetContentProvider>([[service, snippets]]);
  const snippetsFor = (s: LearningsService) => {
    let p = snippetsOf.get(s);
    if (!p) snippetsOf.set(s, (p = new SnippetContentProvider(s)));
    return p;
  };
  register('teamLearnings.reanchor', (arg) => {
    const entry = entryFor(arg);
    return reanchorToSelection(entry.service, entry.live, arg);
  });
  register('teamLearnings.reanchorToMatch', (arg) => {
    const entry = entryFor(arg);
    return reanchorToSelection(entry.service, entry.live, arg, true);
  });
  register('teamLearnings.showAnchorChanges', (arg) => {
    const entry = entryFor(arg);
    return showAnchorChanges(entry.service, entry.live, snippetsFor(entry.service), arg);
  });
  // Each folder's snippets: the first that knows the document (a single folder: its own, as ever).
  const anySnippets: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      if (snippetsOf.size === 1) return snippets.provideTextDocumentContent(uri);
      for (const p of snippetsOf.values()) {
        const text = await p.provideTextDocumentContent(uri);
        if (text) return text;
      }
      return '';
    },
  };
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SNIPPET_SCHEME, anySnippets));
  // Re-checks every anchor and shows those needing attention (the dashboard's anchors card runs it).
  register('teamLearnings.checkAnchors', async () => {
    views.attention.refresh();
    // Multi-root: every folder's rows.
    (views.attentionTree as { refresh?: () => void }).refresh?.();
    await vscode.commands.executeCommand('teamLearnings.attention.focus');
  });
  register('teamLearnings.revealTopic', async (slug) => {
    if (typeof slug !== 'string') return;
    const node = await views.topics.nodeFor(slug);
    if (node) await views.topicsView.reveal(node, { select: true, focus: true, expand: true });
  });
  return { followupStatus };
}

/** Commands called from menus get a tree node or a Uri, not an argument object. */
function isArgs(value: unknown): value is CaptureArgs {
  return !!value && typeof value === 'object' && !(value instanceof vscode.Uri) && ('title' in value || 'kind' in value || 'topics' in value || 'lines' in value || 'path' in value);
}

function topicSlugOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const o = arg as { from?: unknown; topic?: { slug?: unknown } } | undefined;
  if (typeof o?.from === 'string') return o.from;
  return typeof o?.topic?.slug === 'string' ? o.topic.slug : undefined;
}

/** An argument object without its `folder` (which was for choosing the folder). */
function withoutFolderArg(arg: unknown): unknown {
  if (!arg || typeof arg !== 'object' || !('folder' in arg) || arg instanceof vscode.Uri) return arg;
  const { folder: _folder, ...rest } = arg as { folder?: unknown };
  return rest;
}
