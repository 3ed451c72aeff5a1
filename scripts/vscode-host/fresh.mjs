// `npm run test:fresh` (the last step of `npm test`): what a new user does on a
// fresh machine. Clones this repository's HEAD (committed work only) into a
// temporary folder, with no node_modules, and runs `npm start` there with a
// PATH that has no ripgrep, until it prints the workbench URL; checks that the
// URL serves the workbench (HTTP 200); then presses Ctrl+C (SIGINT to the
// process group, as a terminal does) and checks that nothing it started is
// left running: no process of its tree (npm, node, code-server and its
// children), no process group, no process whose folder or command line is in
// the clone.
// Fast where that is honest: `npm ci` in the clone really runs, with the
// shared npm cache (prefer-offline), and code-server comes from this
// checkout's install (TL_CACHE_DIR), which `npm test` has made by now.
// Options: TL_FRESH_TIMEOUT (seconds until the URL, default 300), TL_VERBOSE=1 (all of npm start's output),
// TL_FRESH_CACHE_DIR (another code-server cache; an empty folder makes the clone install code-server).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve, sep } from 'node:path';
import { CACHE_DIR, REPO_ROOT, codeServerPaths, isCodeServerInstalled } from './install.mjs';
import { HostError, freePort, killGroup, runMain, sleep } from './host.mjs';

