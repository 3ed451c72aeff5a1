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

/** `serviceFor` (multi-root): the folder's service a command's argument is about; the first folder's by default. */
export function registerCommands(context: vscode.ExtensionContext, service: LearningsService, live: LiveAnchors, views: Views, serviceFor: (arg: unknown) => LearningsService = () => service): void {
  const register = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register('teamLearnings.recordLesson', (args) => recordLesson(service, isArgs(args) ? args : {}));
  register('teamLearnings.newNote', (args) => newNote(service, isArgs(args) ? args : {}));
  register('teamLearnings.search', (query) => searchNotes(service, typeof query === 'string' ? query : ''));
  register('teamLearnings.refresh', async () => {
    const index = await service.ready();
    await service.refresh([...index.notes().map((n) => n.path), ...index.pages().map((p) => p.path), ...index.problems().map((p) => p.file)]);
    views.refreshAll();
  });
  register('teamLearnings.openNote', (arg) => openNote(serviceFor(arg), arg));
  register('teamLearnings.openAnchor', (arg) => openAnchor(service, live, arg));
  register('teamLearnings.pickNote', (paths) => pickNote(serviceFor(undefined), paths));
  register('teamLearnings.renameTopic', (arg) => changeTopic(service, 'rename', arg));
  register('teamLearnings.mergeTopics', (arg) => changeTopic(service, 'merge', arg));
  // The Topics view's "…" menu passes the focused row, which the user did not choose here: ask instead.
  register('teamLearnings.mergeTopicsAsk', () => changeTopic(service, 'merge', undefined));
  register('teamLearnings.editTopicPage', (arg) => editTopicPage(service, arg));
  register('teamLearnings.endorseNote', (arg) => endorseNote(service, arg));
  register('teamLearnings.withdrawEndorsement', (arg) => endorseNote(service, arg, 'withdraw'));
  register('teamLearnings.addCheckIn', (arg) => addCheckInCommand(service, arg));
  register('teamLearnings.markPlanDone', (arg) => setStatusCommand(service, arg, 'done'));
  register('teamLearnings.dropPlan', (arg) => setStatusCommand(service, arg, 'dropped'));
  register('teamLearnings.reopenPlan', (arg) => reopenPlanCommand(service, arg));
  watchEndorser(context, service, () => views.refreshAll());
  register('teamLearnings.generateDigest', (arg) => generateDigest(service, arg));
  registerFollowupStatus(context, service);
  const snippets = new SnippetContentProvider(service);
  register('teamLearnings.reanchor', (arg) => reanchorToSelection(service, live, arg));
  register('teamLearnings.reanchorToMatch', (arg) => reanchorToSelection(service, live, arg, true));
  register('teamLearnings.showAnchorChanges', (arg) => showAnchorChanges(service, live, snippets, arg));
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SNIPPET_SCHEME, snippets));
  // Re-checks every anchor and shows those needing attention (the dashboard's anchors card runs it).
  register('teamLearnings.checkAnchors', async () => {
    views.attention.refresh();
    await vscode.commands.executeCommand('teamLearnings.attention.focus');
  });
  register('teamLearnings.revealTopic', async (slug) => {
    if (typeof slug !== 'string') return;
    const node = await views.topics.nodeFor(slug);
    if (node) await views.topicsView.reveal(node, { select: true, focus: true, expand: true });
  });
}

/** Commands called from menus get a tree node or a Uri, not an argument object. */
function isArgs(value: unknown): value is CaptureArgs {
  return !!value && typeof value === 'object' && !(value instanceof vscode.Uri) && ('title' in value || 'kind' in value || 'topics' in value || 'lines' in value || 'path' in value);
}
