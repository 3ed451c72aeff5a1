// Wiring: one service per workspace folder, then each feature registers itself.
// Activation does no scan: the index loads the first time a view or an
// editor feature asks for it.

import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { LearningsService } from './service';
import { indexCacheStore } from './indexCacheStore';
import { registerViews, type Views } from './views/registerViews';
import { registerEditorFeatures } from './editor/registerEditorFeatures';
import { registerCommands } from './commands/registerCommands';
import { registerPreview } from './preview/notePreview';
import { LiveAnchors } from './editor/liveAnchors';
import type { NotePreviewManager } from './preview/notePreview';
import { registerDashboard, type DashboardPanel } from './dashboard/dashboard';
import { registerDiagnostics } from './diagnostics';
import { LearningsServices, type FolderEntry } from './services';
import { registerNoteAssist } from './editor/noteAssist';
import { markdownItPlugin } from './markdownPreview';
import { DialogComments } from './dialog/dialogComments';
import { registerGoals } from './commands/goalCommands';

export interface TeamLearningsApi {
  /** The first folder's service and live anchors. */
  service: LearningsService;
  live: LiveAnchors;
  /** Every folder's. */
  services: LearningsServices;
  views: Views;
  preview: NotePreviewManager;
  dashboard: DashboardPanel;
  /** The status bar's count of follow-ups due (every folder's), for tests. */
  followupStatus: vscode.StatusBarItem;
  /** Milliseconds `activate` took, for the benchmark. */
  activationMs: number;
  /** For VS Code's markdown preview (`contributes.markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /** Whether the notes were read during `activate` (never: the load comes after start-up). */
  notesLoadedAtActivation: boolean;
  /** The comment threads of the dialog at the anchors. */
  dialog: DialogComments;
}

export function activate(context: vscode.ExtensionContext): TeamLearningsApi | undefined {
  const started = performance.now();
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  const services = new LearningsServices(folders, (folder, notesFolder) => indexCacheStore(context, folder, notesFolder));
  const { service, live } = services.primary;
  context.subscriptions.push(services);
  const preview = registerPreview(context, service, (arg) => services.forArg(arg).service);
  const dashboard = registerDashboard(context, service, services);
  const views = registerViews(context, service, live, services);
  // CodeLens, gutter and hover for each folder, each on its own files.
  const editorFeatures = (entry: FolderEntry) => {
    const folderContext = entry === services.primary ? context : (Object.create(context, { subscriptions: { value: entry.subscriptions } }) as vscode.ExtensionContext);
    registerEditorFeatures(folderContext, entry.service, entry.live, (uri) => (services.forUri(uri) ?? services.primary) === entry);
  };
  services.all().forEach(editorFeatures);
  context.subscriptions.push(services.onDidAddFolder(editorFeatures));
  registerNoteAssist(context, services);
  const dialog = new DialogComments(services);
  context.subscriptions.push(dialog);
  const { followupStatus } = registerCommands(context, service, live, views, (arg) => services.forArg(arg).service, services);
  // The learning plan (#16): its view joins the others.
  views.treeViews['teamLearnings.learningPlan'] = registerGoals(context, service).view as vscode.TreeView<unknown>;
  // The Problems view: each folder's notes, each folder checking its own files.
  const diagnostics = (entry: FolderEntry) => {
    const folderContext = entry === services.primary ? context : (Object.create(context, { subscriptions: { value: entry.subscriptions } }) as vscode.ExtensionContext);
    registerDiagnostics(folderContext, entry.service, entry === services.primary ? undefined : `teamLearnings:${entry.folder.uri.toString()}`);
  };
  services.all().forEach(diagnostics);
  context.subscriptions.push(services.onDidAddFolder(diagnostics));
  return { service, live, services, views, preview, dashboard, followupStatus, activationMs: performance.now() - started, extendMarkdownIt: markdownItPlugin(services), notesLoadedAtActivation: service.loaded, dialog };
}

export function deactivate(): void {}
