// The set-up `npm start` and `npm test` run first (scripts/setup.mjs): which
// Debian packages each needs, whether it may apt-get them or must print the
// command, and when node_modules no longer matches package-lock.json.
// The whole path (fresh clone, `npm start`, served, stopped) is
// scripts/vscode-host/fresh.mjs, the last step of `npm test`.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../../../..');

interface Lock {
  packages: Record<string, { version?: string; integrity?: string; optional?: boolean; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
}
interface SetupModule {
  missingPackages(purpose: 'start' | 'test', system: { has(name: string): boolean; codeServerInstalled: boolean }): string[];
  aptPlan(missing: string[], system: { root: boolean; debian: boolean; sudo: boolean; allowApt?: boolean }): { install?: string[][]; stop?: string };
  lockDrift(lock: Lock, installed: Lock, present?: (key: string) => boolean): string | undefined;
  dependencyDrift(root: string): string | undefined;
}

let setup: SetupModule;

const LOCK: Lock = {
  packages: {
    '': { dependencies: { yaml: '^2.9.1' }, devDependencies: { esbuild: '^0.28.2' } },
    'node_modules/yaml': { version: '2.9.1', integrity: 'sha512-yaml' },
    'node_modules/esbuild': { version: '0.28.2', integrity: 'sha512-esbuild' },
    'node_modules/@esbuild/linux-x64': { version: '0.28.2', optional: true },
    'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true },
    'node_modules/esbuild/node_modules/nested': { version: '1.0.0' },
  },
};

/** What npm writes to node_modules/.package-lock.json after installing LOCK on Linux x64. */
function installedOf(lock: Lock): Lock {
  const packages: Lock['packages'] = {};
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || key.includes('darwin')) continue;
    packages[key] = { ...entry };
  }
  return { packages };
}

