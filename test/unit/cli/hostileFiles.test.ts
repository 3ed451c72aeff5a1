// Issue #13, round two, through the built CLI on real temporary git
// workspaces (notes committed as a team commits them): a FIFO named like a
// note, titles that differ only by invisible characters, a note symlinked to
// another, anchors into a file too large to resolve.

import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, learnings, workspace, type CliResult } from '../../support/builtCli';
import { NodeFileSystem, NotRegularFileError, OutsideWorkspaceError } from '../../../src/node/nodeFileSystem';

const note = (title: string, extra = '') => `---\ntitle: ${title}\ntopics: [x]\n${extra}---\nBody of ${title}.\n`;

function committed(files: Record<string, string>): string {
  const root = workspace(files, 'learnings-hostile-');
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Tester', '-c', 'user.email=t@example.com', ...args], { cwd: root });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'notes');
  return root;
}

/** The CLI run with a deadline: a hang is a failure that names itself, not a stuck suite. */
function runWithin(ms: number, root: string, args: string[]): Promise<CliResult & { ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, '--root', root, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

describe('CLI hardening (#13, round two): hostile files', function () {
  this.timeout(60_000);

  it('a FIFO at a note path, or a note symlinked to a FIFO: check finishes, names each file once, the other notes load', async () => {
    const root = committed({ '.learnings/notes/good.md': note('Good one'), '.learnings/notes/other.md': note('Other one') });
    spawnSync('mkfifo', [path.join(root, '.learnings/notes/pipe.md')]);
    spawnSync('mkfifo', [path.join(root, '.learnings/pipe-target')]);
    symlinkSync('../pipe-target', path.join(root, '.learnings/notes/to-pipe.md'));
    const r = await runWithin(10_000, root, ['check']);
    assert.notEqual(r.code, null, `check hung (killed after ${r.ms} ms)`);
    for (const name of ['pipe.md', 'to-pipe.md']) {
      const lines = r.stderr.split('\n').filter((l) => l.includes(`/${name}:`));
      assert.equal(lines.length, 1, `${name} named once: ${r.stderr}`);
      assert.match(lines[0], new RegExp(`^\\.learnings/notes/${name.replace('.', '\\.')}: error: not a regular file`));
    }
    assert.match(r.stdout, /^2 notes/m, r.stdout);
    const list = await runWithin(10_000, root, ['list']);
    assert.match(list.stdout, /Good one/);
    assert.match(list.stdout, /Other one/);
  });

  it('titles that differ only by zero-width, bidi or other format characters, case or width are duplicates', () => {
    const invisible = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u2066'];
    const files: Record<string, string> = { '.learnings/notes/plain.md': note('Retry the webhook') };
    invisible.forEach((c, i) => (files[`.learnings/notes/copy-${i}.md`] = note(`"Re${c}try the web${c}hook"`)));
    // Fullwidth letters (NFKC), a capital and doubled spaces.
    files['.learnings/notes/wide.md'] = note('Ｒetry  the WEBHOOK');
    const root = committed(files);
    const r = learnings(root, 'check');
    const warned = new Set([...r.stderr.matchAll(/^(\S+): warning: another note has the same title/gm)].map((m) => m[1].replace(/:\d+$/, '')));
    assert.equal(warned.size, invisible.length + 2, r.stderr);
    // The right-to-left override is shown escaped, never applied, in the terminal.
    assert.doesNotMatch(r.stdout + r.stderr, /\u202e/);
    const show = learnings(root, 'show', '.learnings/notes/copy-6.md');
    assert.doesNotMatch(show.stdout + show.stderr, /\u202e/);
    assert.match(show.stdout, /\\u202e/, show.stdout);
  });

  it('a note symlinked to another note is said to be a symlink, not "changed on disk meanwhile"', () => {
    const root = committed({ '.learnings/notes/real.md': note('Real') });
    symlinkSync('real.md', path.join(root, '.learnings/notes/link.md'));
    const r = learnings(root, 'topics', 'rename', 'x', 'y');
    assert.doesNotMatch(r.stderr, /changed on disk/);
    assert.match(r.stderr, /^\.learnings\/notes\/link\.md: error: not written: is a symlink to another file: not rewritten \(edit the file it points to\)$/m, r.stderr);
    assert.match(readFileSync(path.join(root, '.learnings/notes/real.md'), 'utf8'), /topics: \[y\]/);
  });

  it('500 anchors into a 10 MB file: each is "file too large to resolve anchors", none counts as orphaned', () => {
    // A note holds at most 100 anchors: five notes of 100.
    const anchors = Array.from({ length: 100 }, (_, i) => `  - path: src/big.txt\n    lines: ${i + 1}-${i + 1}\n    snippet: "line ${i}"\n`).join('');
    const files: Record<string, string> = {};
    for (let n = 0; n < 5; n++) files[`.learnings/notes/big-${n}.md`] = note(`Big ${n}`, `anchors:\n${anchors}`);
    const root = committed({ ...files, '.learnings/notes/small.md': note('Small', 'anchors:\n  - path: src/small.txt\n    lines: 1-1\n    snippet: "hello"\n'), 'src/small.txt': 'hello\n' });
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'src/big.txt'), Array.from({ length: 10 * 1024 * 1024 / 16 }, (_, i) => `line ${String(i).padStart(10, '0')}\n`).join(''));
    const r = learnings(root, 'check');
    // Neither an invalid note nor an orphaned anchor (DESIGN 4): a warning, exit 0.
    assert.equal(r.code, 0, r.stderr.split('\n').filter((l) => !/too large/.test(l)).join('\n'));
    const tooLarge = r.stderr.split('\n').filter((l) => /file too large to resolve anchors \(10\.0 MB > \d+(\.\d+)? MB\)/.test(l));
    assert.equal(tooLarge.length, 500, r.stderr.slice(0, 800));
    assert.match(tooLarge[0], /^\.learnings\/notes\/big-0\.md(?::\d+)?: warning: anchor 1: src\/big\.txt: file too large to resolve anchors/);
    assert.doesNotMatch(r.stderr, /orphaned/);
    assert.match(r.stdout, /501 anchors: 1 fresh, 0 moved, 0 drifted, 0 orphaned, 500 not resolved/, r.stdout);
    const json = JSON.parse(learnings(root, 'check', '--json').stdout) as { anchors: Array<{ status: string; path: string }> };
    assert.equal(json.anchors.filter((a) => a.status === 'orphaned').length, 0);
    assert.equal(json.anchors.filter((a) => a.path === 'src/big.txt').length, 500);
  });
});

