// The everyday surfaces in a real VS Code on the demo workspace: the Topics
// tree, capture by argument object, CodeLens and hover on anchored code, and
// the tree following a note changed on disk.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, readText, remove, uri, waitFor, writeText, restoresWorkspace } from './helpers';
import type { TopicsNode } from '../../src/extension/views/topicsView';

async function topicLabels(): Promise<Map<string, vscode.TreeItem>> {
  const { views } = await api();
  const out = new Map<string, vscode.TreeItem>();
  const walk = async (node?: TopicsNode) => {
    for (const child of await views.topics.getChildren(node)) {
      if (child.type === 'topic') {
        out.set(child.topic.slug, views.topics.getTreeItem(child));
        await walk(child);
      }
    }
  };
  await walk();
  return out;
}

describe('Surfaces', function () {
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  this.timeout(30_000);
  const created: string[] = [];
  after(async () => {
    await closeAllEditors();
    for (const p of created) await remove(p);
  });

  it('the Topics tree shows the demo topics with counts, ambassadors and undescribed topics', async () => {
    const items = await topicLabels();
    assert.deepEqual([...items.keys()].sort(), [
      'database',
      'database/migrations',
      'onboarding',
      'payments',
      'payments/refunds',
      'payments/webhooks',
      'reliability',
      'security',
      'team-practices',
      'testing',
    ]);
    const webhooks = items.get('payments/webhooks')!;
    assert.equal(webhooks.label, 'Webhooks');
    assert.equal(webhooks.description, '6 notes · Kari Nordmann');
    assert.equal(webhooks.contextValue, 'topic:described');
    assert.equal(items.get('payments')!.description, '14 notes · Mette Jensen, Kari Nordmann');
    assert.match(String(items.get('security')!.description), /^4 notes · not yet described$/);
    assert.equal(items.get('security')!.contextValue, 'topic:undescribed');
  });

  it('a topic lists its subtopics, then its notes with kind icons', async () => {
    const { views } = await api();
    const roots = await views.topics.getChildren();
    const payments = roots.find((n) => n.type === 'topic' && n.topic.slug === 'payments')!;
    const children = await views.topics.getChildren(payments);
    const kinds = children.map((c) => (c.type === 'topic' ? `topic:${c.topic.slug}` : `note:${c.note.kind}`));
    assert.deepEqual(kinds.slice(0, 2), ['topic:payments/refunds', 'topic:payments/webhooks']);
    assert.equal(kinds.filter((k) => k.startsWith('note:')).length, 5);
    const note = children.find((c) => c.type === 'note')!;
    const item = views.topics.getTreeItem(note);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.match(String(item.contextValue), /^note:/);
    assert.equal(item.command?.command, 'teamLearnings.previewNote');
  });

  it('Record Lesson with an argument object writes the right file with the right anchor', async () => {
    const result = (await vscode.commands.executeCommand('teamLearnings.recordLesson', {
      title: 'Integration: jitter the retry delays',
      topics: ['reliability', 'jobs/retries'],
      path: 'src/jobs/retry.ts',
      lines: '1-4',
      author: 'Test Runner',
      open: false,
    })) as { path: string };
    created.push(result.path);
    assert.match(result.path, /^\.learnings\/notes\/\d{4}-\d{2}-\d{2}-integration-jitter-the-retry-delays\.md$/);
    const text = await readText(result.path);
    const code = (await readText('src/jobs/retry.ts')).split('\n').slice(0, 4);
    assert.ok(text.includes('title: "Integration: jitter the retry delays"') || text.includes("title: 'Integration: jitter the retry delays'"), text);
    assert.ok(text.includes('topics: [reliability, jobs/retries]'));
    assert.ok(text.includes('  - path: src/jobs/retry.ts\n    lines: 1-4\n'), text);
    for (const line of code) assert.ok(text.includes(line), `snippet holds "${line}"`);
    const { service } = await api();
    const index = await service.ready();
    assert.equal(index.get(result.path)?.anchors[0].lines.end, 4);
    assert.deepEqual(index.get(result.path)?.topics, ['reliability', 'jobs/retries']);
  });

  it('New Note with an argument object uses the kind template and never replaces a file', async () => {
    const a = (await vscode.commands.executeCommand('teamLearnings.newNote', { kind: 'win', title: 'Integration win', topics: [], open: false })) as { path: string };
    const b = (await vscode.commands.executeCommand('teamLearnings.newNote', { kind: 'win', title: 'Integration win', topics: [], open: false })) as { path: string };
    created.push(a.path, b.path);
    assert.notEqual(a.path, b.path);
    assert.match(b.path, /-2\.md$/);
    assert.match(await readText(a.path), /## The result\n\n## Thanks to\n/);
  });

  it('CodeLens and hover providers return the notes anchored in a file', async () => {
    const doc = await vscode.workspace.openTextDocument(uri('src/payments/webhook.ts'));
    await vscode.window.showTextDocument(doc);
    const { service } = await api();
    const index = await service.ready();
    const notes = index.notesForFile('src/payments/webhook.ts');
    assert.ok(notes.length > 0, 'the demo anchors notes in webhook.ts');
    const lenses = await waitFor('CodeLenses', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
      const ours = l.filter((x) => x.command?.command.startsWith('teamLearnings.'));
      return ours.length > 0 ? ours : undefined;
    });
    const anchor = notes[0].anchors.find((a) => a.path === 'src/payments/webhook.ts')!;
    const lens = lenses.find((l) => l.range.start.line === anchor.lines.start - 1);
    assert.ok(lens, `a CodeLens on line ${anchor.lines.start}`);
    assert.match(lens.command!.title, /\d? ?(lesson|lessons|note|notes): /);
    assert.ok(lens.command!.title.includes(notes[0].title) || lens.command!.command === 'teamLearnings.pickNote');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(anchor.lines.start - 1, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.ok(text.includes('command:teamLearnings.previewNote'), 'a Preview link');
    assert.ok(text.includes('command:teamLearnings.openNote'), 'an Open link');
    const escapedTitle = notes.find((n) => text.includes(n.title.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&')));
    assert.ok(escapedTitle, `the hover names a note: ${text.slice(0, 300)}`);
  });

  it('the CodeLens follows lines typed above the anchored range', async () => {
    const doc = await vscode.workspace.openTextDocument(uri('src/payments/webhook.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    const lensLines = async () =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100))
        .filter((l) => l.command?.command.startsWith('teamLearnings.'))
        .map((l) => l.range.start.line)
        .sort((a, b) => a - b);
    const before = await waitFor('CodeLenses', async () => ((await lensLines()).length ? lensLines() : undefined));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// one\n// two\n// three\n'));
    const after = await waitFor('the lenses to move', async () => {
      const now = await lensLines();
      return now.length === before.length && now.every((l, i) => l === before[i] + 3) ? now : undefined;
    });
    assert.deepEqual(after, before.map((l) => l + 3));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a note changed on disk shows in the tree', async () => {
    const path = '.learnings/notes/2026-11-23-written-behind-our-back.md';
    created.push(path);
    await writeText(path, '---\ntitle: Written behind our back\nkind: idea\ntopics: [brand-new-topic]\ncreated: 2026-11-23\n---\nA teammate pulled this in.\n');
    const items = await waitFor('the new topic in the tree', async () => {
      const labels = await topicLabels();
      return labels.has('brand-new-topic') ? labels : undefined;
    });
    assert.match(String(items.get('brand-new-topic')!.description), /^1 note · not yet described$/);
    await remove(path);
    await waitFor('the topic to go away', async () => !(await topicLabels()).has('brand-new-topic'));
  });
});
