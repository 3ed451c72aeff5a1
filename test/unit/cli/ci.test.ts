// The CLI as CI and pre-commit run it (DESIGN.md section 4), on the built
// `dist/cli.js` and temporary git workspaces with the notes committed.

import * as assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CLI, workspace, type CliResult } from '../../support/builtCli';

const REPO = path.resolve(__dirname, '../../../..');
const SRC = 'export function handle(evt) {\n  if (seen(evt.id)) return;\n  apply(evt);\n}\n\nexport const other = 1;\n';

/** The CLI with exactly these arguments (no --root added), from `cwd`. */
function raw(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): CliResult {
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Kari', '-c', 'user.email=k@example.com', ...args], { cwd: root, encoding: 'utf8' });
}

/** A git repository with a source file and one committed note anchored to it. */
function repo(): string {
  const root = workspace({ 'src/x.ts': SRC }, 'learnings-ci-');
  git(root, 'init', '-q');
  assert.equal(raw(['new', '--title', 'Handle webhooks once', '--topic', 'payments', '--anchor', 'src/x.ts:1-4', '--author', 'Kari'], root).code, 0);
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'first lesson');
  return root;
}

const note = (root: string, name: string, text: string) => {
  mkdirSync(path.join(root, '.learnings/notes'), { recursive: true });
  writeFileSync(path.join(root, '.learnings/notes', name), text);
  return `.learnings/notes/${name}`;
};

/** A note with four problems: a topic that is no slug, a bad date, lines that end before they start, an anchor on a file that is gone. */
const BROKEN = `---
title: Broken
topics: [Not A Slug]
created: 2026-13-01
anchors:
  - path: src/x.ts
    lines: 9-3
  - path: src/gone.ts
    lines: 1-2
    snippet: zz
---

Body.
`;

