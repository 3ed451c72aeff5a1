// Anchors in a real VS Code: they follow a file rename, the diff command
// opens a diff editor, and Re-anchor to Selection rewrites only the anchor.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { execFileSync, spawnSync } from 'node:child_process';
import { api, closeAllEditors, readText, remove, root, uri, waitFor, writeText, restoresWorkspace } from './helpers';

async function ourLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
  return lenses.filter((l) => l.command?.command.startsWith('teamLearnings.'));
}

describe('Anchors in the editor', function () {
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  this.timeout(30_000);
  afterEach(closeAllEditors);

  it('follow a file rename: the renamed file shows the same notes', async () => {
    const { service } = await api();
    const index = await service.ready();
    const from = 'src/api/rateLimit.ts';
    const to = 'src/api/rateLimiter.ts';
    const notes = index.notesForFile(from).map((n) => n.title).sort();
    assert.ok(notes.length > 0, 'the demo anchors a note in rateLimit.ts');
    const before = await ourLenses(await vscode.workspace.openTextDocument(uri(from)));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri(from), uri(to));
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    try {
      const doc = await vscode.workspace.openTextDocument(uri(to));
      await vscode.window.showTextDocument(doc);
      const after = await waitFor('lenses on the renamed file', async () => {
        const l = await ourLenses(doc);
        return l.length === before.length ? l : undefined;
      });
      assert.deepEqual(after.map((l) => l.range.start.line), before.map((l) => l.range.start.line));
      const { live } = await api();
      const anchors = await live.anchorsIn(doc);
      assert.deepEqual([...new Set(anchors.map((a) => a.note.title))].sort(), notes);
      assert.ok(anchors.every((a) => a.range), 'every anchor has its lines in the renamed file');
      // Nothing was written to the notes: that waits for the user or check --fix.
      for (const n of index.notesForFile(from)) assert.ok((await readText(n.path)).includes(`path: ${from}`));
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.renameFile(uri(to), uri(from));
      await vscode.workspace.applyEdit(back);
    }
  });

  it('Show Anchor Changes opens a diff editor: the captured snippet against the code it resolved to', async () => {
    const { service } = await api();
    const index = await service.ready();
    const note = index.notes().find((n) => n.anchors.length > 0)!;
    assert.equal(await vscode.commands.executeCommand('teamLearnings.showAnchorChanges', { note: note.path, anchor: 0 }), true);
    const tab = await waitFor('a diff tab', () => {
      const t = vscode.window.tabGroups.activeTabGroup.activeTab;
      return t?.input instanceof vscode.TabInputTextDiff ? t : undefined;
    });
    const input = tab.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'team-learnings-snippet');
    const left = await vscode.workspace.openTextDocument(input.original);
    assert.equal(left.getText(), note.anchors[0].snippet);
    // The right side is the code the anchor resolved to, not the whole file: a fresh anchor shows no change.
    assert.equal(input.modified.scheme, 'team-learnings-snippet');
    const right = await vscode.workspace.openTextDocument(input.modified);
    assert.equal(right.getText(), note.anchors[0].snippet);
  });

  it('Re-anchor to Selection moves the anchor and changes only its fields', async () => {
    const { service } = await api();
    const index = await service.ready();
    const note = index.notes().find((n) => n.anchors.length === 1 && n.anchors[0].path.endsWith('.ts'))!;
    const anchor = note.anchors[0];
    const before = await readText(note.path);
    const doc = await vscode.workspace.openTextDocument(uri(anchor.path));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 2, 0);
    assert.equal(await vscode.commands.executeCommand('teamLearnings.reanchor', { note: note.path, anchor: 0 }), true);
    const after = await readText(note.path);
    assert.ok(after.includes(`lines: 1-2\n`), after.slice(0, 400));
    const firstLines = doc.getText().split('\n').slice(0, 2);
    for (const line of firstLines) if (line.trim()) assert.ok(after.includes(line), `the snippet holds "${line}"`);
    // Outside the front matter's anchor, nothing moved.
    const body = (t: string) => t.slice(t.indexOf('\n---\n'));
    assert.equal(body(after), body(before));
    assert.equal(after.split('\n')[1], before.split('\n')[1], 'the title line is the same');
    await waitFor('the index to see the new lines', () => (index.get(note.path)?.anchors[0].lines.start === 1 ? true : undefined));
  });

  it('use git history as learnings check does: of two identical copies, the one the anchor was on wins', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root().fsPath, ...args], {
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' },
      });
    const block = 'export function backoff(attempt: number): number {\n  const base = 200 * 2 ** attempt;\n  return base + Math.random() * base;\n}\n';
    const path = 'src/jobs/backoff.ts';
    await writeText(path, `// Backoff for the job runner.\nimport { log } from './log';\n\n${block}\nexport const MAX = 8;\n`);
    git('add', path);
    git('commit', '-q', '-m', 'backoff');
    const created = (await vscode.commands.executeCommand('teamLearnings.recordLesson', { title: 'Backoff needs jitter', path, lines: '4-7', topics: ['reliability'], open: false })) as { path: string };
    try {
      // A short hash of digits only is written quoted, as YAML would read it as a number.
      assert.match(await readText(created.path), /commit: "?[0-9a-f]{7}"?\n/, 'the anchor records HEAD');
      // A teammate pastes a copy of the function at the top and adds lines above the original.
      await writeText(path, `${block}\n// Backoff for the job runner.\nimport { log } from './log';\nimport { metrics } from './metrics';\n\n${block}\nexport const MAX = 8;\n`);
      const { live, service } = await api();
      await service.settled();
      const doc = await vscode.workspace.openTextDocument(uri(path));
      const anchors = await waitFor('the anchor in backoff.ts', async () => {
        const found = (await live.anchorsIn(doc)).filter((a) => a.note.path === created.path);
        return found.length ? found : undefined;
      });
      assert.equal(anchors[0].status, 'moved', 'git says which copy is the anchored one');
      assert.equal(anchors[0].range?.start.line, 10 - 1);
      assert.equal(anchors[0].range?.end.line, 13 - 1);
    } finally {
      await remove(created.path);
      git('rm', '-q', '-f', path);
      git('commit', '-q', '-m', 'drop backoff');
    }
  });
});

