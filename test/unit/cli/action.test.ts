// The GitHub Action (action.yml) as a workflow runs it: its inputs, with their
// defaults, reach the check step's script, which is run here with bash on a
// temporary git workspace with the notes committed, against the built CLI.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../../support/paths';
import { CLI, workspace } from '../../support/builtCli';

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parseYaml(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const checkStep = action.runs.steps.find((s) => s.name === 'learnings check');

/** The step's environment for these inputs (the defaults for the rest), as the runner expands `${{ inputs.x }}`. */
function stepEnv(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(checkStep?.env ?? {})) {
    env[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '');
  }
  return env;
}

/** Runs the check step's script in `cwd` (the repository checkout), the action's own folder holding the built CLI. */
function runStep(cwd: string, inputs: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-e', '-c', checkStep!.run!], { cwd, encoding: 'utf8', env: { ...process.env, ...stepEnv(inputs), GITHUB_ACTION_PATH: REPO_ROOT } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Kari', '-c', 'user.email=k@example.com', ...args], { cwd: root, encoding: 'utf8' });
}

const SRC = 'export function handle(evt) {\n  if (seen(evt.id)) return;\n  apply(evt);\n}\n';

/** A repository with one note anchored to its code, committed. */
function repo(): string {
  const root = workspace({ 'src/x.ts': SRC });
  git(root, 'init', '-q');
  const made = spawnSync(process.execPath, [CLI, '--root', root, 'new', '--title', 'Handle webhooks once', '--topic', 'payments', '--anchor', 'src/x.ts:1-4', '--author', 'Kari'], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'a lesson');
  return root;
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(60_000);

  it('is a composite action whose check step reads every input it declares', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(checkStep?.run, 'a step named "learnings check" with a script');
    const used = new Set(Object.values(checkStep.env ?? {}).flatMap((v) => [...v.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1])));
    assert.deepEqual([...used].sort(), Object.keys(action.inputs).sort());
    assert.equal(action.inputs.format.default, 'github');
  });

  it('passes on good notes, and with the defaults annotates a note whose code is gone and fails', () => {
    const root = repo();
    assert.equal(runStep(root).code, 0);
    writeFileSync(path.join(root, 'src/x.ts'), 'export const unrelated = 1;\n');
    git(root, 'commit', '-qam', 'the code is gone');
    const r = runStep(root);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout + r.stderr, /^::error file=\.learnings\/notes\/[^,]+\.md,line=\d+,title=learnings anchor-orphaned::anchor src\/x\.ts:1-4 is orphaned/m);
  });

  it('strict: true fails on a drifted anchor that passes without it', () => {
    const root = repo();
    writeFileSync(path.join(root, 'src/x.ts'), SRC.replace('apply(evt);', 'apply(evt, { once: true });'));
    git(root, 'commit', '-qam', 'edited');
    assert.equal(runStep(root).code, 0);
    assert.equal(runStep(root, { strict: 'true' }).code, 1);
  });

  it('format: sarif writes the log to sarif-file, under a root and folder given as inputs', () => {
    const outer = workspace({});
    const root = repo();
    execFileSync('mv', [root, path.join(outer, 'app')]);
    const r = runStep(outer, { root: 'app', folder: '.learnings', format: 'sarif', 'sarif-file': 'out.sarif' });
    assert.equal(r.code, 0, r.stderr);
    const file = path.join(outer, 'out.sarif');
    assert.ok(existsSync(file), 'the SARIF log was written');
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version, '2.1.0');
  });
});
