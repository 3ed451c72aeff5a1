// Capture in a real VS Code writes notes the tools around them accept: a
// blank line after the front matter, and `tags:` when teamLearnings.topicsKey says so.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, readText, remove, restoresWorkspace, waitFor } from './helpers';

describe('Notes that fit the tools around them', function () {
  this.timeout(30_000);
  // The next suite snapshots the index: it must not see this suite's notes still on their way out.
  restoresWorkspace();
  const created: string[] = [];
  const config = () => vscode.workspace.getConfiguration('teamLearnings', vscode.workspace.workspaceFolders?.[0].uri);
  after(async () => {
    await config().update('topicsKey', undefined, vscode.ConfigurationTarget.Workspace);
    for (const p of created) await remove(p);
  });

  it('New Note writes a blank line after the front matter, and tags: with teamLearnings.topicsKey = tags', async () => {
    const plain = (await vscode.commands.executeCommand('teamLearnings.newNote', { kind: 'lesson', title: 'Fits prettier', topics: ['reliability'], open: false })) as { path: string };
    created.push(plain.path);
    const text = await readText(plain.path);
    assert.match(text, /\ntopics: \[reliability\]\n/);
    assert.match(text, /\n---\n\n## What happened\n/);
    assert.ok(text.endsWith('## Next time\n'), JSON.stringify(text.slice(-30)));

    await config().update('topicsKey', 'tags', vscode.ConfigurationTarget.Workspace);
    await waitFor('the setting', () => config().get('topicsKey') === 'tags');
    const tagged = (await vscode.commands.executeCommand('teamLearnings.newNote', { kind: 'lesson', title: 'Read by Obsidian', topics: ['reliability'], open: false })) as { path: string };
    created.push(tagged.path);
    const tags = await readText(tagged.path);
    assert.match(tags, /\ntags: \[reliability\]\n/);
    assert.doesNotMatch(tags, /\ntopics:/);
    const { service } = await api();
    const index = await service.ready();
    await waitFor('the tagged note indexed under its topic', () => index.get(tagged.path)?.topics.includes('reliability'));
  });
});