describe('One resolver for every surface', function () {
  this.timeout(30_000);
  afterEach(closeAllEditors);

  it('an edit inside an anchored range turns it drifted within a second, and This File, hover and preview say what learnings check says', async () => {
    const { service, live, views, preview } = await api();
    const index = await service.ready();
    const path = 'src/db/pool.ts';
    const note = index.notesForFile(path)[0];
    const doc = await vscode.workspace.openTextDocument(uri(path));
    const editor = await vscode.window.showTextDocument(doc);
    const before = await live.anchorsIn(doc);
    assert.equal(before.find((a) => a.note.path === note.path)?.status, 'fresh');
    const original = doc.getText();
    try {
      // When the editor's anchors say drifted (this test's own polling of the view is not counted).
      // Each time the extension says statuses may have changed (the editor's live anchors, or the
      // resolver after a typing pause), the time is kept if This File then shows it drifted.
      let driftedAt: number | undefined;
      const onChange = () => {
        const at = Date.now();
        void Promise.resolve(views.thisFile.getChildren()).then((roots) => {
          const row = roots.find((n) => n.type === 'note' && n.note.path === note.path);
          const drifted = row?.type === 'note' && row.anchors[0].status === 'drifted';
          if (drifted || live.peek(doc.uri)?.find((a) => a.note.path === note.path)?.status === 'drifted') driftedAt = Math.min(driftedAt ?? at, at);
        });
      };
      const listeners = [live.onDidChange(onChange), (await api()).service.anchors.onDidChange(onChange)];
      const listener = { dispose: () => listeners.forEach((l) => l.dispose()) };
      const edited = Date.now();
      await editor.edit((e) => e.replace(new vscode.Range(39, 0, 41, 0), '    // A failed ROLLBACK leaves the client in an aborted transaction: drop it.\n    // Never return such a client to the pool.\n'));
      // No Refresh: the status follows as typing pauses.
      const nodes = await waitFor('This File showing the anchor drifted', async () => {
        const roots = await views.thisFile.getChildren();
        const row = roots.find((n) => n.type === 'note' && n.note.path === note.path);
        return row?.type === 'note' && row.anchors[0].status === 'drifted' ? row.anchors : undefined;
      }, 5000);
      listener.dispose();
      assert.ok(driftedAt !== undefined && driftedAt - edited <= 1000, `drifted after ${(driftedAt ?? Date.now()) - edited} ms`);
      await doc.save();
      const ext = vscode.extensions.getExtension('team-learnings.team-learnings')!;
      type Checked = { note: string; path: string; lines?: string; status: string; similarity?: number };
      const check = () => {
        // Exit 1 when some anchor is orphaned: the JSON is printed all the same.
        const run = spawnSync(process.execPath, [`${ext.extensionPath}/dist/cli.js`, '--root', root().fsPath, 'check', '--json'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
        return (JSON.parse(run.stdout) as { anchors: Checked[] }).anchors.find((a) => a.note === note.path)!;
      };
      const cli = await waitFor('learnings check seeing the saved edit', () => {
        const c = check();
        return c.status === 'drifted' && c;
      });
      await waitFor('This File as learnings check', async () => {
        const roots = await views.thisFile.getChildren();
        const row = roots.find((n) => n.type === 'note' && n.note.path === note.path);
        const a = row?.type === 'note' ? row.anchors[0] : undefined;
        return a?.status === cli.status && a.similarity === cli.similarity && `${a.range!.start.line + 1}-${a.range!.end.line + 1}` === cli.lines;
      });
      assert.ok(nodes.length > 0);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(45, 4));
      const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
      // The hover escapes every punctuation mark of note-supplied text: compare what it reads as.
      const text = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
      assert.ok(text.includes(`${Math.round(cli.similarity! * 100)}% similar`), text);
      assert.ok(text.includes(`now at ${cli.path}:${cli.lines}`), text);
      assert.ok(text.includes('command:teamLearnings.showAnchorChanges?') && text.includes('command:teamLearnings.reanchorToMatch?'), text);
      await preview.show(note.path);
      const html = await waitFor('the preview with the drifted anchor', () => preview.htmlFor(note.path)?.includes('anchor-drifted') && preview.htmlFor(note.path));
      assert.ok(html.includes(`now at ${cli.path}:${cli.lines}`), 'the preview names the place learnings check names');
    } finally {
      await writeText(path, original);
    }
  });
});