describe('set-up on a fresh machine (scripts/setup.mjs)', () => {
  before(async () => {
    setup = (await import(pathToFileURL(path.join(root, 'scripts', 'setup.mjs')).href)) as SetupModule;
  });

  describe('Debian packages', () => {
    const none = { has: () => false, codeServerInstalled: false };
    it('npm start needs git, and the build tools only until code-server is installed', () => {
      assert.deepEqual(setup.missingPackages('start', none), ['git', 'python3', 'make', 'g++']);
      assert.deepEqual(setup.missingPackages('start', { ...none, codeServerInstalled: true }), ['git']);
    });
    it('npm test also needs chromium and ripgrep; npm start runs without ripgrep', () => {
      assert.deepEqual(setup.missingPackages('test', { has: () => false, codeServerInstalled: true }), ['git', 'chromium', 'ripgrep']);
      assert.deepEqual(setup.missingPackages('test', { has: (name) => name !== 'chromium', codeServerInstalled: false }), ['chromium']);
      assert.ok(!setup.missingPackages('start', none).includes('ripgrep'));
    });
    it('nothing missing: nothing to do', () => {
      assert.deepEqual(setup.aptPlan([], { root: false, debian: false, sudo: false }), { install: [] });
    });
    it('root on Debian: apt-get update, then install exactly the missing ones without recommends', () => {
      assert.deepEqual(setup.aptPlan(['chromium', 'git'], { root: true, debian: true, sudo: false }), {
        install: [['apt-get', 'update'], ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'git']],
      });
    });
    it('not root: stops with the one command, with sudo when there is one', () => {
      assert.deepEqual(setup.aptPlan(['chromium'], { root: false, debian: true, sudo: true }), {
        stop: 'missing Debian package chromium: run sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium',
      });
      assert.match(setup.aptPlan(['git', 'g++'], { root: false, debian: true, sudo: false }).stop ?? '', /^missing Debian packages git, g\+\+: run as root apt-get update && apt-get install -y --no-install-recommends git g\+\+$/);
    });
    it('root with TL_NO_APT: the command instead of running it', () => {
      assert.equal(setup.aptPlan(['git'], { root: true, debian: true, sudo: true, allowApt: false }).stop, 'missing Debian package git: run apt-get update && apt-get install -y --no-install-recommends git');
    });
    it('not Debian: names what is missing, no apt-get', () => {
      const plan = setup.aptPlan(['chromium', 'git'], { root: true, debian: false, sudo: true });
      assert.equal(plan.install, undefined);
      assert.match(plan.stop ?? '', /^missing: chromium, git: install them with your system's package manager \(CHROMIUM_PATH=/);
    });
  });

  describe('node_modules against package-lock.json', () => {
    it('as npm installed it (other platforms\' optional binaries absent): up to date', () => {
      assert.equal(setup.lockDrift(LOCK, installedOf(LOCK)), undefined);
    });
    it('a package missing, at another version or integrity, extra, or its folder gone: stale, naming it', () => {
      const missing = installedOf(LOCK);
      delete missing.packages['node_modules/esbuild/node_modules/nested'];
      assert.equal(setup.lockDrift(LOCK, missing), 'nested is not installed');

      const older = installedOf(LOCK);
      older.packages['node_modules/yaml'] = { version: '2.8.0', integrity: 'sha512-old' };
      assert.equal(setup.lockDrift(LOCK, older), 'yaml is 2.8.0, package-lock.json pins 2.9.1');

      const repacked = installedOf(LOCK);
      repacked.packages['node_modules/yaml'] = { version: '2.9.1', integrity: 'sha512-other' };
      assert.match(setup.lockDrift(LOCK, repacked) ?? '', /^yaml is 2\.9\.1/);

      const extra = installedOf(LOCK);
      extra.packages['node_modules/left-pad'] = { version: '1.3.0' };
      assert.equal(setup.lockDrift(LOCK, extra), 'left-pad is installed but not in package-lock.json');

      assert.equal(setup.lockDrift(LOCK, installedOf(LOCK), (key) => key !== 'node_modules/yaml'), 'yaml is missing from node_modules');
    });

    describe('in a project folder', () => {
      let dir: string;
      beforeEach(() => {
        dir = mkdtempSync(path.join(tmpdir(), 'tl-setup-'));
        writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'p', dependencies: { yaml: '^2.9.1' }, devDependencies: { esbuild: '^0.28.2' } }));
        writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(LOCK));
      });
      afterEach(() => rmSync(dir, { recursive: true, force: true }));

      function install(lock: Lock): void {
        for (const key of Object.keys(lock.packages)) {
          if (!key) continue;
          mkdirSync(path.join(dir, key), { recursive: true });
          writeFileSync(path.join(dir, key, 'package.json'), '{}');
        }
        writeFileSync(path.join(dir, 'node_modules/.package-lock.json'), JSON.stringify(lock));
      }

      it('no node_modules (a fresh clone): npm ci', () => {
        assert.equal(setup.dependencyDrift(dir), 'node_modules is missing');
      });
      it('node_modules without npm\'s record of it: npm ci', () => {
        mkdirSync(path.join(dir, 'node_modules'));
        assert.equal(setup.dependencyDrift(dir), 'node_modules was not installed by npm 7 or later');
      });
      it('installed from this lockfile: nothing to do; a package folder deleted: npm ci', () => {
        install(installedOf(LOCK));
        assert.equal(setup.dependencyDrift(dir), undefined);
        rmSync(path.join(dir, 'node_modules/yaml'), { recursive: true });
        assert.equal(setup.dependencyDrift(dir), 'yaml is missing from node_modules');
      });
      it('package.json changed without the lockfile: npm ci, which then says they are out of sync', () => {
        install(installedOf(LOCK));
        writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'p', dependencies: { yaml: '^2.9.1', diff: '^8.0.4' }, devDependencies: { esbuild: '^0.28.2' } }));
        assert.equal(setup.dependencyDrift(dir), "package.json's dependencies differ from package-lock.json");
      });
    });

    it('this repository\'s own node_modules (npm test has just checked it) is up to date', () => {
      assert.equal(setup.dependencyDrift(root), undefined);
    });
  });
});
