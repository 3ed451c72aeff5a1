// End-to-end tests of the built `dist/cli.js` on temporary workspaces.

import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { learnings, runCli, workspace } from '../../support/builtCli';

const SRC = 'export function handle(evt) {\n  if (seen(evt.id)) return;\n  apply(evt);\n}\n';

describe('learnings CLI (built)', () => {
  let root: string;
  beforeEach(() => {
    root = workspace({ 'src/x.ts': SRC });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('new --anchor writes a note whose anchor holds the snippet, and prints its path', () => {
    const r = learnings(root, 'new', '--title', 'Handle webhooks once', '--topic', 'payments/webhooks', '--anchor', 'src/x.ts:1-3', '--author', 'Kari');
    assert.equal(r.code, 0, r.stderr);
    const rel = r.stdout.trim();
    assert.match(rel, /^\.learnings\/notes\/\d{4}-\d{2}-\d{2}-handle-webhooks-once\.md$/);
    const text = readFileSync(path.join(root, rel), 'utf8');
    assert.ok(text.includes('    snippet: |\n      export function handle(evt) {\n        if (seen(evt.id)) return;\n        apply(evt);\n'), text);
    assert.ok(text.includes('lines: 1-3'));
    assert.ok(text.includes('## What happened'));
    const list = JSON.parse(learnings(root, 'list', '--json').stdout);
    assert.equal(list.length, 1);
    assert.deepEqual(list[0].anchors, [{ path: 'src/x.ts', lines: '1-3' }]);
    assert.equal(list[0].author, 'Kari');
  });

  it('new --body - reads the body from stdin', () => {
    const r = runCli(root, ['new', '--title', 'From stdin', '--body', '-'], 'Piped body.\n');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(readFileSync(path.join(root, r.stdout.trim()), 'utf8').endsWith('---\n\nPiped body.\n'));
  });

  it('list --topic T --json returns exactly the notes on T and its subtopics', () => {
    learnings(root, 'new', '--title', 'A', '--topic', 'payments');
    learnings(root, 'new', '--title', 'B', '--topic', 'payments/webhooks');
    learnings(root, 'new', '--title', 'C', '--topic', 'paymentsx');
    learnings(root, 'new', '--title', 'D', '--topic', 'database', '--kind', 'win');
    const titles = (args: string[]) => JSON.parse(learnings(root, 'list', ...args, '--json').stdout).map((n: { title: string }) => n.title).sort();
    assert.deepEqual(titles(['--topic', 'payments']), ['A', 'B']);
    assert.deepEqual(titles(['--topic', 'payments/webhooks']), ['B']);
    assert.deepEqual(titles(['--kind', 'win']), ['D']);
    assert.deepEqual(titles([]), ['A', 'B', 'C', 'D']);
  });

  it('check exits 0 when all is well, and 1 naming the file when a note breaks, while list keeps the others', () => {
    learnings(root, 'new', '--title', 'Good one', '--anchor', 'src/x.ts:2-2');
    const bad = learnings(root, 'new', '--title', 'Soon broken').stdout.trim();
    assert.equal(learnings(root, 'check').code, 0);
    const ok = JSON.parse(learnings(root, 'check', '--json').stdout);
    assert.equal(ok.notes, 2);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.anchors.map((a: { status: string; lines: string }) => [a.status, a.lines]), [['fresh', '2-2']]);

    writeFileSync(path.join(root, bad), '---\ntitle: [unclosed\n---\nbody\n');
    const r = learnings(root, 'check');
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0].startsWith(`${bad}:`), lines[0]);
    assert.match(lines[0], /not valid YAML/);
    assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');

    const list = learnings(root, 'list', '--json');
    assert.equal(list.code, 0);
    assert.deepEqual(JSON.parse(list.stdout).map((n: { title: string }) => n.title), ['Good one']);
    assert.ok(list.stderr.includes(bad));
  });

  it('check exits 1 on an orphaned anchor', () => {
    learnings(root, 'new', '--title', 'Anchored', '--anchor', 'src/x.ts:1-2');
    rmSync(path.join(root, 'src/x.ts'));
    const r = learnings(root, 'check', '--json');
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.anchors[0].status, 'orphaned');
    assert.equal(out.anchors[0].was, 'src/x.ts:1-2');
  });

  it('usage errors exit 2 with one clear line', () => {
    for (const args of [['bogus'], ['new'], ['list', '--nope'], ['new', '--title', 'x', '--kind', 'rant'], ['new', '--title', 'x', '--anchor', 'nope'], ['new', '--title', 'x', '--topic', 'Bad Topic'], []]) {
      const r = learnings(root, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr.split('\n')[0], /^learnings: /);
    }
    assert.deepEqual(readdirSync(root), ['src'], 'nothing was written');
  });

  it('new refuses an anchor outside the workspace with exit 1 and writes nothing', () => {
    const r = learnings(root, 'new', '--title', 'Sneaky', '--anchor', '../etc/passwd:1-1');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /outside the workspace/);
    assert.deepEqual(readdirSync(root), ['src']);
  });

  it('topics shows nesting, counts, ambassadors and undescribed topics', () => {
    learnings(root, 'new', '--title', 'A', '--topic', 'payments/webhooks');
    learnings(root, 'new', '--title', 'B', '--topic', 'hooks');
    mkdirSync(path.join(root, '.learnings/topics/payments'), { recursive: true });
    writeFileSync(path.join(root, '.learnings/topics/payments/webhooks.md'), '---\ntitle: Webhooks\nambassadors: [Kari Nordmann]\naliases: [hooks]\n---\nCallbacks.\n');
    const text = learnings(root, 'topics').stdout;
    assert.match(text, /^payments {2}2 notes {2}\(not yet described\)$/m);
    assert.match(text, /^ {2}webhooks "Webhooks" {2}2 notes {2}ambassadors: Kari Nordmann {2}aliases: hooks$/m);
    const json = JSON.parse(learnings(root, 'topics', '--json').stdout);
    assert.deepEqual(json.map((t: { slug: string; notes: number; described: boolean }) => [t.slug, t.notes, t.described]), [
      ['payments', 2, false],
      ['payments/webhooks', 2, true],
    ]);
  });

  it('show prints a note with its anchors resolved', () => {
    const rel = learnings(root, 'new', '--title', 'Show me', '--anchor', 'src/x.ts:2-3', '--body', 'Text of the note.').stdout.trim();
    writeFileSync(path.join(root, 'src/x.ts'), `// header\n${SRC}`);
    const r = learnings(root, 'show', 'Show me');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Show me\n=======\n/);
    assert.match(r.stdout, /anchor: src\/x\.ts:\d+-\d+ \((moved|drifted), was src\/x\.ts:2-3/);
    assert.match(r.stdout, /Text of the note\./);
    assert.equal(learnings(root, 'show', rel).code, 0);
    assert.equal(learnings(root, 'show', 'no such note').code, 1);
  });

  it('check resolves moved and drifted anchors, and --fix rewrites only the moved ones', () => {
    const code = 'function a() {\n  return 1;\n}\n\nexport function retry(fn, attempts) {\n  for (let i = 0; i < attempts; i++) {\n    try { return fn(); } catch (e) { last = e; }\n  }\n  throw last;\n}\n';
    writeFileSync(path.join(root, 'src/retry.ts'), code);
    const moved = learnings(root, 'new', '--title', 'Retry loop', '--anchor', 'src/retry.ts:5-10').stdout.trim();
    const drifted = learnings(root, 'new', '--title', 'The first function', '--anchor', 'src/retry.ts:1-3').stdout.trim();
    const movedBefore = readFileSync(path.join(root, moved), 'utf8');
    const driftedBefore = readFileSync(path.join(root, drifted), 'utf8');
    // Two lines above the loop, and the first function edited.
    writeFileSync(path.join(root, 'src/retry.ts'), code.replace('function a() {\n  return 1;', '// header\n// more\nfunction a() {\n  return 2 + 1;'));
    const r = learnings(root, 'check', '--json');
    assert.equal(r.code, 0, r.stderr);
    const byNote = Object.fromEntries(JSON.parse(r.stdout).anchors.map((a: { note: string }) => [a.note, a]));
    assert.deepEqual(byNote[moved], { note: moved, path: 'src/retry.ts', lines: '7-12', status: 'moved', was: 'src/retry.ts:5-10' });
    assert.equal(byNote[drifted].status, 'drifted');
    assert.equal(byNote[drifted].lines, '3-5');
    assert.ok(byNote[drifted].similarity > 0.5 && byNote[drifted].similarity < 1, String(byNote[drifted].similarity));

    const fix = learnings(root, 'check', '--fix');
    assert.equal(fix.code, 0, fix.stderr);
    assert.match(fix.stderr, /fixed: anchor src\/retry\.ts:5-10 now src\/retry\.ts:7-12/);
    assert.equal(readFileSync(path.join(root, moved), 'utf8'), movedBefore.replace('lines: 5-10', 'lines: 7-12'), 'only the lines changed');
    assert.equal(readFileSync(path.join(root, drifted), 'utf8'), driftedBefore, 'a drifted anchor is left for a person');
    const after = JSON.parse(learnings(root, 'check', '--json').stdout).anchors.find((a: { note: string }) => a.note === moved);
    assert.equal(after.status, 'fresh');
  });
});
