// `npm start`: first the set-up a fresh clone needs (scripts/setup.mjs: `npm ci`
// when node_modules is missing or stale, Debian packages), then builds, shows the `learnings` command line on the demo
// workspace, then opens the extension in a real VS Code on a fresh git copy of
// that workspace:
// - the desktop `code` (with --extensionDevelopmentPath) when it is on PATH
//   and a display is available; it runs until that window is closed;
// - otherwise code-server, at a printed URL, until Ctrl+C.
// Environment: PORT (default 8080, or a free one when taken), HOST (default
// 127.0.0.1), TL_WORKSPACE (another folder), TL_CODE_SERVER=1 (code-server
// even when `code` is there), TL_VERBOSE=1 (the server's output), TL_NO_BUILD=1,
// TL_CACHE_DIR (where code-server is installed, see install.mjs).
// Until the set-up is done this file imports nothing from node_modules.
import { spawn, spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { which } from './install.mjs';
import { setUp, SetupError } from '../setup.mjs';

try {
  setUp('start');
} catch (error) {
  console.error(error instanceof SetupError ? error.message : error);
  process.exit(1);
}
const {
  DEMO_WORKSPACE, REPO_ROOT, HostError, build, ensureCodeServer, prepareWorkspace, startServer, workbenchUrl, runMain,
} = await import('./host.mjs');

function showCli(workspace) {
  const cli = join(REPO_ROOT, 'dist/cli.js');
  for (const command of ['topics', 'list']) {
    console.log(`\n$ learnings --root ${workspace} ${command}`);
    const result = spawnSync(process.execPath, [cli, '--root', workspace, command], { stdio: 'inherit', timeout: 30_000 });
    if (result.status !== 0) console.log(`(learnings ${command} exited with ${result.status ?? result.signal ?? result.error?.message})`);
  }
}

/** The desktop VS Code's `code`, if it is on PATH, is not code-server, and can open a window. */
function desktopCode() {
  if (process.env.TL_CODE_SERVER && process.env.TL_CODE_SERVER !== '0') return undefined;
  const code = which('code');
  if (!code) return undefined;
  if (realpathSync(code).includes('code-server')) return undefined;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return undefined;
  const version = spawnSync(code, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  const first = (version.stdout ?? '').split('\n')[0].trim();
  // Desktop: "1.100.3"; code-server: "4.100.3 <hash> with Code 1.100.3".
  return version.status === 0 && /^1\.\d+\.\d+$/.test(first) ? code : undefined;
}

async function openDesktop(code, workspace) {
  console.log(`\nOpening VS Code: ${code} --extensionDevelopmentPath=${REPO_ROOT} ${workspace}`);
  console.log('Close the window (or press Ctrl+C here) to stop.');
  const child = spawn(code, ['--new-window', '--wait', `--extensionDevelopmentPath=${REPO_ROOT}`, workspace], { stdio: 'inherit' });
  const exit = await new Promise((resolve) => child.on('exit', (status) => resolve(status ?? 1)));
  return exit;
}

async function openInBrowser(scope, workspace) {
  const host = process.env.HOST || '127.0.0.1';
  const wanted = Number(process.env.PORT) || 8080;
  await ensureCodeServer({ browser: false });
  const server = await startServer({
    workspace,
    scope,
    host,
    port: wanted,
    onLine: process.env.TL_VERBOSE ? (line) => console.log(`[server] ${line}`) : undefined,
  });
  if (server.port !== wanted) console.log(`\nPort ${wanted} is taken: using ${server.port}.`);
  if (!/^(127\.|localhost$|::1$)/.test(host)) {
    console.log(`\nWarning: bound to ${host} without authentication: anyone who can reach port ${server.port} gets this VS Code, terminal included.`);
  }
  const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: REPO_ROOT });
  console.log(`\nTeam Learnings in VS Code (code-server ${server.url}) on ${workspace}\nOpen:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  const code = await server.exit;
  if (scope.closing) return 0;
  throw new HostError(`code-server stopped (${code}):\n${server.output()}`);
}

await runMain(async (scope) => {
  if (!process.env.TL_NO_BUILD) build();
  const workspace = prepareWorkspace(process.env.TL_WORKSPACE || DEMO_WORKSPACE, scope);
  showCli(workspace);
  const code = desktopCode();
  return code ? openDesktop(code, workspace) : openInBrowser(scope, workspace);
}, { stopCode: 0 }); // Ctrl+C is how this one ends
