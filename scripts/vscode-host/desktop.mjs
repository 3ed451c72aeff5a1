// `npm run test:desktop`: the same integration suites in a desktop VS Code,
// downloaded by @vscode/test-electron (into .vscode-test/). Needs internet
// access to update.code.visualstudio.com and a display (on a headless Linux
// machine: `xvfb-run -a npm run test:desktop`). Where neither is available,
// `npm run test:integration` runs the same suites in code-server.
//
// Environment: VSCODE_VERSION (default: what test-electron infers from
// engines.vscode), VSCODE_EXECUTABLE (a VS Code already on disk: no download),
// TL_GREP, TL_WORKSPACE, TL_NO_BUILD as for test:integration.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { DEMO_WORKSPACE, REPO_ROOT, HostError, build, prepareWorkspace, runMain } from './host.mjs';
import { TESTS_MODULE, RESULT_ENV } from './run-integration.mjs';

const OFFLINE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function isOffline(error) {
  for (let e = error; e; e = e.cause) {
    if (OFFLINE.has(e.code) || /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|timed? ?out|getaddrinfo|fetch failed/i.test(String(e.message))) return true;
  }
  return false;
}

async function vscodeExecutable() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  try {
    return await downloadAndUnzipVSCode({ version: process.env.VSCODE_VERSION, cachePath: join(REPO_ROOT, '.vscode-test'), timeout: 15_000, extensionDevelopmentPath: REPO_ROOT });
  } catch (error) {
    if (isOffline(error)) {
      throw new HostError(
        `test:desktop: cannot download VS Code (no internet access to update.code.visualstudio.com: ${error.code ?? error.message}).\n` +
        'Run the same suites offline with `npm run test:integration`, or set VSCODE_EXECUTABLE to a VS Code on disk.',
      );
    }
    throw error;
  }
}

await runMain(async (scope) => {
  if (!process.env.TL_NO_BUILD) build();
  const executable = await vscodeExecutable();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new HostError('test:desktop: no display (DISPLAY is not set); run it as `xvfb-run -a npm run test:desktop`');
  }
  const workspace = prepareWorkspace(process.env.TL_WORKSPACE || DEMO_WORKSPACE, scope);
  const resultDir = mkdtempSync(join(tmpdir(), 'tl-result-'));
  scope.defer(() => rmSync(resultDir, { recursive: true, force: true }));
  const resultFile = join(resultDir, 'result.json');

  let code = 0;
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_MODULE,
      extensionTestsEnv: { [RESULT_ENV]: resultFile, ...(process.env.TL_GREP ? { TL_GREP: process.env.TL_GREP } : {}) },
      // test-electron adds --disable-workspace-trust, --skip-welcome and a profile under .vscode-test/.
      launchArgs: [workspace, '--disable-extensions'],
    });
  } catch (error) {
    if (!(error instanceof TestRunFailedError)) throw error;
    code = 1;
  }
  const summary = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  if (!summary) {
    console.error('test:desktop: the tests wrote no result (did VS Code start, and the tests module load?)');
    return 2;
  }
  console.log(`\n${summary.passed} passed, ${summary.failed} failed`);
  return summary.failed === 0 && summary.passed > 0 && code === 0 ? 0 : 1;
});
