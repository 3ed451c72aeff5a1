// Restricted Mode (issue #7), run by the second pass of the integration
// runner, which opens the demo workspace (a git repository) untrusted. The
// extension reads and shows notes; it does not run git, and a template from
// the repository is not used.
//
// How "git is not run" is shown: the repository has its own user.name, HEAD
// and a base branch, so each git-backed feature has something to find. In a
// trusted workspace they find it (teamLoop.test.ts, and the control test
// below runs the same calls); here the author stays unset, an anchor gets no
// commit, the Review view says it needs trust, and the built-in git
// extension, which the extension would otherwise activate, never starts.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { api, closeAllEditors, readText, remove, root, writeText } from './helpers';
import type { FileSystem } from '../../src/core/fileSystem';

function git(...args: string[]): string {
  return execFileSync('git', ['-C', root().fsPath, ...args], { encoding: 'utf8' }).trim();
}

const TEMPLATE = '.learnings/templates/lesson.md';

/** Records every path the extension's file system is asked about, to show `.git` is never one. */
function recordAccess(fsys: FileSystem): { paths: string[]; restore: () => void } {
  const paths: string[] = [];
  const target = fsys as unknown as Record<string, (path: string, ...rest: unknown[]) => unknown>;
  const originals = new Map<string, (path: string, ...rest: unknown[]) => unknown>();
  for (const name of ['readFile', 'writeFile', 'readDirectory', 'stat', 'realPath', 'createDirectory', 'delete']) {
    const original = target[name].bind(fsys);
    originals.set(name, target[name]);
    target[name] = (path: string, ...rest: unknown[]) => {
      paths.push(path);
      return original(path, ...rest);
    };
  }
  return { paths, restore: () => originals.forEach((fn, name) => (target[name] = fn)) };
}

describe('Restricted Mode: an untrusted workspace', function () {
  this.timeout(40_000);
  const created: string[] = [];
  let access: { paths: string[]; restore: () => void };

  before(async () => {
    // What a repository could carry to make git-backed features act: a name, a template.
    git('config', 'user.name', 'Repo Configured Name');
    await writeText(TEMPLATE, '## From the repository template\n\n{{title}} by {{author}}\n');
    access = recordAccess((await api()).service.fs);
  });

  after(async () => {
    access.restore();
    await closeAllEditors();
    for (const p of [TEMPLATE, ...created]) await remove(p);
  });

  it('opens restricted', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner opened the folder in Restricted Mode');
  });

  it('reads and shows the notes: the Topics view and the index are full', async () => {
    const { service, views } = await api();
    const index = await service.ready();
    assert.equal(index.size, 28, 'the demo notes are indexed');
    assert.deepEqual(index.problems(), []);
    const roots = await views.topics.getChildren();
    const slugs = roots.map((n) => (n.type === 'topic' ? n.topic.slug : ''));
    for (const slug of ['database', 'payments', 'reliability', 'security', 'testing']) assert.ok(slugs.includes(slug), `topic ${slug} shown`);
    const payments = roots.find((n) => n.type === 'topic' && n.topic.slug === 'payments')!;
    assert.ok((await views.topics.getChildren(payments)).length > 0, 'a topic lists its subtopics and notes');
    const item = views.topics.getTreeItem(payments);
    assert.equal(item.label, 'Payments');
  });

  it('shows a note in the preview', async () => {
    const { service, preview } = await api();
    const note = (await service.ready()).notes()[0];
    await vscode.commands.executeCommand('teamLearnings.previewNote', note.path);
    assert.ok(preview, 'the preview manager is there');
  });

  it('New Note uses the built-in template, not the one in the repository, and no author from git', async () => {
    const result = await vscode.commands.executeCommand<{ path: string } | undefined>('teamLearnings.newNote', {
      kind: 'lesson',
      title: 'Written in Restricted Mode',
      topics: ['testing'],
      open: false,
    });
    assert.ok(result, 'the note is created');
    created.push(result.path);
    const text = await readText(result.path);
    assert.match(text, /## What happened\n\n## What we learned\n\n## Next time\n/, 'the built-in lesson template');
    assert.doesNotMatch(text, /From the repository template/);
    assert.doesNotMatch(text, /^author:/m, `no author from git's user.name:\n${text}`);
    assert.doesNotMatch(text, /Repo Configured Name/);
  });

  it('Record Lesson captures the anchor without a commit from .git', async () => {
    const head = git('rev-parse', '--short=7', 'HEAD');
    assert.match(head, /^[0-9a-f]{7}$/, 'the workspace is a repository with a HEAD');
    const result = await vscode.commands.executeCommand<{ path: string } | undefined>('teamLearnings.recordLesson', {
      title: 'Anchored in Restricted Mode',
      topics: ['testing'],
      path: 'src/jobs/retry.ts',
      lines: '1-3',
      open: false,
    });
    assert.ok(result);
    created.push(result.path);
    const text = await readText(result.path);
    assert.match(text, /path: src\/jobs\/retry\.ts\n\s+lines: 1-3\n/);
    assert.doesNotMatch(text, /commit:/, `no commit read from .git:\n${text}`);
  });

  it('the Review view says it needs trust, and git is never started', async () => {
    const { views } = await api();
    const result = await views.review.compute();
    assert.deepEqual(result.touching, []);
    assert.deepEqual(result.added, []);
    assert.match(result.message ?? '', /Restricted Mode/);
    await vscode.commands.executeCommand('teamLearnings.endorseNote', { note: (await (await api()).service.ready()).notes()[0].path, name: 'Restricted Tester' });
    // VS Code keeps the git extension off in Restricted Mode; it is the only way the extension reaches git.
    assert.ok(!vscode.extensions.getExtension('vscode.git')?.isActive, 'the git extension is not running');
    // Undo the endorsement: the workspace goes on to the next suite as it was.
    git('checkout', '--', '.learnings/notes');
  });

  it('never read anything under .git: not for the author, an anchor\'s commit, or the Review view', () => {
    assert.ok(access.paths.length > 0, 'the extension did read files');
    const git = access.paths.filter((p) => p === '.git' || p.startsWith('.git/'));
    assert.deepEqual(git, []);
  });

  it('the manifest says what is off in Restricted Mode', () => {
    const ext = vscode.extensions.getExtension('team-learnings.team-learnings')!;
    const untrusted = (ext.packageJSON as { capabilities: { untrustedWorkspaces: { supported: string; description: string; restrictedConfigurations: string[] } } }).capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.match(untrusted.description, /git/);
    assert.match(untrusted.description, /template/);
    assert.deepEqual(untrusted.restrictedConfigurations, ['teamLearnings.folder']);
  });
});
