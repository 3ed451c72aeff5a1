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
    // Nothing has asked for the notes yet (no editor open, the views closed): activation read none.
    if (vscode.window.visibleTextEditors.length === 0) assert.strictEqual(api?.service?.loaded, false, 'activation scanned the notes');
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

  it('contributes every view container and view the manifest declares', async () => {
    await extension().activate();
    const contributes = manifest().contributes ?? {};
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const container of Object.values(contributes.viewsContainers ?? {}).flat()) {
      const open = `workbench.view.extension.${container.id}`;
      assert.ok(registered.has(open), `view container ${container.id} is declared but ${open} does not exist`);
    }
    for (const view of Object.values(contributes.views ?? {}).flat()) {
      const focus = `${view.id}.focus`;
      assert.ok(registered.has(focus), `view ${view.id} is declared but not contributed (no ${focus} command)`);
      await vscode.commands.executeCommand(focus);
    }
  });
});
