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

const PLAN = (title: string, anchorPath: string) => `---
title: ${title}
kind: plan
status: open
review: 2000-01-01
created: 2000-01-01
anchors:
  - path: ${anchorPath}
    lines: 1-2
    snippet: |
      code that was never here
      nor here
---

A plan, long overdue for its check-in.
`;

async function writeIn(name: string, path: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(folderUri(name, path), new TextEncoder().encode(text));
}

async function exists(target: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
}

async function labelsOf<N>(tree: vscode.TreeDataProvider<N>, nodes: readonly N[]): Promise<string[]> {
  return Promise.all(nodes.map(async (n) => String((await tree.getTreeItem(n)).label)));
}

/** Every file under a folder's .learnings, with its text: what the suite puts back. */
async function snapshot(name: string): Promise<Map<string, Uint8Array>> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folderUri(name, ''), '.learnings/**'));
  const out = new Map<string, Uint8Array>();
  for (const f of files) out.set(f.toString(), await vscode.workspace.fs.readFile(f));
  return out;
}

async function restore(name: string, before: Map<string, Uint8Array>): Promise<void> {
  for (const f of await vscode.workspace.findFiles(new vscode.RelativePattern(folderUri(name, ''), '.learnings/**'))) {
    if (!before.has(f.toString())) await vscode.workspace.fs.delete(f, { useTrash: false });
  }
  for (const [key, bytes] of before) await vscode.workspace.fs.writeFile(vscode.Uri.parse(key), bytes);
}

