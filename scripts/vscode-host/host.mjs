// Building blocks for running the extension in a real VS Code with no
// download: code-server (installed on demand) and headless Debian Chromium
// driven by playwright-core. Used by the integration tests, the UI
// screenshots, `npm start`, and later benchmarks (see VSCODE-HOST.md).
//
//   const scope = createScope();
//   const workspace = prepareWorkspace(DEMO_WORKSPACE, scope);
//   const server = await startServer({ workspace, scope });
//   const browser = await launchBrowser(scope);
//   const page = await openWorkbench(browser, workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: REPO_ROOT }));
//   ...
//   await scope.close();   // stops the server's process group, closes the browser, removes temp folders
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureCodeServer, MissingPrerequisite, CHROMIUM_PATH, REPO_ROOT } from './install.mjs';

export { REPO_ROOT, ensureCodeServer, MissingPrerequisite };
export const DEMO_WORKSPACE = join(REPO_ROOT, 'test/fixtures/demo-workspace');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

// ---------------------------------------------------------------------------
// Cleanup: everything started is registered in a scope and released in
// reverse order, on success, failure, exception, SIGINT and SIGTERM.

/**
 * A stack of cleanups. `defer(fn)` registers one; `close()` runs them all,
 * once; `closing` tells a script that it is being stopped (e.g. by Ctrl+C).
 */
export function createScope() {
  const cleanups = [];
  let closing;
  return {
    get closing() {
      return closing !== undefined;
    },
    defer(fn) {
      cleanups.push(fn);
      return fn;
    },
    close() {
      closing ??= (async () => {
        while (cleanups.length) {
          const fn = cleanups.pop();
          try {
            await fn();
          } catch (error) {
            console.error(`cleanup failed: ${error?.message ?? error}`);
          }
        }
      })();
      return closing;
    },
  };
}

/**
 * Runs a script's main(scope): closes the scope on the way out (also on
 * SIGINT/SIGTERM and on an exception) and exits with main's number.
 * A missing Debian package is reported as its one-line message.
 * `stopCode`: the exit code after a signal (default 128 + its number).
 */
export async function runMain(main, { stopCode } = {}) {
  const scope = createScope();
  let signalled = false;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      if (signalled) return;
      signalled = true;
      console.error(`\n${signal}: stopping...`);
      scope.close().finally(() => process.exit(stopCode ?? code));
    });
  }
  let code;
  try {
    code = await main(scope);
  } catch (error) {
    if (error instanceof MissingPrerequisite || error instanceof HostError) console.error(error.message);
    else console.error(error);
    code = 2;
  }
  await scope.close();
  if (!signalled) process.exit(code ?? 0);
}

/** An error whose message is the whole story (no stack trace needed). */
export class HostError extends Error {}

// ---------------------------------------------------------------------------
// Build, ports, workspace

/** `npm run build` in the repo; throws when it fails. */
export function build() {
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new HostError(`npm run build failed (exit ${result.status ?? result.signal})`);
}

function listenOnce(host, port) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      const { port: actual } = server.address();
      server.close(() => resolvePromise(actual));
    });
  });
}

