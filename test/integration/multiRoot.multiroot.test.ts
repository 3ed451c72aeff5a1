// A multi-root workspace (test/fixtures/multi-root/team.code-workspace: the
// folders `web` and `api`, each with its own notes): every folder is
// served, the Topics view is grouped by folder, This File, CodeLens, hover,
// preview and completion work in each folder's files.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

function folderUri(name: string, path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `no folder ${name} in the workspace`);
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

async function lensTitles(target: vscode.Uri): Promise<vscode.CodeLens[]> {
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc);
  return waitFor(`CodeLens in ${target.path}`, async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
    return lenses.length > 0 && lenses;
  });
}

describe('Multi-root workspace', () => {
  it('has a service per folder, and activation read no note', async () => {
    assert.deepStrictEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['web', 'api']);
    const extension = await api();
    assert.deepStrictEqual(extension.services.all().map((e) => e.folder.name), ['web', 'api']);
    if (vscode.window.visibleTextEditors.length === 0) {
      assert.ok(extension.services.all().every((e) => !e.service.loaded), 'activation scanned the notes');
    }
  });

  it('groups the Topics view by folder', async () => {
    const { views } = await api();
    const roots = (await views.topicsTree.getChildren()) ?? [];
    const labels = roots.map((n) => views.topicsTree.getTreeItem(n)).map((i) => (i as vscode.TreeItem).label);
    assert.deepStrictEqual(labels, ['web', 'api']);
    const apiTopics = (await views.topicsTree.getChildren(roots[1])) ?? [];
    const apiLabels = await Promise.all(apiTopics.map(async (n) => (await views.topicsTree.getTreeItem(n)).label));
    assert.deepStrictEqual(apiLabels, ['Reliability']);
    const notes = (await views.topicsTree.getChildren(apiTopics[0])) ?? [];
    const item = await views.topicsTree.getTreeItem(notes[0]);
    assert.strictEqual(item.label, 'Jitter every retry');
    // The note opens by its URI: the preview goes to the api folder's note.
    assert.ok(item.command?.arguments?.[0] instanceof vscode.Uri);
    assert.strictEqual(await vscode.commands.executeCommand(item.command.command, ...item.command.arguments), true, 'preview of the api note failed');
  });

  it('shows a CodeLens in the api folder’s code that previews that folder’s note', async () => {
    const apiLens = await lensTitles(folderUri('api', 'src/server.ts'));
    assert.match(apiLens[0].command?.title ?? '', /Jitter every retry/);
    // The CodeLens's command (a path in the api folder) previews that folder's note.
    assert.strictEqual(await vscode.commands.executeCommand(apiLens[0].command!.command, ...(apiLens[0].command!.arguments ?? [])), true);
  });

  it('shows the hover and This File of the api folder for its code', async () => {
    const { views } = await api();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(folderUri('api', 'src/server.ts')));
    const here = (await views.thisFileTree.getChildren()) ?? [];
    assert.deepStrictEqual(await Promise.all(here.map(async (n) => (await views.thisFileTree.getTreeItem(n)).label)), ['Jitter every retry']);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', folderUri('api', 'src/server.ts'), new vscode.Position(3, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Jitter every retry/);
  });

  it('shows the web folder’s CodeLens and This File for its code', async () => {
    const { views } = await api();
    const webLens = await lensTitles(folderUri('web', 'src/cart.ts'));
    assert.match(webLens[0].command?.title ?? '', /Cart totals are summed in minor units/);
    const web = (await views.thisFileTree.getChildren()) ?? [];
    assert.deepStrictEqual(await Promise.all(web.map(async (n) => (await views.thisFileTree.getTreeItem(n)).label)), ['Cart totals are summed in minor units']);
  });

  it('completes goals and topics from the note’s own folder', async () => {
    const note = folderUri('api', '.learnings/notes/2026-01-11-jitter-every-retry.md');
    const doc = await vscode.workspace.openTextDocument(note);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'goal: \n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 6));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('resilient-services'), `goal completions: ${labels.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
