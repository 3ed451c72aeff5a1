// The set-up `npm start` and `npm test` do by themselves, so that a fresh
// clone needs nothing but those two commands. Plain Node with no dependency:
// it runs before `npm ci` has installed anything.
// - Node 20 or later.
// - The Debian packages needed: git; for the tests chromium and ripgrep; while
//   code-server is not installed yet, python3, make and g++ (node-gyp builds a
//   few of its native modules). Missing ones are installed with apt-get when this runs as
//   root on Debian/Ubuntu, saying what it installs; otherwise it stops with the
//   one command to run (TL_NO_APT=1: always stop with the command).
// - For `npm start` ripgrep is optional: without it VS Code's search is
//   unavailable (the extension does not use it), and a one-line note says how
//   to add it. The tests need it (an integration test uses workspace.findFiles).
// - node_modules as package-lock.json pins it: `npm ci` when it is missing or
//   stale (a package missing, extra, or at another version).
// code-server itself is installed on first use by vscode-host/install.mjs.
//
//   node scripts/setup.mjs start|test
//   import { setUp, SetupError } from './setup.mjs'
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR, CHROMIUM_PATH, REPO_ROOT, codeServerPaths, isCodeServerInstalled, which } from './vscode-host/install.mjs';

/** A set-up step that cannot go on: its message is the whole story (one line, or the command to run). */
export class SetupError extends Error {}

export const MIN_NODE_MAJOR = 20;
export const APT_FLAGS = ['-y', '--no-install-recommends'];

/** What each Debian package is for, as said when it is installed. */
const WHY = {
  git: 'the demo and test workspaces are git repositories',
  chromium: 'the headless browser that drives the workbench in the tests',
  ripgrep: 'VS Code\'s file search, which the integration tests use',
  python3: 'node-gyp, to build code-server\'s native modules',
  make: 'node-gyp, to build code-server\'s native modules',
  'g++': 'node-gyp, to build code-server\'s native modules',
};

/**
 * The Debian packages `purpose` ('start' or 'test') needs that are missing.
 * `has(name)`: whether the program (or, for chromium, the browser) is there;
 * `codeServerInstalled`: no build tools are needed then.
 */
export function missingPackages(purpose, { has, codeServerInstalled }) {
  const needed = ['git'];
  if (purpose === 'test') needed.push('chromium', 'ripgrep');
  if (!codeServerInstalled) needed.push('python3', 'make', 'g++');
  return needed.filter((name) => !has(name));
}

/**
 * What to do about missing Debian packages: { install: [[command, ...args], ...] }
 * when this process may run apt-get itself, else { stop: message }.
 * `system`: { root, debian, sudo, allowApt }.
 */
export function aptPlan(missing, { root, debian, sudo, allowApt = true }) {
  if (missing.length === 0) return { install: [] };
  const install = ['apt-get', 'install', ...APT_FLAGS, ...missing];
  if (!debian) {
    return { stop: `missing: ${missing.join(', ')}: install ${missing.length === 1 ? 'it' : 'them'} with your system's package manager${missing.includes('chromium') ? ` (CHROMIUM_PATH=... for a Chromium elsewhere than ${CHROMIUM_PATH})` : ''}` };
  }
  if (root && allowApt) return { install: [['apt-get', 'update'], install] };
  const prefix = root ? '' : sudo ? 'sudo ' : '';
  const command = `${prefix}apt-get update && ${prefix}${install.join(' ')}`;
  return { stop: `missing Debian package${missing.length === 1 ? '' : 's'} ${missing.join(', ')}: run ${root || sudo ? '' : 'as root '}${command}` };
}

/**
 * Why node_modules does not match the lockfile, or undefined when it does.
 * `lock`: package-lock.json; `installed`: node_modules/.package-lock.json (what
 * npm last installed); `present(key)`: whether that package's folder is there.
 * Optional packages (the other platforms' binaries) may be absent.
 */