describe('learnings for CI (built CLI)', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => {
    root = repo();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('--version prints the package version; --help and COMMAND --help exit 0 with the options', () => {
    const version = raw(['--version'], root);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    const help = raw(['--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /check \[FILE\]\.\.\./);
    const check = raw(['check', '--help'], root);
    assert.equal(check.code, 0, check.stderr);
    for (const option of ['--format text|json|github|sarif', '--strict', '--fix', '--json', '--root DIR', '--folder NAME']) assert.ok(check.stdout.includes(option), option);
    for (const command of ['new', 'list', 'show', 'topics', 'digest', 'followups', 'stats']) {
      const r = raw([command, '--help'], root);
      assert.equal(r.code, 0, `${command} --help: ${r.stderr}`);
      assert.ok(r.stdout.startsWith(`learnings ${command}`), r.stdout);
    }
    assert.match(raw(['new', '-h'], root).stdout, /--topics-key/);
  });

  it('global options go before or after the command', () => {
    const elsewhere = tmpdir();
    const before = raw(['--root', root, 'check', '--json'], elsewhere);
    const after = raw(['check', '--json', '--root', root], elsewhere);
    const equals = raw(['list', `--root=${root}`, '--json'], elsewhere);
    assert.equal(before.code, 0, before.stderr);
    assert.equal(after.code, 0, after.stderr);
    assert.equal(JSON.parse(after.stdout).notes, 1);
    assert.deepEqual(JSON.parse(after.stdout), JSON.parse(before.stdout));
    assert.equal(JSON.parse(equals.stdout).length, 1);
    rmSync(path.join(root, '.learnings'), { recursive: true });
    mkdirSync(path.join(root, 'kb/notes'), { recursive: true });
    const folder = raw(['check', '--folder', 'kb', '--json'], root);
    assert.equal(folder.code, 0, folder.stderr);
  });

  it('a missing root or notes folder is a usage error (exit 2) for every command but new, which creates the folder', () => {
    const commands = [['check'], ['list'], ['show', 'x'], ['topics'], ['digest'], ['followups'], ['stats']];
    for (const args of commands) {
      const missingRoot = raw([...args, '--root', path.join(root, 'nonexistent')], root);
      assert.equal(missingRoot.code, 2, `${args[0]} --root nonexistent: ${missingRoot.stdout}`);
      assert.match(missingRoot.stderr, /no such folder/);
      const typo = raw([...args, '--folder', '.learning'], root);
      assert.equal(typo.code, 2, `${args[0]} --folder .learning`);
      assert.match(typo.stderr, /no notes folder \.learning\/notes/);
    }
    const fresh = workspace({ 'a.txt': 'a\n' });
    assert.equal(raw(['check'], fresh).code, 2);
    const created = raw(['new', '--title', 'First'], fresh);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(raw(['check'], fresh).code, 0);
    rmSync(fresh, { recursive: true, force: true });
  });

  it('usage errors exit 2 everywhere, topics rename and merge included', () => {
    const cases = [
      ['check', '--bogus'],
      ['check', '--format', 'xml'],
      ['check', '--json', '--format', 'sarif'],
      ['list', '--bogus'],
      ['new'],
      ['new', '--title', 'T', '--topics-key', 'labels'],
      ['frobnicate'],
      [],
      ['topics', 'rename', 'nope', 'other'],
      ['topics', 'rename', 'payments', 'Not A Slug'],
      ['topics', 'rename', 'payments'],
      ['topics', 'merge', 'payments', 'nope'],
      ['topics', 'merge', 'payments', 'payments'],
      ['topics', 'split', 'a', 'b'],
      ['check', '.learnings/notes/no-such-note.md'],
      ['digest', '--today', 'tomorrow'],
    ];
    for (const args of cases) {
      const r = raw(args, root);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stderr.split('\n').filter(Boolean).length, 2, r.stderr);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    }
  });

  it('an internal error exits 3 with one line, not a stack trace', () => {
    const preload = path.join(root, 'fail-writes.js');
    writeFileSync(preload, "process.stdout.write = () => { throw new Error('the disk is full'); };\n");
    const r = raw(['check'], root, {}, ['--require', preload]);
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.stderr.trim(), 'learnings: internal error: the disk is full');
  });

  it('check reports every problem of a note, anchors with the line of their entry, and a summary that counts what was printed', () => {
    const bad = note(root, '2026-11-02-broken.md', BROKEN);
    const r = raw(['check'], root);
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(': ').slice(0, 2).join(': ')),
      [`${bad}:3: error`, `${bad}:4: error`, `${bad}:7: error`, `${bad}:8: error`],
      r.stderr,
    );
    assert.match(lines[0], /"Not A Slug" is not a slug/);
    assert.match(lines[1], /created must be a date/);
    assert.match(lines[2], /anchor 1: lines "9-3" end before they start/);
    assert.match(lines[3], /anchor src\/gone\.ts:1-2 is orphaned/);
    assert.equal(r.stdout.trim(), '2 notes, 2 anchors: 1 fresh, 0 moved, 0 drifted, 1 orphaned; 4 errors, 0 warnings, 0 info');

    // A drifted anchor is a warning, printed and counted as one; --strict fails on it.
    writeFileSync(path.join(root, bad), BROKEN.replace(/topics: .*\n/, 'topics: [ok]\n').replace('created: 2026-13-01\n', '').replace('  - path: src/x.ts\n    lines: 9-3\n', ''));
    writeFileSync(path.join(root, 'src/x.ts'), SRC.replace('  apply(evt);\n', '  apply(evt, { retries: 3 });\n  log(evt);\n'));
    const drift = raw(['check'], root);
    const warnings = drift.stderr.split('\n').filter((l) => l.includes(': warning: '));
    assert.equal(warnings.length, 1, drift.stderr);
    assert.match(warnings[0], /^\.learnings\/notes\/\d{4}-\d\d-\d\d-handle-webhooks-once\.md:8: warning: anchor src\/x\.ts:1-4 drifted/);
    assert.match(drift.stdout, /1 drifted, 1 orphaned; 1 error, 1 warning, 0 info/);
  });

  it('--strict fails on a drifted anchor and on a warning; without it they pass', () => {
    writeFileSync(path.join(root, 'src/x.ts'), SRC.replace('  apply(evt);\n', '  apply(evt, { retries: 3 });\n  log(evt);\n'));
    assert.equal(raw(['check'], root).code, 0);
    assert.equal(raw(['check', '--strict'], root).code, 1);
    writeFileSync(path.join(root, 'src/x.ts'), SRC);
    assert.equal(raw(['check', '--strict'], root).code, 0);
    note(root, '2026-11-03-odd.md', '---\ntitle: Odd kind\nkind: rant\n---\n\nBody.\n');
    assert.equal(raw(['check'], root).code, 0);
    assert.equal(raw(['check', '--strict'], root).code, 1);
  });

  it('check FILE... checks only the given notes and ignores files that are not notes', () => {
    const bad = note(root, '2026-11-02-broken.md', BROKEN);
    const good = readdirSync(path.join(root, '.learnings/notes')).find((n) => n.includes('handle'))!;
    const only = raw(['check', `.learnings/notes/${good}`, 'src/x.ts', 'README.md', '.learnings/topics/x.md', '--json'], root);
    assert.equal(only.code, 0, only.stdout);
    assert.equal(JSON.parse(only.stdout).notes, 1);
    const both = raw(['check', `./.learnings/notes/${good}`, bad], root);
    assert.equal(both.code, 1);
    assert.match(both.stdout, /^2 notes/);
    const fromSub = raw(['check', '--root', '..', `../${bad}`, '--json'], path.join(root, 'src'));
    assert.equal(JSON.parse(fromSub.stdout).notes, 1);
    assert.equal(JSON.parse(fromSub.stdout).summary.errors, 4);
    assert.equal(raw(['check', 'src/x.ts'], root).stdout.trim().split(',')[0], '0 notes');
  });

  it('--json is camelCase, carries schemaVersion and matches schema/check.schema.json', () => {
    note(root, '2026-11-02-broken.md', BROKEN);
    writeFileSync(path.join(root, 'src/x.ts'), `// moved down\n\n${SRC}`);
    const r = raw(['check', '--json'], root);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schema/check.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const valid = validate(structuredClone(out));
    assert.ok(valid, JSON.stringify(validate.errors));
    assert.equal(out.schemaVersion, 1);
    const keys = (v: unknown): string[] => (v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [...(Array.isArray(v) ? [] : [k]), ...keys(x)]) : []);
    for (const key of keys(out)) assert.match(key, /^[a-z][a-zA-Z]*$/, `key ${key} is camelCase`);
    assert.deepEqual(new Set(out.anchors.map((a: { status: string }) => a.status)), new Set(['moved', 'orphaned']));
    assert.equal(out.problems.length, out.summary.errors + out.summary.warnings + out.summary.infos);
    assert.ok(out.problems.some((p: { rule: string; line: number }) => p.rule === 'anchor-moved' && p.line === 8));
    // The schema is strict: a key it does not know fails it.
    assert.ok(!validate({ ...structuredClone(out), extra: 1 }));
    // followups --json is camelCase too.
    assert.ok(!/"[a-z]+_[a-z_]+"\s*:/.test(raw(['followups', '--json', '--all', '--today', '2026-11-23'], root).stdout));
  });

  it('--format github prints workflow commands with file and line, anchor problems too, escaped as GitHub reads them', () => {
    const bad = note(root, '2026-11-02-broken.md', BROKEN);
    const odd = note(root, '2026-11-04-a,b:c%d.md', '---\ntitle: Odd\nkind: rant\n---\n\nBody.\n');
    const r = raw(['check', '--format', 'github'], root);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.includes(`::error file=${bad},line=8,title=learnings anchor-orphaned::anchor src/gone.ts%3A1-2 is orphaned%3A the code is gone`) === false, 'messages escape only %, CR and LF');
    assert.ok(lines.includes(`::error file=${bad},line=8,title=learnings anchor-orphaned::anchor src/gone.ts:1-2 is orphaned: the code is gone`), r.stdout);
    assert.ok(lines.includes(`::error file=${bad},line=3,title=learnings note-problem::topic "Not A Slug" is not a slug (lowercase letters, digits, "-", "/" for nesting)`), r.stdout);
    assert.ok(lines.includes(`::warning file=.learnings/notes/2026-11-04-a%2Cb%3Ac%25d.md,line=3,title=learnings note-problem::unknown kind "rant" (known: lesson, peer, retro, plan, win, idea, session); kept as written`), r.stdout);
    assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 4);
    assert.match(lines[lines.length - 1], /4 errors, 1 warning, 0 info$/);
    void odd;
  });

  it('--format sarif prints a SARIF 2.1.0 log in the shape GitHub code scanning accepts', () => {
    const bad = note(root, '2026-11-02-broken.md', BROKEN);
    const r = raw(['check', '--format', 'sarif'], root);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'learnings');
    assert.ok(driver.rules.length > 0 && driver.rules.every((rule: { id: string; shortDescription: { text: string } }) => rule.id && rule.shortDescription.text));
    const results = log.runs[0].results;
    assert.equal(results.length, 4);
    for (const result of results) {
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text);
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      const loc = result.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, bad);
      assert.ok(Number.isInteger(loc.region.startLine) && loc.region.startLine >= 1);
    }
    assert.deepEqual(results.map((x: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => x.locations[0].physicalLocation.region.startLine), [3, 4, 7, 8]);
    assert.equal(results[3].ruleId, 'anchor-orphaned');
  });

  it('the pre-commit hook runs as pre-commit runs it: its entry with the staged files that match', () => {
    const hooks = parseYaml(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string; pass_filenames?: boolean; language: string }>;
    const hook = hooks.find((h) => h.id === 'learnings-check')!;
    assert.equal(hook.language, 'node');
    assert.notEqual(hook.pass_filenames, false);
    // `learnings` on PATH, as the hook's node environment puts the package's bin there.
    const bin = path.join(root, '.bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'learnings'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(path.join(bin, 'learnings'), 0o755);
    const runHook = () => {
      const staged = git(root, 'diff', '--cached', '--name-only').split('\n').filter(Boolean);
      const files = staged.filter((f) => new RegExp(hook.files).test(f));
      const [cmd, ...args] = hook.entry.split(' ');
      const r = spawnSync(cmd, [...args, ...files], { cwd: root, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
      return { code: r.status, files, stdout: r.stdout, stderr: r.stderr };
    };
    // A good note staged with a source file: the hook passes and checks the note only.
    assert.equal(raw(['new', '--title', 'Second lesson', '--anchor', 'src/x.ts:6-6'], root).code, 0);
    writeFileSync(path.join(root, 'src/y.ts'), 'y\n');
    git(root, 'add', '-A');
    const ok = runHook();
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.files.length, 1);
    assert.match(ok.stdout, /^1 note, 1 anchor: 1 fresh/);
    git(root, 'commit', '-qm', 'second');
    // A broken note staged: the hook fails naming it.
    const bad = note(root, '2026-11-02-broken.md', BROKEN);
    git(root, 'add', bad);
    const failed = runHook();
    assert.equal(failed.code, 1);
    assert.ok(failed.stderr.startsWith(`${bad}:3: error:`), failed.stderr);
  });

  it('the npm package holds what the CLI runs, with a prepack build and no runtime dependencies to install', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(pkg.bin.learnings, 'dist/cli.js');
    assert.match(pkg.scripts.prepack, /build\.mjs --production/);
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), [], 'dist/cli.js is one bundle: nothing to install at run time');
    // The scripts are skipped: prepack would rebuild dist/ under the running tests.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' }))[0];
    const files = packed.files.map((f: { path: string }) => f.path).sort();
    assert.ok(files.includes('dist/cli.js'));
    assert.ok(files.includes('schema/check.schema.json'));
    assert.deepEqual(files.filter((f: string) => /^(src|test|out|media\/screenshots)\/|\.map$/.test(f)), []);
  });
});
