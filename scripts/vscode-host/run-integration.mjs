// `npm run test:integration`: the mocha suites of test/integration/ inside a
// real VS Code (code-server + headless Chromium), on a fresh git copy of the
// demo workspace, in two passes: a trusted workspace runs every suite but
// `*.restricted.test.ts`; then the folder opened in Restricted Mode runs
// those. Exits 0 only when every test passed; the last line sums both passes.
//
// Options (flag or environment variable):
//   --grep REGEXP      TL_GREP       only the tests whose full title matches
//   --workspace DIR    TL_WORKSPACE  another fixture folder (copied first)
//   --pass NAME        TL_PASS       trusted, restricted, multiroot or all (default all)
//   --trust            TL_TRUST=1    only the restricted pass (TL_TRUST=0: only the trusted one)
//   --no-git           TL_GIT=0      the copy is not made a git repo
//   --timeout SECONDS  TL_TIMEOUT    the whole run, from server start (default 180)
//   --no-build         TL_NO_BUILD=1 skip `npm run build`
//   --verbose          TL_VERBOSE=1  also the server's output and the workbench's log
// The server's environment (so the extension host's) is this process's:
// any other variable set on the command line reaches the tests.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  DEMO_WORKSPACE, REPO_ROOT, HostError, build, createScope, ensureCodeServer, prepareWorkspace, startServer, launchBrowser,
  newPage, gotoWorkbench, workbenchUrl, saveScreenshot, runMain, sleep,
} from './host.mjs';

export const TESTS_MODULE = join(REPO_ROOT, 'out/test/integration/index.js');
export const RESULT_ENV = 'TEAM_LEARNINGS_TEST_RESULT';

