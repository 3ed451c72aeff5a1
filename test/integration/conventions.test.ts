// VS Code conventions on the demo workspace: completion in a note's front
// matter, links on anchor paths, and the note header in VS Code's own
// markdown preview (the markdown-it plugin).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, restoresWorkspace, uri } from './helpers';

const NOTE = '.learnings/notes/2026-06-04-money-is-integer-minor-units.md';

async function completions(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('Conventions', () => {
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  it('completes kind, topics and status in a note’s front matter', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(uri(NOTE));
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const kindLine = doc.getText().split('\n').findIndex((l) => l.startsWith('kind:'));
    await editor.edit((e) => e.replace(doc.lineAt(kindLine).range, 'kind: pl'));
    const kinds = await completions(doc, new vscode.Position(kindLine, 8));
    assert.ok(kinds.includes('plan') && kinds.includes('lesson'), `kind completions: ${kinds.join(', ')}`);
    const topicsLine = doc.getText().split('\n').findIndex((l) => l.startsWith('topics:'));
    await editor.edit((e) => e.replace(doc.lineAt(topicsLine).range, 'topics: [payments, rel'));
    const topics = await completions(doc, new vscode.Position(topicsLine, 'topics: [payments, rel'.length));
    assert.ok(topics.includes('reliability') && topics.includes('payments/webhooks'), `topic completions: ${topics.slice(0, 20).join(', ')}`);
    assert.ok(!topics.includes('payments'), 'a topic already on the note is offered again');
    await editor.edit((e) => e.insert(new vscode.Position(topicsLine + 1, 0), 'status: \n'));
    const statuses = await completions(doc, new vscode.Position(topicsLine + 1, 8));
    for (const s of ['open', 'done', 'dropped']) assert.ok(statuses.includes(s), `status completions: ${statuses.join(', ')}`);
    // Not in the body.
    const body = await completions(doc, new vscode.Position(doc.lineCount - 1, 0));
    assert.ok(!body.includes('reliability'), 'topics offered in the body');
    // Back as it was, for the suites after this one.
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), original));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.strictEqual(doc.getText(), original);
  });

  it('links anchor paths to the code', async () => {
    const doc = await vscode.workspace.openTextDocument(uri(NOTE));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    const targets = links.map((l) => l.target?.toString());
    assert.ok(targets.includes(uri('src/payments/currency.ts').toString()), `links: ${targets.join(', ')}`);
  });

  it('shows the note’s title, kind and topics in VS Code’s markdown preview', async () => {
    const doc = await vscode.workspace.openTextDocument(uri(NOTE));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
    assert.match(html, /team-learnings-note-header/, `no header in the rendered note: ${html.slice(0, 200)}`);
    assert.match(html, /<h1>Money is an integer number of minor units, never a float<\/h1>/);
    assert.match(html, /<strong>Lesson<\/strong>/);
    assert.match(html, /team-learnings-topic">payments</);
    // A markdown file that is no note gets no header.
    const other = await vscode.workspace.openTextDocument(uri('README.md')).then(undefined, () => undefined);
    if (other) assert.doesNotMatch(await vscode.commands.executeCommand<string>('markdown.api.render', other), /team-learnings-note-header/);
  });
});