describe('NodeFileSystem.readFile (#13, round two): never blocks, never follows a final symlink out', function () {
  this.timeout(20_000);

  it('a FIFO is refused at once, naming the file; a symlink out of the workspace is refused; one inside is read', async () => {
    const root = workspace({ 'a/real.md': 'inside\n' }, 'learnings-fifo-');
    const outside = workspace({ 'secret.txt': 'outside\n' }, 'learnings-outside-');
    spawnSync('mkfifo', [path.join(root, 'a/pipe.md')]);
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'a/out.md'));
    symlinkSync('real.md', path.join(root, 'a/in.md'));
    const fs = new NodeFileSystem(root);
    const fifo = path.join(root, 'a/pipe.md');
    // A read blocked in open() holds a pool thread for good: after 3 s the FIFO is opened for writing, which frees it, and the test fails.
    const hung = new Promise<never>((_, reject) =>
      setTimeout(() => {
        try {
          closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
          // no reader blocked on it
        }
        reject(new Error('readFile blocked on a FIFO'));
      }, 3000).unref(),
    );
    await assert.rejects(Promise.race([fs.readFile('a/pipe.md'), hung]), (err: Error) => err instanceof NotRegularFileError && err.message.startsWith('a/pipe.md is not a regular file'));
    await assert.rejects(fs.readFile('a/out.md'), (err: Error) => err instanceof OutsideWorkspaceError);
    assert.equal(new TextDecoder().decode(await fs.readFile('a/in.md')), 'inside\n');
  });
});
