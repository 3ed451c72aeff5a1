// Installs code-server (VS Code's server and web workbench) from the npm
// registry into .vscode-test/, the first time it is needed, without any of the
// downloads its own install scripts would make (see VSCODE-HOST.md).
//
//   node scripts/vscode-host/install.mjs      install if missing, print the folder
//   import { ensureCodeServer } from './install.mjs'
// TL_CACHE_DIR: another folder for the install (default .vscode-test/), e.g.
// one a previous clone filled. ripgrep is optional: VS Code's search uses the
// system `rg` when there is one (linked in on each start), and is unavailable
// without it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, renameSync, symlinkSync, writeFileSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = process.env.TL_CACHE_DIR ? resolve(process.env.TL_CACHE_DIR) : join(REPO_ROOT, '.vscode-test');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const DONE_MARKER = '.installed';
// Native modules of VS Code's server, rebuilt by name: a blanket `npm rebuild`
// would run the download scripts too.
const NATIVE_MODULES = ['@vscode/spdlog', 'node-pty', 'native-watchdog', '@parcel/watcher', '@vscode/deviceid'];

/** A missing prerequisite: one line naming the Debian package to install. */
export class MissingPrerequisite extends Error {}

export function which(command) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    const full = join(dir || '.', command);
    if (existsSync(full)) return full;
  }
  return undefined;
}

function require_(command, debianPackage) {
  const found = which(command);
  if (!found) throw new MissingPrerequisite(`${command} not found: apt-get install -y ${debianPackage}`);
  return found;
}

/** Throws MissingPrerequisite when a Debian package the host needs is absent. */
export function checkPrerequisites({ browser = true, install = false } = {}) {
  if (browser && !existsSync(CHROMIUM_PATH)) {
    throw new MissingPrerequisite(`chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  require_('git', 'git');
  const rg = which('rg'); // optional: VS Code's search is unavailable without it
  if (install) {
    // node-gyp builds a few native modules of code-server from source.
    require_('make', 'make');
    require_('g++', 'g++');
    require_('python3', 'python3');
  }
  return { rg: rg && realpathSync(rg) };
}

/** Where the install lives, and its server entry point. */
export function codeServerPaths(cacheDir = CACHE_DIR, version = CODE_SERVER_VERSION) {
  const dir = join(cacheDir, `code-server-${version}`);
  return { dir, entry: join(dir, 'node_modules/code-server/out/node/entry.js') };
}

export function isCodeServerInstalled(dir) {
  return existsSync(join(dir, DONE_MARKER)) && existsSync(join(dir, 'node_modules/code-server/out/node/entry.js'));
}

/** The environment for the child npm processes. */
function npmEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // When started by `npm run`, these point at this repository: a child npm
    // must not mistake it for the project it installs into.
    if (/^npm_(package_|lifecycle_|config_local_prefix$)/.test(key) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  env.npm_config_yes = 'true'; // an `npx` inside a package's install script refuses to run otherwise
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  env.npm_config_update_notifier = 'false';
  // node-gyp downloads Node's headers unless told where they are.
  for (const prefix of ['/usr', resolve(dirname(process.execPath), '..')]) {
    if (existsSync(join(prefix, 'include/node/node.h'))) {
      env.npm_config_nodedir = prefix;
      break;
    }
  }
  return env;
}

function run(cwd, args, log) {
  log(`  npm ${args.join(' ')}  (in ${cwd})`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', args, { cwd, env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`npm ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${output.slice(-4000)}`));
    });
  });
}

function link(target, path) {
  rmSync(path, { force: true, recursive: true });
  symlinkSync(target, path);
}

/** Where VS Code's server looks for `rg` (@vscode/ripgrep's binary) in an install. */
function ripgrepLink(dir) {
  return join(dir, 'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
}

/**
 * Links the system `rg` into the install when there is one and the link is
 * missing or broken (ripgrep installed after code-server). The bin/ folder is
 * created either way: @vscode/ripgrep would download rg otherwise.
 */
function linkRipgrep(dir, rg) {
  const path = ripgrepLink(dir);
  mkdirSync(dirname(path), { recursive: true });
  if (rg && !existsSync(path)) link(rg, path);
}

async function install(partial, rg, version, log) {
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  // Without its own package.json, npm would walk up and install into the repo.
  writeFileSync(join(partial, 'package.json'), JSON.stringify({ name: 'vscode-host-cache', private: true }, null, 2));

  // 1. code-server itself, without its postinstall (which downloads ripgrep).
  await run(partial, ['install', '--no-save', '--ignore-scripts', '--omit=dev', `code-server@${version}`], log);
  await run(partial, ['rebuild', 'argon2'], log);

  // 2. VS Code's server modules; ripgrep is the system one.
  const vscode = join(partial, 'node_modules/code-server/lib/vscode');
  await run(vscode, ['install', '--omit=dev', '--ignore-scripts'], log);
  linkRipgrep(partial, rg);
  await run(vscode, ['rebuild', ...NATIVE_MODULES], log);

  // 3. What code-server's postinstall.sh does besides downloading.
  link('node_modules', join(vscode, 'node_modules.asar'));
  link('code-linux.sh', join(vscode, 'bin/remote-cli/code-server'));
  link('browser-linux.sh', join(vscode, 'bin/helpers/browser.sh'));
  await run(join(vscode, 'extensions'), ['install', '--omit=dev'], log);

  writeFileSync(join(partial, DONE_MARKER), `code-server@${version} ${new Date().toISOString()}\n`);
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Installs code-server into <cacheDir>/code-server-<version>/ unless it is
 * there already (then it returns at once). Installs into `<dest>.partial` and
 * renames it when complete, so a broken install is never mistaken for a good
 * one; a lock keeps two runs from installing at the same time.
 * Returns { dir, entry }.
 */
export async function ensureCodeServer({ cacheDir = CACHE_DIR, version = CODE_SERVER_VERSION, browser = true, log = (line) => console.error(line) } = {}) {
  const paths = codeServerPaths(cacheDir, version);
  if (isCodeServerInstalled(paths.dir)) {
    const { rg } = checkPrerequisites({ browser });
    linkRipgrep(paths.dir, rg);
    return paths;
  }
  const { rg } = checkPrerequisites({ browser, install: true });
  mkdirSync(cacheDir, { recursive: true });

  const lock = `${paths.dir}.lock`;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lock, 'utf8'));
      if (!owner || !pidAlive(owner)) {
        rmSync(lock, { force: true });
        continue;
      }
      log(`waiting for another install of code-server (pid ${owner})...`);
      await new Promise((r) => setTimeout(r, 2000));
      if (isCodeServerInstalled(paths.dir)) return paths;
    }
  }
  try {
    if (isCodeServerInstalled(paths.dir)) return paths;
    const started = Date.now();
    log(`installing code-server@${version} into ${paths.dir} (once, about a minute)...`);
    const partial = `${paths.dir}.partial`;
    await install(partial, rg, version, log);
    rmSync(paths.dir, { recursive: true, force: true });
    renameSync(partial, paths.dir);
    log(`installed code-server@${version} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return paths;
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The command line: install if needed, print the folder; a missing package is one line. */
export async function main() {
  try {
    const { dir } = await ensureCodeServer();
    console.log(dir);
  } catch (error) {
    console.error(error instanceof MissingPrerequisite ? error.message : error);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}