/** `preferred` when it is free on `host`, otherwise any free port. */
export async function freePort(host = '127.0.0.1', preferred = 0) {
  if (preferred) {
    try {
      return await listenOnce(host, preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return listenOnce(host, 0);
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Team Learnings Tests',
  GIT_AUTHOR_EMAIL: 'tests@team-learnings.invalid',
  GIT_AUTHOR_DATE: '2026-01-05T09:00:00Z',
  GIT_COMMITTER_NAME: 'Team Learnings Tests',
  GIT_COMMITTER_EMAIL: 'tests@team-learnings.invalid',
  GIT_COMMITTER_DATE: '2026-01-05T09:00:00Z',
  GIT_CONFIG_GLOBAL: '/dev/null', // the user's hooks, signing and templates stay out
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd, ...args) {
  const result = spawnSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  if (result.status !== 0) throw new HostError(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr || result.error}`);
}

/**
 * Copies a fixture workspace into a fresh temp folder (same folder name) and,
 * unless `git: false`, makes it a git repo on `main` with one commit.
 * The copy is removed when the scope closes. Returns its absolute path.
 */
export function prepareWorkspace(source, scope, { git: initGit = true } = {}) {
  source = resolve(source);
  if (!existsSync(source)) throw new HostError(`workspace not found: ${source}`);
  const parent = mkdtempSync(join(tmpdir(), 'tl-workspace-'));
  scope?.defer(() => rmSync(parent, { recursive: true, force: true }));
  const workspace = join(parent, basename(source));
  cpSync(source, workspace, { recursive: true, filter: (path) => basename(path) !== '.git' });
  if (initGit) {
    git(workspace, 'init', '-q', '-b', 'main');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '--no-verify', '-m', 'Demo workspace');
  }
  return workspace;
}

// ---------------------------------------------------------------------------
// The server

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * XDG folders and TMPDIR inside `dir`, so nothing is left in the home folder
 * or in /tmp (VS Code's git and IPC sockets, Chromium's singleton folder).
 */
function privateDirs(dir) {
  const env = { XDG_CONFIG_HOME: join(dir, 'xdg/config'), XDG_DATA_HOME: join(dir, 'xdg/data'), XDG_CACHE_HOME: join(dir, 'xdg/cache'), TMPDIR: join(dir, 'tmp') };
  mkdirSync(env.TMPDIR, { recursive: true });
  return env;
}

function serverEnv(dir, extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Started from a VS Code terminal, these would point the server at that VS Code.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    // code-server reads these itself: PORT would override --bind-addr, a
    // password would override --auth none, and a token has no business there.
    if (/^(PORT|PASSWORD|HASHED_PASSWORD|GITHUB_TOKEN|CODE_SERVER_.*|CS_.*)$/.test(key)) continue;
    env[key] = value;
  }
  // code-server writes logs to XDG_DATA_HOME, a device id to XDG_CACHE_HOME, sockets to TMPDIR.
  return { ...env, ...privateDirs(dir), EXTENSIONS_GALLERY: '{}', ...extra };
}

/**
 * Starts a throw-away code-server for `workspace`: a free port on `host`
 * (or `port` when free), fresh user-data and extensions folders.
 * Options: env (extra environment, inherited by the extension host),
 * trust (true: workspace trust enabled, so the folder opens restricted),
 * settings (extra user settings), onLine (called with each line the server prints),
 * userDataDir (a profile folder to use instead of a fresh one, e.g. for a second start),
 * extensionsDir (a folder of installed extensions instead of an empty one).
 * Returns { url, host, port, authority, pid, userDataDir, output(), stop() }; stop() also runs when the scope closes.
 */
export async function startServer(options = {}) {
  const { entry } = await ensureCodeServer({ browser: false });
  const { scope, trust = false, settings = {} } = options;
  const dir = mkdtempSync(join(tmpdir(), 'tl-server-'));
  scope?.defer(() => rmSync(dir, { recursive: true, force: true }));
  // `userDataDir`: kept by the caller across servers (a second start of the same VS Code profile).
  const userDataDir = options.userDataDir ?? join(dir, 'user');
  mkdirSync(join(userDataDir, 'User'), { recursive: true }); // or the IPC socket cannot be created
  mkdirSync(join(dir, 'extensions'));
  // `extensionsDir`: extensions installed beforehand (a packaged .vsix), instead of none.
  const extensionsDir = options.extensionsDir ?? join(dir, 'extensions');
  const trustSettings = trust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...SETTINGS, ...trustSettings, ...settings }, null, 2));
  options = { ...options, userDataDir };
  // A free port can be taken between the check and the server's bind: try another.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchServer(entry, dir, attempt === 1 ? options.port ?? 0 : 0, { ...options, extensionsDir });
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test(error.message)) throw error;
    }
  }
}

async function launchServer(entry, dir, port, { workspace, scope, host = '127.0.0.1', env = {}, trust = false, onLine, startTimeoutMs = 60_000, userDataDir, extensionsDir }) {
  const chosenPort = await freePort(host, port);
  writeFileSync(join(dir, 'config.yaml'), `bind-addr: ${host}:${chosenPort}\nauth: none\ncert: false\n`);

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `${host}:${chosenPort}`,
    '--config', join(dir, 'config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(trust ? [] : ['--disable-workspace-trust']),
    ...(workspace ? [resolve(workspace)] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv(dir, env) });
  let output = '';
  let exited = false;
  const exit = new Promise((resolvePromise) => child.on('exit', (code, signal) => {
    exited = true;
    resolvePromise(code ?? signal);
  }));
  const onData = (data) => {
    output = (output + data).slice(-20_000);
    if (onLine) for (const line of String(data).split('\n')) if (line.trim()) onLine(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const stop = async () => {
    if (child.pid === undefined) return;
    await killGroup(child.pid, () => exited);
  };
  scope?.defer(stop);

  await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new HostError(`code-server did not start within ${startTimeoutMs / 1000} s:\n${output}`)), startTimeoutMs);
    const check = () => {
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolvePromise();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('error', (error) => reject(new HostError(`code-server could not start: ${error.message}`)));
    exit.then((code) => {
      clearTimeout(timer);
      reject(new HostError(`code-server exited (${code}) before listening:\n${output}`));
    });
  });

  // The page's host:port must be exactly the payload's authority.
  const pageHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const authority = `${pageHost}:${chosenPort}`;
  return { url: `http://${authority}`, host, port: chosenPort, authority, pid: child.pid, exit, output: () => output, stop, userDataDir };
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** SIGTERM to the whole process group, SIGKILL after `graceMs`; waits until it is gone. */
export async function killGroup(pid, leaderExited = () => false, graceMs = 3000) {
  const signal = (name) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
  if (groupAlive(pid)) {
    signal('SIGKILL');
    const hard = Date.now() + 2000;
    while (groupAlive(pid) && Date.now() < hard) await sleep(50);
  }
  // The leader is our child: give Node a moment to reap it.
  const reap = Date.now() + 1000;
  while (!leaderExited() && Date.now() < reap) await sleep(20);
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------
// The browser and the workbench

/** Headless Debian Chromium (never a downloaded one); closed when the scope closes. */
export async function launchBrowser(scope) {
  if (!existsSync(CHROMIUM_PATH)) throw new MissingPrerequisite(`chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  const dir = mkdtempSync(join(tmpdir(), 'tl-browser-'));
  scope?.defer(() => rmSync(dir, { recursive: true, force: true }));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    env: { ...process.env, ...privateDirs(dir) }, // Debian's build keeps crash reports under XDG_CONFIG_HOME
    headless: true,
    // Playwright's own handlers would exit the process before our cleanup stops the server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  scope?.defer(() => browser.close());
  return browser;
}

/**
 * The workbench URL for `folder`, with the extension under development and,
 * when given, the tests module (both absolute paths inside the extension).
 */
/** `workspace`: a .code-workspace file (multi-root) instead of a folder; `extensionDevelopmentPath: null`: only installed extensions. */
export function workbenchUrl(server, { folder, workspace, extensionDevelopmentPath = REPO_ROOT, extensionTestsPath } = {}) {
  const remote = (path) => `vscode-remote://${server.authority}${resolve(path)}`;
  const payload = extensionDevelopmentPath ? [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]] : [];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(resolve(folder))}`);
  if (workspace) query.push(`workspace=${encodeURIComponent(resolve(workspace))}`);
  query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}/?${query.join('&')}`;
}

/**
 * A new page (viewport 1400x900 unless given). `onLog(type, text)` receives
 * the extension host's console output (codeAutomationLog), `onExit(code)` the
 * tests' result (codeAutomationExit), `onCrash(error)` a renderer crash; they
 * are exposed before any navigation, as they must be.
 */
export async function newPage(browser, { onLog, onExit, onCrash, viewport = { width: 1400, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.exposeFunction('codeAutomationLog', (type, args) => onLog?.(type, format(...(Array.isArray(args) ? args : [args]))));
  await page.exposeFunction('codeAutomationExit', (code) => onExit?.(code));
  page.on('crash', () => onCrash?.(new HostError('the workbench page crashed')));
  return page;
}

/** Navigates `page` to a workbench URL and waits until the workbench is on screen. */
export async function gotoWorkbench(page, url, { timeoutMs = 60_000 } = {}) {
  await page.goto(url, { timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
  return page;
}

/** newPage + gotoWorkbench. */
export async function openWorkbench(browser, url, options = {}) {
  return gotoWorkbench(await newPage(browser, options), url, options);
}

/** Saves a full-page screenshot under test-results/; returns its path (or undefined). */
export async function saveScreenshot(page, name) {
  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const path = join(RESULTS_DIR, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    await page.screenshot({ path, timeout: 10_000 });
    return path;
  } catch (error) {
    console.error(`could not save a screenshot: ${error.message}`);
    return undefined;
  }
}

/** The index cache files Team Learnings wrote into a VS Code profile's workspace storage (the warm start). */
export function indexCacheFiles(userDataDir) {
  const storage = join(userDataDir, 'User/workspaceStorage');
  if (!existsSync(storage)) return [];
  return readdirSync(storage).flatMap((ws) => {
    const own = join(storage, ws, 'team-learnings.team-learnings');
    return existsSync(own) ? readdirSync(own).filter((f) => /^index-[0-9a-f]+\.json$/.test(f)).map((f) => join(own, f)) : [];
  });
}