export function lockDrift(lock, installed, present = () => true) {
  const want = lock.packages ?? {};
  const have = installed.packages ?? {};
  const name = (key) => key.replace(/^(.*\/)?node_modules\//, '');
  for (const [key, entry] of Object.entries(want)) {
    if (!key.startsWith('node_modules/')) continue;
    const got = have[key];
    if (!got) {
      if (entry.optional) continue;
      return `${name(key)} is not installed`;
    }
    if (got.version !== entry.version || (entry.integrity && got.integrity && got.integrity !== entry.integrity)) {
      return `${name(key)} is ${got.version}, package-lock.json pins ${entry.version}`;
    }
    if (!present(key)) return `${name(key)} is missing from node_modules`;
  }
  for (const key of Object.keys(have)) {
    if (key.startsWith('node_modules/') && !(key in want)) return `${name(key)} is installed but not in package-lock.json`;
  }
  return undefined;
}

function sameRanges(a = {}, b = {}) {
  const entries = (o) => JSON.stringify(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return entries(a) === entries(b);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Why `root`'s node_modules needs an `npm ci`, or undefined when it is up to date. */
export function dependencyDrift(root = REPO_ROOT) {
  const lockFile = join(root, 'package-lock.json');
  if (!existsSync(lockFile)) throw new SetupError(`${lockFile} is missing: it pins the dependencies \`npm ci\` installs`);
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  const hidden = join(root, 'node_modules/.package-lock.json');
  if (!existsSync(hidden)) return 'node_modules was not installed by npm 7 or later';
  const lock = readJson(lockFile);
  const pkg = readJson(join(root, 'package.json'));
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    if (sameRanges(pkg[field], lock.packages?.['']?.[field]) === false) {
      return `package.json's ${field} differ from package-lock.json`;
    }
  }
  return lockDrift(lock, readJson(hidden), (key) => existsSync(join(root, key, 'package.json')));
}

function isDebian() {
  if (!which('apt-get')) return false;
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const field = (key) => (release.match(new RegExp(`^${key}=("?)(.*)\\1$`, 'm'))?.[2] ?? '').toLowerCase();
    return /\b(debian|ubuntu)\b/.test(`${field('ID')} ${field('ID_LIKE')}`);
  } catch {
    return false;
  }
}

const PROGRAM = { ripgrep: 'rg' };

function hasPackage(name) {
  return name === 'chromium' ? existsSync(CHROMIUM_PATH) : Boolean(which(PROGRAM[name] ?? name));
}

function run(command, args, { cwd = REPO_ROOT, env = process.env } = {}) {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.error) throw new SetupError(`${command} ${args.join(' ')} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

/** Installs (or asks for) the Debian packages `purpose` needs. */
export function ensureDebianPackages(purpose, { log = console.error, cacheDir = CACHE_DIR } = {}) {
  const codeServerInstalled = isCodeServerInstalled(codeServerPaths(cacheDir).dir);
  const missing = missingPackages(purpose, { has: hasPackage, codeServerInstalled });
  if (process.env.TL_VERBOSE) {
    const needed = missingPackages(purpose, { has: () => false, codeServerInstalled });
    log(`set-up: Debian packages ${purpose} needs: ${needed.join(', ')}; missing: ${missing.join(', ') || 'none'}`);
  }
  const plan = aptPlan(missing, {
    root: process.getuid?.() === 0,
    debian: isDebian(),
    sudo: Boolean(which('sudo')),
    allowApt: !process.env.TL_NO_APT || process.env.TL_NO_APT === '0',
  });
  if (plan.stop) throw new SetupError(plan.stop);
  if (plan.install.length === 0) return [];
  log(`Installing the Debian packages ${purpose === 'test' ? '`npm test`' : '`npm start`'} needs: ${missing.map((name) => `${name} (${WHY[name]})`).join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const [command, ...args] of plan.install) {
    log(`  ${command} ${args.join(' ')}`);
    if (run(command, args, { env }) !== 0) throw new SetupError(`${command} ${args.join(' ')} failed: run it yourself, then try again`);
  }
  const still = missing.filter((name) => !hasPackage(name));
  if (still.length) throw new SetupError(`still missing after apt-get: ${still.join(', ')}${still.includes('chromium') ? ` (expected at ${CHROMIUM_PATH}; CHROMIUM_PATH=... for another)` : ''}`);
  return missing;
}

/** `npm ci` in `root` when node_modules is missing or stale; returns the reason it ran, or undefined. */
export function ensureDependencies({ root = REPO_ROOT, log = console.error } = {}) {
  const reason = dependencyDrift(root);
  if (process.env.TL_VERBOSE) log(`set-up: node_modules ${reason ? `needs npm ci: ${reason}` : 'matches package-lock.json'}`);
  if (!reason) return undefined;
  log(`Installing the npm dependencies (${reason}): npm ci`);
  const started = Date.now();
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Set by the `npm run` that started this one; the child npm needs none of them.
    if (/^npm_(package_|lifecycle_)/.test(key)) continue;
    env[key] = value;
  }
  if (run('npm', ['ci'], { cwd: root, env }) !== 0) throw new SetupError('npm ci failed (its output is above)');
  log(`npm ci: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return reason;
}

export const RIPGREP_NOTE = 'ripgrep not found: VS Code\'s search is unavailable (Team Learnings does not need it); to add it: apt-get install -y ripgrep';

/**
 * Everything `purpose` ('start' or 'test') needs before it can run, in order:
 * Node, Debian packages, npm dependencies. Throws SetupError with one message.
 */
export function setUp(purpose, { log = console.error } = {}) {
  if (purpose !== 'start' && purpose !== 'test') throw new SetupError(`setup: unknown purpose ${purpose} (start or test)`);
  const major = Number(process.versions.node.split('.')[0]);
  if (major < MIN_NODE_MAJOR) throw new SetupError(`Node ${process.versions.node}: Team Learnings needs Node ${MIN_NODE_MAJOR} or later`);
  ensureDebianPackages(purpose, { log });
  if (!which('rg')) log(RIPGREP_NOTE);
  ensureDependencies({ log });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setUp(process.argv[2] ?? 'test');
  } catch (error) {
    console.error(error instanceof SetupError ? error.message : error);
    process.exit(1);
  }
}
