// `npm run package`: the production bundles, then `vsce package` into
// team-learnings.vsix. vsce refuses a manifest with both a `files` list and a
// .vscodeignore, and we need both: `files` says what the npm package of the
// CLI holds, .vscodeignore what the .vsix holds. So vsce runs on a staged
// copy of the sources whose package.json has no `files` (and no
// `vscode:prepublish`: the bundles are built here, once, from the real tree).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(import.meta.url), '../..');
const OUT = join(REPO, 'team-learnings.vsix');
const SKIP = new Set(['.git', 'node_modules', '.vscode-test', 'out', 'test-results', 'team-learnings.vsix']);

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

run(process.execPath, [join(REPO, 'scripts/build.mjs'), '--production'], REPO);
const stage = mkdtempSync(join(tmpdir(), 'tl-vsix-'));
try {
  for (const entry of readdirSync(REPO)) if (!SKIP.has(entry)) cpSync(join(REPO, entry), join(stage, entry), { recursive: true, dereference: false });
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  delete manifest.files;
  delete manifest.scripts['vscode:prepublish'];
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  run(process.execPath, [join(REPO, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', OUT, ...process.argv.slice(2)], stage);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
