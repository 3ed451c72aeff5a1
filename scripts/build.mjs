// One esbuild script: the extension bundle (Node host), the browser bundle,
// the CLI bundle, and a plain transpile of sources and tests into out/ for mocha.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');

function tsFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) files.push(...tsFiles(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

const common = {
  bundle: true,
  // markdown-it imports only decodeHTML and decodeHTMLStrict from `entities`, whose index also
  // pulls in its HTML encoder tables (23 KB minified): take its decode module alone.
  alias: { entities: 'entities/lib/decode.js' },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Non-ASCII text as UTF-8, not as \uXXXX escapes (six bytes each): the entity tables, labels and
  // stemmer suffixes are full of it. Node and VS Code read extension code as UTF-8.
  charset: 'utf8',
};

rmSync('out', { recursive: true, force: true });

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  }),
  // The same sources for VS Code for the Web: a Node built-in here fails the build.
  esbuild.build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    // `x.web.ts` stands in for `x.ts` where the browser needs its own (src/extension/localReads.web.ts).
    resolveExtensions: ['.web.ts', '.tsx', '.ts', '.jsx', '.js', '.css', '.json'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    entryPoints: [...tsFiles('src'), ...tsFiles('test')],
    outdir: 'out',
    outbase: '.',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  }),
]);
chmodSync('dist/cli.js', 0o755);
