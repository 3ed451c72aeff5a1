// The extension is there, activates on the demo workspace, and registers
// everything its manifest declares, in a real VS Code.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'team-learnings.team-learnings';

interface Manifest {
  contributes?: {
    commands?: { command: string }[];
    views?: Record<string, { id: string; type?: string }[]>;
    viewsContainers?: Record<string, { id: string }[]>;
  };
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

describe('Activation', () => {
  it('runs in a real VS Code on the demo workspace', async () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.env.appName, 'vscode.env.appName is empty');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.learnings'));
    assert.strictEqual(stat.type & vscode.FileType.Directory, vscode.FileType.Directory, `${folder.uri.fsPath}/.learnings is not a folder`);
  });

  it(`finds and activates ${EXTENSION_ID}`, async () => {
    const ext = extension();
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
    // For the record (a benchmark measures it, not this test): how long activate() took.
    const api = ext.exports as { activationMs?: number; service?: { loaded: boolean } } | undefined;
    console.log(`      activate() took ${api?.activationMs?.toFixed(1)} ms`);
  });

  it('registers every command the manifest declares', async () => {
    await extension().activate();
    const declared = (manifest().contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    if (missing.length > 0) assert.fail(`declared in package.json but not registered: ${missing.join(', ')}`);
    if (declared.length > 0) {
      assert.ok([...registered].some((id) => declared.includes(id)), 'no command of the extension is registered');
    }
  });

  it('contributes every view container and view the manifest declares, each with its tree view', async () => {
    const api = (await extension().activate()) as { views?: { treeViews?: Record<string, vscode.TreeView<unknown>> } } | undefined;
    const contributes = manifest().contributes ?? {};
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const container of Object.values(contributes.viewsContainers ?? {}).flat()) {
      const open = `workbench.view.extension.${container.id}`;
      assert.ok(registered.has(open), `view container ${container.id} is declared but ${open} does not exist`);
    }
    // VS Code makes a `.focus` command for every view of the manifest, registered or not: the
    // proof that a view is served is its TreeView, shown when focused.
    const views = Object.values(contributes.views ?? {}).flat();
    assert.ok(views.length > 0, 'the manifest declares views');
    for (const view of views) {
      const tree = api?.views?.treeViews?.[view.id];
      assert.ok(tree, `view ${view.id} is declared but the extension registers no tree view for it`);
      await vscode.commands.executeCommand('workbench.view.explorer');
      await vscode.commands.executeCommand(`${view.id}.focus`);
      const deadline = Date.now() + 10_000;
      while (!tree.visible && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal(tree.visible, true, `${view.id}.focus did not show its tree view`);
    }
  });

  it('did no scan while activating, and loads the notes after start-up for the follow-ups count', async () => {
    const api = (await extension().activate()) as { notesLoadedAtActivation?: boolean; service?: { loaded: boolean } } | undefined;
    assert.equal(api?.notesLoadedAtActivation, false, 'activate() read the notes');
    const deadline = Date.now() + 15_000;
    while (!api?.service?.loaded && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(api?.service?.loaded, true, 'the notes were not loaded after start-up (the status bar would show no follow-ups)');
  });
});
