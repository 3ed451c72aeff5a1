import * as vscode from 'vscode';
import type { LearningsService } from '../service';
import type { LiveAnchors } from './liveAnchors';
import { AnchorCodeLensProvider } from './codeLens';
import { AnchorGutter } from './gutter';
import { AnchorHoverProvider } from './hover';

/**
 * `owns` says whether this folder's features set the editor contexts for a
 * document (in a multi-root workspace, the folder the document is in does).
 */
export function registerEditorFeatures(context: vscode.ExtensionContext, service: LearningsService, live: LiveAnchors, owns: (uri: vscode.Uri | undefined) => boolean = () => true): void {
  // Only files in the workspace folder can carry anchors.
  const pattern = new vscode.RelativePattern(service.folder, '**/*');
  // `git:` documents are the older side of a diff editor (a review): they get the hover and CodeLens too.
  const selector: vscode.DocumentSelector = [
    { scheme: service.folder.uri.scheme, pattern },
    { scheme: 'git', pattern },
  ];
  const codeLens = new AnchorCodeLensProvider(live);
  const gutter = new AnchorGutter(context.extensionUri, live);
  const updateVisible = () => {
    for (const editor of vscode.window.visibleTextEditors) void gutter.update(editor);
  };
  const setNoteContext = (editor: vscode.TextEditor | undefined) => {
    if (!owns(editor?.document.uri)) return;
    const path = editor ? service.relative(editor.document.uri) : undefined;
    const isNote = !!path?.startsWith(`${service.layout.notesDir}/`);
    void vscode.commands.executeCommand('setContext', 'teamLearnings.isNote', isNote);
    const note = isNote && path ? service.indexIfLoaded?.get(path) : undefined;
    void vscode.commands.executeCommand('setContext', 'teamLearnings.isPlan', note?.kind === 'plan' && (note.status ?? 'open') === 'open');
    void vscode.commands.executeCommand('setContext', 'teamLearnings.isClosedPlan', note?.kind === 'plan' && (note.status ?? 'open') !== 'open');
  };
  const setAnchorsContext = async (editor: vscode.TextEditor | undefined) => {
    if (!owns(editor?.document.uri)) return;
    const anchors = editor ? await live.anchorsIn(editor.document) : [];
    void vscode.commands.executeCommand('setContext', 'teamLearnings.fileHasAnchors', anchors.length > 0);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((e) => void setAnchorsContext(e)),
    gutter,
    codeLens,
    vscode.languages.registerCodeLensProvider(selector, codeLens),
    vscode.languages.registerHoverProvider(selector, new AnchorHoverProvider(live)),
    live.onDidChange(() => {
      codeLens.refresh();
      updateVisible();
    }),
    vscode.window.onDidChangeVisibleTextEditors(updateVisible),
    vscode.window.onDidChangeActiveTextEditor(setNoteContext),
    // A plan closed or reopened, or the index loaded after the editor opened: the plan commands follow.
    service.onDidChange(() => setNoteContext(vscode.window.activeTextEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('teamLearnings')) {
        codeLens.refresh();
        updateVisible();
      }
    }),
  );
  setNoteContext(vscode.window.activeTextEditor);
  updateVisible();
}