// Lines the workbench itself logs through codeAutomationLog, not the tests'.
const WORKBENCH_NOISE = [
  /^Resolv(?:ing|ed) connection token/,
  /^Creating a socket \(/,
  /^\[Service Worker\]/,
  /additional builtin extensions/,
  /^ChatSessionStore:/,
  /^\[driver\]/,
  /^Ignoring the error while validating workspace folder/,
  /^Long running operations during shutdown/,
];

export function isWorkbenchNoise(text) {
  return WORKBENCH_NOISE.some((pattern) => pattern.test(text));
}

function readSummary(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Runs the tests module in a fresh server and browser; everything started is
 * released when `scope` closes. Resolves to
 * { code, summary?, reason?, screenshot?, seconds } and never throws for a test failure.
 */
export async function runIntegration(scope, {
  workspace = DEMO_WORKSPACE, testsPath = TESTS_MODULE, grep, trust = false, git = true, env = {},
  timeoutMs = 180_000, doBuild = true, verbose = false, print = (line) => console.log(line), allowEmpty = false,
  workspaceFile,
} = {}) {
  if (doBuild) build();
  await ensureCodeServer();
  if (!existsSync(testsPath)) throw new HostError(`tests module not found: ${testsPath} (did the build run?)`);

  const started = Date.now();
  const folder = prepareWorkspace(workspace, scope, { git });
  const resultDir = mkdtempSync(join(tmpdir(), 'tl-result-'));
  scope.defer(() => rmSync(resultDir, { recursive: true, force: true }));
  const resultFile = join(resultDir, 'result.json');

  let finish;
  let hostCrash;
  let exitSignalled;
  const exitSignal = new Promise((resolve) => (exitSignalled = resolve));
  const outcome = new Promise((resolve) => (finish = resolve));
  const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
  scope.defer(() => clearTimeout(timer));

  const server = await startServer({
    workspace: folder,
    scope,
    trust,
    env: { [RESULT_ENV]: resultFile, ...(grep ? { TL_GREP: grep } : {}), ...env },
    onLine: (line) => {
      if (verbose) print(`[server] ${line}`);
      // A crashed extension host never reports: say so instead of waiting for the time-out.
      const crashed = /Extension Host Process exited with code: (\d+|null), signal: (\w+)/.exec(line);
      if (crashed && (crashed[1] !== '0' || crashed[2] !== 'null')) {
        hostCrash = `the extension host crashed (${line.replace(/^.*Extension Host Process /, '').replace(/\.$/, '')})`;
        setTimeout(() => finish({ kind: 'crash', reason: hostCrash }), 2000);
      }
    },
  });
  server.exit.then((code) => finish({ kind: 'crash', reason: `code-server exited (${code}) during the run` }));

  const browser = await launchBrowser(scope);
  const page = await newPage(browser, {
    onLog: (type, text) => {
      if (verbose || !isWorkbenchNoise(text)) print(text.replace(/\s+$/, ''));
    },
    onExit: (code) => {
      exitSignalled();
      finish({ kind: 'exit', code });
    },
    onCrash: (error) => finish({ kind: 'crash', reason: error.message }),
  });
  if (verbose) page.on('console', (message) => print(`[workbench ${message.type()}] ${message.text()}`));
  // A multi-root workspace opens its .code-workspace file (relative to the copied folder).
  const target = workspaceFile ? { workspace: join(folder, workspaceFile) } : { folder };
  gotoWorkbench(page, workbenchUrl(server, { ...target, extensionTestsPath: testsPath }), { timeoutMs })
    .catch((error) => finish({ kind: 'crash', reason: `the workbench did not load: ${error.message}` }));

  // The sturdier channel: the summary file may arrive before (or without) codeAutomationExit.
  const poll = setInterval(() => {
    if (existsSync(resultFile)) finish({ kind: 'result' });
  }, 250);
  scope.defer(() => clearInterval(poll));

  const result = await outcome;
  clearInterval(poll);
  clearTimeout(timer);
  if (scope.closing) return { code: 130, seconds: (Date.now() - started) / 1000, reason: 'stopped' };
  // Let the exit signal and the last lines of output arrive after the summary.
  if (result.kind === 'result') await Promise.race([exitSignal, sleep(3000)]);
  const seconds = (Date.now() - started) / 1000;
  if (result.kind === 'exit' && !existsSync(resultFile)) await sleep(1000);
  const summary = readSummary(resultFile);

  if (result.kind === 'timeout') {
    const screenshot = await saveScreenshot(page, 'integration-timeout');
    return { code: 3, summary, seconds, reason: `timed out after ${timeoutMs / 1000} s`, screenshot };
  }
  if (!summary) {
    // Note: when the extension host dies, the workbench reports exit code 0.
    const reason = result.kind === 'crash' ? result.reason : hostCrash ?? `the tests ended (exit code ${result.code}) without writing a result: did the tests module load?`;
    const screenshot = await saveScreenshot(page, 'integration-crash');
    return { code: 2, seconds, reason, screenshot };
  }
  if (summary.passed + summary.failed === 0) {
    if (allowEmpty) return { code: 0, summary, seconds, empty: true };
    return { code: 1, summary, seconds, reason: grep ? `no test matches "${grep}"` : 'no tests ran' };
  }
  return { code: summary.failed === 0 ? 0 : 1, summary, seconds };
}

function options() {
  const { values } = parseArgs({
    options: {
      grep: { type: 'string' },
      workspace: { type: 'string' },
      trust: { type: 'boolean' },
      pass: { type: 'string' },
      'no-git': { type: 'boolean' },
      timeout: { type: 'string' },
      'no-build': { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  const env = process.env;
  const flag = (name) => env[name] !== undefined && env[name] !== '' && env[name] !== '0' && env[name] !== 'false';
  return {
    grep: values.grep ?? (env.TL_GREP || undefined),
    workspace: values.workspace ?? (env.TL_WORKSPACE || DEMO_WORKSPACE),
    pass: passesOf(values.pass ?? (env.TL_PASS || undefined), values.trust ? '1' : env.TL_TRUST),
    git: !(values['no-git'] ?? (env.TL_GIT === '0' || env.TL_GIT === 'false')),
    timeoutMs: Number(values.timeout ?? env.TL_TIMEOUT ?? 180) * 1000,
    doBuild: !(values['no-build'] ?? flag('TL_NO_BUILD')),
    verbose: values.verbose ?? flag('TL_VERBOSE'),
  };
}

/** Which passes to run: --pass / TL_PASS, else TL_TRUST (1: restricted only, 0: trusted only), else both. */
function passesOf(pass, trust) {
  if (pass !== undefined) {
    if (pass === 'all') return ['trusted', 'restricted', 'multiroot'];
    if (pass === 'trusted' || pass === 'restricted' || pass === 'multiroot') return [pass];
    throw new HostError(`--pass must be trusted, restricted, multiroot or all, not "${pass}"`);
  }
  if (trust !== undefined && trust !== '') return trust === '0' || trust === 'false' ? ['trusted'] : ['restricted'];
  return ['trusted', 'restricted', 'multiroot'];
}

/** The multi-root pass: two folders with notes, opened through their .code-workspace file. */
export const MULTI_ROOT_WORKSPACE = join(REPO_ROOT, 'test/fixtures/multi-root');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runMain(async (scope) => {
    const { pass: passes, doBuild, ...opts } = options();
    const total = { passed: 0, failed: 0 };
    let code = 0;
    let ran = 0;
    for (const [i, pass] of passes.entries()) {
      // Each pass in its own server and browser, released before the next starts.
      const passScope = createScope();
      scope.defer(() => passScope.close());
      if (passes.length > 1) console.log(`\n── ${pass === 'restricted' ? 'Restricted Mode (untrusted workspace)' : pass === 'multiroot' ? 'multi-root workspace (two folders)' : 'trusted workspace'} ──`);
      const result = await runIntegration(passScope, {
        ...opts,
        ...(pass === 'multiroot' ? { workspace: MULTI_ROOT_WORKSPACE, workspaceFile: 'team.code-workspace' } : {}),
        trust: pass === 'restricted',
        env: { TL_PASS: pass },
        doBuild: doBuild && i === 0,
        // With --grep, a pass may have no matching test; only both empty is a failure.
        allowEmpty: passes.length > 1 && opts.grep !== undefined,
      });
      await passScope.close();
      if (scope.closing) return result.code;
      const { summary } = result;
      if (summary?.failures?.length) {
        console.log('\nFailures:');
        for (const failure of summary.failures) console.log(`  ✘ ${failure.title}: ${failure.error.split('\n')[0]}`);
      }
      if (result.reason) console.error(`\nintegration: ${result.reason}`);
      if (result.screenshot) console.error(`screenshot: ${relative(process.cwd(), result.screenshot)}`);
      console.log(`\nintegration tests in VS Code${passes.length > 1 ? ` (${pass})` : ''}: ${result.seconds.toFixed(1)} s${result.empty ? ', no test matched' : ''}`);
      total.passed += summary?.passed ?? 0;
      total.failed += summary?.failed ?? 0;
      if (!result.empty) ran++;
      code = Math.max(code, result.code);
    }
    if (ran === 0 && code === 0) {
      console.error(`\nintegration: no test matches "${opts.grep}"`);
      code = 1;
    }
    console.log(`${total.passed} passed, ${total.failed} failed`);
    return code;
  });
}
