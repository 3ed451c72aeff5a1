// Issue #13, round two: `check --fix` writes many notes under the same
// journal as topics rename (src/cli/journal.ts). Through the built CLI on a
// real git workspace: 1,500 notes whose anchors moved when 10 lines were
// added on top of the file they point into.

import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, learnings, workspace } from '../../support/builtCli';

const N = 1500;

function movedAnchors(): string {
  const lines = Array.from({ length: N }, (_, i) => `export const value${i} = compute(${i}, 'unique-${i}');`);
  const files: Record<string, string> = { 'src/values.ts': `${lines.join('\n')}\n` };
  for (let i = 0; i < N; i++) {
    files[`.learnings/notes/note-${i}.md`] = `---\ntitle: Note ${i}\nanchors:\n  - path: src/values.ts\n    lines: ${i + 1}-${i + 1}\n    snippet: |\n      ${lines[i]}\n---\nAbout value ${i}.\n`;
  }
  const root = workspace(files, 'learnings-fix-');
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Tester', '-c', 'user.email=t@example.com', ...args], { cwd: root });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'notes');
  const header = Array.from({ length: 10 }, (_, i) => `// header ${i}`).join('\n');
  writeFileSync(path.join(root, 'src/values.ts'), `${header}\n${lines.join('\n')}\n`);
  git('commit', '-q', '-am', 'a header');
  return root;
}

const fixedLines = (text: string) => text.split('\n').filter((l) => / fixed: anchor /.test(l));
const allFixed = (root: string) => {
  for (let i = 0; i < N; i++) assert.match(readFileSync(path.join(root, `.learnings/notes/note-${i}.md`), 'utf8'), new RegExp(`lines: ${i + 11}-${i + 11}\\n`), `note-${i}`);
};
const leftovers = (root: string) => readdirSync(path.join(root, '.learnings/notes')).filter((n) => n.startsWith('.'));

/** `check --fix`, sent `signal` once `after` notes were reported fixed. */
function fixInterrupted(root: string, signal: NodeJS.Signals, after: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--root', root, 'check', '--fix']);
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sent && fixedLines(stderr).length > after) sent = child.kill(signal);
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('check --fix under a journal (#13, round two)', function () {
  this.timeout(240_000);

  it('Ctrl+C between notes: says how many were fixed and how many not yet; the rerun completes them', async () => {
    const root = movedAnchors();
    const r = await fixInterrupted(root, 'SIGINT', 50);
    assert.equal(r.code, 130, r.stderr.slice(-500));
    const m = /^Interrupted: (\d+) of 1500 notes fixed \(listed above\), (\d+) not yet: run "learnings check --fix" again to complete it\.$/m.exec(r.stderr);
    assert.ok(m, r.stderr.slice(-500));
    assert.equal(Number(m[1]) + Number(m[2]), N);
    assert.equal(fixedLines(r.stderr).length, Number(m[1]), 'each note fixed is listed');
    const rerun = learnings(root, 'check', '--fix');
    assert.match(rerun.stderr, /Completed the interrupted "learnings check --fix" of \S+: \d+ files were written before, \d+ now/, rerun.stderr.slice(0, 500));
    assert.equal(rerun.code, 0, `exit ${rerun.code}: ${rerun.stderr.split('\n').filter((l) => !/fixed|written/.test(l)).join('\n').slice(0, 800)}\n${rerun.stdout.slice(0, 300)}`);
    assert.match(rerun.stdout, /1500 anchors: 1500 fresh, 0 moved/);
    allFixed(root);
    assert.deepEqual(leftovers(root), []);
  });

  it('kill -9 midway: the rerun completes the journal, every note ends fixed, nothing temporary is left', async () => {
    const root = movedAnchors();
    await fixInterrupted(root, 'SIGKILL', 50);
    const rerun = learnings(root, 'check', '--fix');
    assert.match(rerun.stderr, /Completed the interrupted "learnings check --fix"/, rerun.stderr.slice(0, 500));
    assert.equal(rerun.code, 0, `exit ${rerun.code}: ${rerun.stderr.split('\n').filter((l) => !/fixed|written/.test(l)).join('\n').slice(0, 800)}\n${rerun.stdout.slice(0, 300)}`);
    allFixed(root);
    assert.deepEqual(leftovers(root), []);
    const again = learnings(root, 'check');
    assert.match(again.stdout, /1500 anchors: 1500 fresh/);
  });
});
