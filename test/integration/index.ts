// The tests module VS Code loads in the extension host (extensionTestsPath):
// runs every *.test.js next to this file with mocha (bdd: describe/it), prints
// a line per test, and writes a JSON summary {passed, failed, failures} to the
// file named by TEAM_LEARNINGS_TEST_RESULT, the channel the runner trusts.
// TL_GREP (a regular expression) filters tests by their full title.
// TL_PASS says which workspace the runner opened: `trusted` (the default)
// runs every suite but `*.restricted.test.js`; `restricted` (the folder in
// Restricted Mode) runs only those; `multiroot` (two folders) `*.multiroot.test.js`.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface TestSummary {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

function testFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...testFiles(full));
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

/** The suites for the workspace the runner opened (see TL_PASS above). */
function suitesForPass(files: string[]): string[] {
  const restricted = process.env.TL_PASS === 'restricted';
  // `multiroot`: a .code-workspace with two folders runs only `*.multiroot.test.js`.
  const multiRoot = process.env.TL_PASS === 'multiroot';
  return files.filter((f) => f.endsWith('.multiroot.test.js') === multiRoot && (multiRoot || f.endsWith('.restricted.test.js') === restricted));
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function writeSummary(summary: TestSummary): void {
  const file = process.env.TEAM_LEARNINGS_TEST_RESULT;
  if (!file) return;
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(summary, null, 2));
  fs.renameSync(partial, file); // whole or absent: the runner polls for it
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.TL_TEST_TIMEOUT) || 20_000,
    grep: process.env.TL_GREP ? new RegExp(process.env.TL_GREP) : undefined,
  });
  const summary: TestSummary = { passed: 0, failed: 0, pending: 0, failures: [] };
  try {
    for (const file of suitesForPass(testFiles(__dirname))) mocha.addFile(file);
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => summary.passed++);
      runner.on('pending', () => summary.pending++);
      runner.on('fail', (test, error) => {
        summary.failed++;
        summary.failures.push({ title: test.fullTitle(), error: describeError(error) });
      });
    });
  } catch (error) {
    // A test file that does not load (a throw at top level, a missing module).
    summary.failed++;
    summary.failures.push({ title: 'loading the test files', error: describeError(error) });
    console.error(`Could not load the tests: ${describeError(error)}`);
  }
  writeSummary(summary);
  if (summary.failed > 0) throw new Error(`${summary.failed} test(s) failed`);
}