function git(cwd, ...args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  if (result.status !== 0) throw new HostError(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr || result.error}`);
  return result.stdout.trim();
}

/** A folder of links to every program on PATH but `rg`: a machine without ripgrep. */
function pathWithout(dir, excluded) {
  mkdirSync(dir, { recursive: true });
  const seen = new Set(excluded);
  for (const entry of (process.env.PATH || '').split(delimiter)) {
    if (!entry || !existsSync(entry)) continue;
    let names;
    try {
      names = readdirSync(entry);
    } catch {
      continue;
    }
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      symlinkSync(join(resolve(entry), name), join(dir, name));
    }
  }
  return dir;
}

/** The environment of a user's shell: none of what `npm run` or VS Code set for this process. */
function userEnv(extra) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|INIT_CWD$|VSCODE_|ELECTRON_RUN_AS_NODE$|TL_|PORT$|HOST$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Every process on the machine: pid -> { ppid, pgid, start, cmd, cwd }. */
function processes() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp session ... field 22 is the start time.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      let cwd = '';
      try {
        cwd = readlinkSync(`/proc/${name}/cwd`);
      } catch {
        // another user's process
      }
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      table.set(Number(name), { ppid: Number(fields[1]), pgid: Number(fields[2]), start: fields[19], cmd, cwd });
    } catch {
      // gone while reading
    }
  }
  return table;
}

/** `pid` and all its descendants, as { pid, pgid, start, cmd }. */
function tree(pid) {
  const table = processes();
  const found = [];
  const queue = [pid];
  while (queue.length) {
    const current = queue.shift();
    const info = table.get(current);
    if (!info) continue;
    found.push({ pid: current, ...info });
    for (const [child, childInfo] of table) if (childInfo.ppid === current) queue.push(child);
  }
  return found;
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** What is still running of `recorded`, or in `folder`. */
function leftovers(recorded, folder) {
  const table = processes();
  const left = [];
  for (const proc of recorded) {
    const now = table.get(proc.pid);
    if (now && now.start === proc.start) left.push(`pid ${proc.pid}: ${proc.cmd}`);
  }
  for (const pgid of new Set(recorded.map((p) => p.pgid))) {
    if (groupAlive(pgid)) left.push(`process group ${pgid}`);
  }
  for (const [pid, info] of table) {
    if (pid === process.pid) continue;
    if (info.cwd === folder || info.cwd.startsWith(folder + sep) || info.cmd.includes(folder)) left.push(`pid ${pid} in the clone: ${info.cmd}`);
  }
  return [...new Set(left)];
}

/** GET `url`: { status, body }. */
function httpGet(url, timeoutMs = 30_000) {
  return new Promise((resolvePromise, reject) => {
    const request = get(url, { timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolvePromise({ status: response.statusCode, body }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new HostError(`GET ${url}: no answer within ${timeoutMs / 1000} s`)));
    request.on('error', reject);
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

await runMain(async (scope) => {
  const t0 = Date.now();
  const cacheDir = process.env.TL_FRESH_CACHE_DIR ? resolve(process.env.TL_FRESH_CACHE_DIR) : CACHE_DIR;
  const cached = isCodeServerInstalled(codeServerPaths(cacheDir).dir);
  const head = git(REPO_ROOT, 'rev-parse', 'HEAD');
  if (git(REPO_ROOT, 'status', '--porcelain', '--untracked-files=no')) console.log('(uncommitted changes are not in the clone: it is of HEAD)');

  const parent = mkdtempSync(join(tmpdir(), 'tl-fresh-'));
  scope.defer(() => rmSync(parent, { recursive: true, force: true }));
  const clone = join(parent, 'team-learnings');
  git(parent, 'clone', '-q', '--no-checkout', REPO_ROOT, clone);
  git(clone, 'checkout', '-q', '--detach', head);
  if (existsSync(join(clone, 'node_modules'))) throw new HostError('the clone has a node_modules folder');
  const bin = pathWithout(join(parent, 'bin'), ['rg']);
  console.log(`fresh clone of ${head.slice(0, 12)} in ${clone} (${seconds(Date.now() - t0)}); PATH without rg; code-server ${cached ? `from ${cacheDir}` : `installed into ${cacheDir}`}`);

  const port = await freePort();
  const env = userEnv({
    PATH: bin,
    PORT: String(port),
    TL_CODE_SERVER: '1', // code-server even where a desktop `code` is on PATH
    TL_CACHE_DIR: cacheDir,
    npm_config_prefer_offline: 'true', // the shared npm cache, without revalidating it
  });
  const t1 = Date.now();
  const child = spawn('npm', ['start'], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  const exit = new Promise((resolvePromise) => child.on('exit', (code, signal) => {
    exited = true;
    resolvePromise(code ?? signal);
  }));
  const recorded = [];
  scope.defer(async () => {
    // On a failure: stop whatever is left (the normal path has stopped it all by now).
    if (!exited) await killGroup(child.pid, () => exited);
    for (const pgid of new Set(recorded.map((p) => p.pgid))) if (groupAlive(pgid)) await killGroup(pgid);
  });
  let output = '';
  const verbose = Boolean(process.env.TL_VERBOSE);
  const onData = (data) => {
    output += data;
    if (verbose) process.stdout.write(String(data).replace(/^/gm, '  [npm start] '));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const timeoutMs = (Number(process.env.TL_FRESH_TIMEOUT) || 300) * 1000;
  let url;
  while (!url) {
    url = output.match(/Open:\s*\n\s*\n\s*(http:\/\/\S+)/)?.[1];
    if (url) break;
    if (exited) throw new HostError(`npm start exited (${await exit}) before printing the URL:\n${output.slice(-6000)}`);
    if (Date.now() - t1 > timeoutMs) throw new HostError(`npm start printed no URL within ${timeoutMs / 1000} s:\n${output.slice(-6000)}`);
    await sleep(100);
  }
  const toUrl = Date.now() - t1;
  const ci = output.match(/npm ci: ([\d.]+ s)/)?.[1];
  const ciReason = output.match(/Installing the npm dependencies \(([^)]*)\)/)?.[1];
  const checks = [];
  if (!ci || !/added \d+ packages?/.test(output)) checks.push('npm start did not run `npm ci` in the clone');
  if (!existsSync(join(clone, 'node_modules/.package-lock.json'))) checks.push('the clone has no node_modules after npm start');
  if (!output.includes('ripgrep not found')) checks.push('no note about the missing ripgrep');
  if (!output.includes('$ learnings --root')) checks.push('the CLI output is missing');

  // Serves it: the workbench page, 200.
  const response = await httpGet(url);
  const { body } = response;
  if (response.status !== 200) checks.push(`GET ${url}: ${response.status}`);
  if (!/monaco-workbench|workbench\.(web\.main|js)|vscode-workbench/i.test(body)) checks.push(`GET ${url}: not the VS Code workbench:\n${body.slice(0, 500)}`);
  for (const proc of tree(child.pid)) recorded.push(proc);
  if (verbose) for (const proc of recorded) console.log(`  running: pid ${proc.pid} group ${proc.pgid}: ${proc.cmd.slice(0, 160)}`);
  console.log(`npm start: URL after ${seconds(toUrl)} (npm ci ${ci ?? 'did not run'}${ciReason ? `: ${ciReason}` : ''}); GET ${new URL(url).origin}/?folder=…: ${response.status}, ${body.length} bytes; ${recorded.length} processes running`);

  // Ctrl+C, as the terminal sends it: SIGINT to the foreground process group.
  const t2 = Date.now();
  process.kill(-child.pid, 'SIGINT');
  const code = await Promise.race([exit, sleep(30_000).then(() => 'still running after 30 s')]);
  if (!exited) checks.push(`npm start did not stop on Ctrl+C: ${code}`);
  // start.mjs exits 0 on Ctrl+C; npm, which got the SIGINT too, may pass it on as its own end.
  else if (![0, 130, 'SIGINT'].includes(code)) checks.push(`npm start exited with ${code} after Ctrl+C (expected 0 or SIGINT)`);
  // The server's process group may take a moment after npm itself has exited.
  let left = leftovers(recorded, clone);
  for (const deadline = Date.now() + 5000; left.length && Date.now() < deadline; left = leftovers(recorded, clone)) await sleep(100);
  if (left.length) checks.push(`left running after Ctrl+C:\n  ${left.join('\n  ')}`);
  console.log(`Ctrl+C: stopped in ${seconds(Date.now() - t2)} (exit ${code}); left running: ${left.length ? left.length : 'nothing'} (checked ${recorded.length} pids, ${new Set(recorded.map((p) => p.pgid)).size} process groups, and the clone's folder)`);

  if (checks.length) {
    console.log(`\nFAILED:\n- ${checks.join('\n- ')}\n\nnpm start's output:\n${output.slice(-6000)}`);
    return 1;
  }
  console.log(`fresh clone -> npm start -> served -> stopped: passed in ${seconds(Date.now() - t0)}`);
  return 0;
});
