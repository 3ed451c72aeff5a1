// The control for untrusted.restricted.test.ts: in a trusted workspace the
// same calls do use the repository's git name, its template and git itself,
// so their absence in Restricted Mode means something.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { api, readText, remove, root, waitFor, writeText, restoresWorkspace } from './helpers';

function git(...args: string[]): string {
  return execFileSync('git', ['-C', root().fsPath, ...args], { encoding: 'utf8' }).trim();
}

const TEMPLATE = '.learnings/templates/lesson.md';

describe('Trusted workspace: git and repository templates are used (the control for Restricted Mode)', function () {
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  this.timeout(40_000);
  const created: string[] = [];

  before(async () => {
    git('config', 'user.name', 'Repo Configured Name');
    await writeText(TEMPLATE, '## From the repository template\n\n{{title}} by {{author}}\n');
  });

  after(async () => {
    git('config', '--unset', 'user.name');
    for (const p of [TEMPLATE, ...created]) await remove(p);
  });

  it('is trusted', () => {
    assert.equal(vscode.workspace.isTrusted, true);
  });

  it('New Note takes the author from git and the body from the repository template', async () => {
    const result = await vscode.commands.executeCommand<{ path: string } | undefined>('teamLearnings.newNote', {
      kind: 'lesson',
      title: 'Written in a trusted workspace',
      topics: ['testing'],
      open: false,
    });
    assert.ok(result);
    created.push(result.path);
    const text = await readText(result.path);
    assert.match(text, /^author: Repo Configured Name$/m);
    assert.match(text, /## From the repository template\n\nWritten in a trusted workspace by Repo Configured Name\n/);
  });

  it('Record Lesson reads HEAD from .git for the anchor\'s commit', async () => {
    const { service } = await api();
    const fsys = service.fs as unknown as { stat(path: string): Promise<unknown> };
    const original = fsys.stat;
    const asked: string[] = [];
    fsys.stat = (path: string) => {
      asked.push(path);
      return original.call(service.fs, path);
    };
    let result: { path: string } | undefined;
    try {
      result = await vscode.commands.executeCommand<{ path: string } | undefined>('teamLearnings.recordLesson', {
        title: 'Anchored in a trusted workspace',
        topics: ['testing'],
        path: 'src/jobs/retry.ts',
        lines: '1-3',
        open: false,
      });
    } finally {
      fsys.stat = original;
    }
    assert.ok(result);
    created.push(result.path);
    assert.ok(asked.includes('.git'), 'the extension looked at .git');
    // A short hash of digits only is written quoted, as YAML would read it as a number.
    assert.match(await readText(result.path), new RegExp(`commit: "?${git('rev-parse', '--short=7', 'HEAD')}"?\n`));
  });

  it('the Review view asks git, which starts the built-in git extension', async () => {
    const { views } = await api();
    const result = await waitFor('git to answer', async () => {
      const r = await views.review.compute();
      return /Restricted Mode/.test(r.message ?? '') ? undefined : r;
    });
    assert.doesNotMatch(result.message ?? '', /Restricted Mode/);
    assert.equal(vscode.extensions.getExtension('vscode.git')?.isActive, true);
  });
});
