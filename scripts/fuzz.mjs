// `npm run test:fuzz`: the property tests (`*.fuzz.test.ts`) at length.
// `npm test` runs them with seed 42 and 200 runs each; this runs 20,000 runs
// each with a fresh random seed, printed first so a failure can be replayed:
//   FC_SEED=<seed> FC_RUNS=<runs> npm run test:fuzz
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const seed = process.env.FC_SEED ?? String(Math.floor(Math.random() * 0x7fffffff));
const runs = process.env.FC_RUNS ?? '20000';
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [require.resolve('mocha/bin/mocha.js'), '--no-config', '--timeout', '0', '--reporter', 'spec', 'out/test/unit/**/*.fuzz.test.js'],
  { stdio: 'inherit', env: { ...process.env, FC_SEED: seed, FC_RUNS: runs } },
);
console.log(`fuzz: seed ${seed}, ${runs} runs per property, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);
