// The corpus of bad and hostile notes (test/fixtures/bad-notes): a fresh copy
// in a temporary folder, plus what cannot be committed (a 10 MB note, a note
// that is a symlink out of the workspace, a folder symlinked out of it).

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

export const FIXTURE = path.resolve(REPO_ROOT, 'test/fixtures/bad-notes');

export interface ExpectedCase {
  file: string;
  case: string;
  severity: 'error' | 'warning' | null;
  line?: number;
  /** A regular expression the message matches. */
  message?: string;
  indexed: boolean;
  /** Made by the test setup: see `makeCorpus`. */
  make?: '10 MB note' | 'note symlink out' | 'folder symlink out';
  /** `check`: the problem shows when anchors are resolved, not when the index loads. */
  stage?: 'check';
}

export interface Expected {
  good: string[];
  cases: ExpectedCase[];
}

export function loadExpected(): Expected {
  return JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as Expected;
}

/** Text that lives outside the workspace: no output may ever contain it. */
export const SECRET = 'TOP-SECRET-7f3a9c';

export interface Corpus {
  root: string;
  outside: string;
  cleanup(): void;
}

export function makeCorpus(): Corpus {
  const base = mkdtempSync(path.join(tmpdir(), 'learnings-bad-'));
  const root = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  cpSync(FIXTURE, root, { recursive: true });
  rmSync(path.join(root, 'expected.json'));
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.txt'), `${SECRET} the secret\n`);
  writeFileSync(path.join(outside, 'note.md'), `---\ntitle: ${SECRET} title\ntopics: [secret]\n---\n${SECRET} body\n`);
  for (const c of loadExpected().cases) {
    const target = path.join(root, ...c.file.split('/'));
    if (c.make === '10 MB note') writeFileSync(target, `---\ntitle: A ten megabyte note\n---\n${'All work and no play. '.repeat(Math.ceil((10 * 1024 * 1024) / 22))}`);
    if (c.make === 'note symlink out') symlinkSync(path.join(outside, 'note.md'), target);
    if (c.make === 'folder symlink out') symlinkSync(outside, path.join(root, 'src', 'outside'), 'dir');
  }
  return { root, outside, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

export function formatCase(c: ExpectedCase): string {
  return `${c.file} (${c.case})`;
}