describe('Multi-root workspace: every surface serves each folder', () => {
  const apiPlan = '.learnings/notes/2000-01-01-retry-budget.md';
  const webPlan = '.learnings/notes/2000-01-01-bundle-budget.md';
  const apiBroken = '.learnings/notes/2000-01-02-broken.md';
  let saved: Record<string, Map<string, Uint8Array>> = {};

  before(async () => {
    saved = { web: await snapshot('web'), api: await snapshot('api') };
    await writeIn('api', apiPlan, PLAN('Keep a retry budget', 'src/gone.ts'));
    await writeIn('web', webPlan, PLAN('Keep a bundle budget', 'src/cart.ts').replace(/anchors:[\s\S]*?---/, '---'));
    await writeIn('api', apiBroken, '---\ntitle: [unclosed\n---\n\nBroken front matter.\n');
    const extension = await api();
    for (const name of ['web', 'api']) {
      const entry = extension.services.all().find((e) => e.folder.name === name)!;
      await waitFor(`the ${name} plan indexed`, async () => (await entry.service.ready()).notes().some((n) => n.kind === 'plan'));
    }
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restore('web', saved.web);
    await restore('api', saved.api);
    const extension = await api();
    await vscode.commands.executeCommand('teamLearnings.refresh');
    for (const entry of extension.services.all()) {
      await waitFor(`${entry.folder.name} back to its notes`, async () => !(await entry.service.ready()).notes().some((n) => n.kind === 'plan'));
    }
  });

  it('groups Follow-ups by folder, each folder’s plans under it, and the status bar counts both', async () => {
    const { views, followupStatus } = await api();
    const roots = await waitFor('two folders in Follow-ups', async () => {
      const r = (await views.followupsTree.getChildren()) ?? [];
      return r.length === 2 && r;
    });
    assert.deepStrictEqual(await labelsOf(views.followupsTree, roots), ['web', 'api']);
    const apiRows = (await views.followupsTree.getChildren(roots[1])) ?? [];
    assert.deepStrictEqual(await labelsOf(views.followupsTree, apiRows), ['Keep a retry budget']);
    const item = await views.followupsTree.getTreeItem(apiRows[0]);
    // The row's command names the api folder's note by its URI.
    assert.ok(item.command?.arguments?.[0] instanceof vscode.Uri && item.command.arguments[0].toString() === folderUri('api', apiPlan).toString());
    await waitFor('the status bar summing both folders', () => /2 follow-ups due/.test(followupStatus.text));
  });

  it('marks the api plan done from its Follow-ups row, in the api folder', async () => {
    const { views } = await api();
    const roots = (await views.followupsTree.getChildren()) ?? [];
    const apiRows = (await views.followupsTree.getChildren(roots[1])) ?? [];
    // From the row's menu, as a user runs it: the outcome box is answered with Enter.
    const done = Promise.resolve(vscode.commands.executeCommand('teamLearnings.markPlanDone', apiRows[0]));
    let settled = false;
    void done.finally(() => (settled = true));
    await waitFor('Mark Plan Done to finish', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    });
    assert.strictEqual(await done, true);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(folderUri('api', apiPlan)));
    assert.match(text, /status: done/);
    await writeIn('api', apiPlan, PLAN('Keep a retry budget', 'src/gone.ts'));
  });

  it('lists the api folder’s orphaned anchor in Anchors Needing Attention', async () => {
    const { views } = await api();
    const rows = await waitFor('the orphaned anchor', async () => {
      const r = (await views.attentionTree.getChildren()) ?? [];
      return r.length > 0 && r;
    });
    // Only api has an anchor needing attention: no folder level.
    assert.deepStrictEqual(await labelsOf(views.attentionTree, rows), ['Keep a retry budget']);
    assert.deepStrictEqual(views.attentionRows().map((r) => r.title), ['Keep a retry budget']);
  });

  it('lists the notes added in each folder in Review', async () => {
    const { views } = await api();
    const roots = await waitFor(
      'two folders in Review',
      async () => {
        const r = (await views.reviewTree.getChildren()) ?? [];
        return r.length === 2 && r;
      },
      15000,
    );
    assert.deepStrictEqual(await labelsOf(views.reviewTree, roots), ['web', 'api']);
    const groups = (await views.reviewTree.getChildren(roots[1])) ?? [];
    const notes = (await Promise.all(groups.map(async (g) => (await views.reviewTree.getChildren(g)) ?? []))).flat();
    const labels = await labelsOf(views.reviewTree, notes);
    assert.ok(labels.includes('Keep a retry budget'), `api Review: ${labels.join(', ')}`);
    assert.ok(!labels.includes('Keep a bundle budget'), 'the web plan is under api');
  });

  it('shows the api folder’s broken note in the Problems view', async () => {
    const diagnostics = await waitFor('a diagnostic on the broken api note', () => {
      const d = vscode.languages.getDiagnostics(folderUri('api', apiBroken));
      return d.length > 0 && d;
    });
    assert.ok(diagnostics.length > 0);
  });

  it('records a lesson from code in the api folder into the api folder’s notes', async () => {
    const doc = await vscode.workspace.openTextDocument(folderUri('api', 'src/server.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(2, 0, 5, 1);
    const result = await vscode.commands.executeCommand<{ path: string; uri: vscode.Uri }>('teamLearnings.recordLesson', { title: 'Cap the retries', topics: ['reliability'], open: false });
    assert.ok(result, 'no note was recorded');
    assert.strictEqual(result.uri.toString(), folderUri('api', result.path).toString());
    assert.ok(await exists(folderUri('api', result.path)), 'the note is not in the api folder');
    assert.ok(!(await exists(folderUri('web', result.path))), 'the note went to the web folder');
  });

  it('writes a new note, with no editor open, into the folder it names', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const result = await vscode.commands.executeCommand<{ path: string; uri: vscode.Uri }>('teamLearnings.newNote', { kind: 'idea', title: 'Share one retry helper', topics: [], folder: 'api', open: false });
    assert.ok(result && (await exists(folderUri('api', result.path))), 'the note is not in the api folder');
    assert.ok(!(await exists(folderUri('web', result.path))));
  });

  it('makes the digest of the folder asked for', async () => {
    const apiDigest = await vscode.commands.executeCommand<string>('teamLearnings.generateDigest', { since: '2000-01-01', until: '2100-01-01', open: false, folder: 'api' });
    assert.match(apiDigest, /Jitter every retry/);
    assert.doesNotMatch(apiDigest, /Cart totals/);
    const webDigest = await vscode.commands.executeCommand<string>('teamLearnings.generateDigest', { since: '2000-01-01', until: '2100-01-01', open: false, folder: 'web' });
    assert.match(webDigest, /Cart totals/);
    assert.doesNotMatch(webDigest, /Jitter every retry/);
  });

  const webviewTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
  it('opens the dashboard of the folder asked for, titled with it', async () => {
    const { dashboard } = await api();
    await vscode.commands.executeCommand('teamLearnings.showDashboard', { folder: 'api' });
    await waitFor('the api dashboard', async () => {
      await dashboard.rendered();
      // The api folder's numbers: its orphaned anchor (web has none).
      // and its tab, which the workbench reports a moment after the panel is made.
      return dashboard.folderService.folder.name === 'api' && dashboard.modelFor()?.anchors?.orphaned === 1 && webviewTab() !== undefined;
    });
    const tab = webviewTab();
    assert.match(tab?.label ?? '', /api/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('renames a topic in the one folder that has it', async () => {
    // Only api has "reliability": no question, the api folder's notes change.
    assert.strictEqual(await vscode.commands.executeCommand('teamLearnings.renameTopic', { from: 'reliability', to: 'resilience', preview: false }), true);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(folderUri('api', '.learnings/notes/2026-01-11-jitter-every-retry.md')));
    assert.match(text, /resilience/);
  });
});
