// Wiring: one service per workspace, then each feature registers itself.
// Activation does no scan: the index loads the first time a view or an
// editor feature asks for it.

import * as vscode from 'vscode';
import { LearningsService } from './service';
import { registerViews, type Views } from './views/registerViews';
import { registerEditorFeatures } from './editor/registerEditorFeatures';
import { registerCommands } from './commands/registerCommands';
import { registerPreview } from './preview/notePreview';
import { LiveAnchors } from './editor/liveAnchors';
import type { NotePreviewManager } from './preview/notePreview';
import { registerDashboard, type DashboardPanel } from './dashboard/dashboard';
import { registerDiagnostics } from './diagnostics';

export interface TeamLearningsApi {
  service: LearningsService;
  live: LiveAnchors;
  views: Views;
  preview: NotePreviewManager;
  dashboard: DashboardPanel;
  /** Milliseconds `activate` took, for the benchmark. */
  activationMs: number;
  /** Whether the notes were read during `activate` (never: the load comes after start-up). */
  notesLoadedAtActivation: boolean;
}

export function activate(context: vscode.ExtensionContext): TeamLearningsApi | undefined {
  const started = performance.now();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const service = new LearningsService(folder);
  const live = new LiveAnchors(service);
  context.subscriptions.push(service, live);
  const preview = registerPreview(context, service);
  const dashboard = registerDashboard(context, service);
  const views = registerViews(context, service, live);
  registerEditorFeatures(context, service, live);
  registerCommands(context, service, live, views);
  registerDiagnostics(context, service);
  return { service, live, views, preview, dashboard, activationMs: performance.now() - started, notesLoadedAtActivation: service.loaded };
}

export function deactivate(): void {}
