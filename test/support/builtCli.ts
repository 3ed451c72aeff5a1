// Shared by the CLI suites: run the built `dist/cli.js`, and make a
// temporary workspace from a map of files.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

export const CLI = path.resolve(REPO_ROOT, 'dist/cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `learnings --root ROOT ...args`, with `input` on stdin (empty by default). */
export function runCli(root: string, args: string[], input = ''): CliResult {
  const r = spawnSync(process.execPath, [CLI, '--root', root, ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function learnings(root: string, ...args: string[]): CliResult {
  return runCli(root, args);
}

export function workspace(files: Record<string, string>, prefix = 'learnings-cli-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}
