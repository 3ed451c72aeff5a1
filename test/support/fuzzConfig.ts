// One place for the property tests' seed and size. `npm test` runs every
// property with a fixed seed (42) and 200 runs; `npm run test:fuzz` runs the
// same properties with FC_RUNS=20000 and a random seed, printed so a failure
// can be replayed: FC_SEED=<seed> FC_RUNS=<runs> npm run test:fuzz.

const random = process.env.FC_SEED === 'random';

export const FC_SEED = random ? Math.floor(Math.random() * 0x7fffffff) : Number(process.env.FC_SEED ?? 42);
export const FC_RUNS = Number(process.env.FC_RUNS ?? 200);

if (process.env.FC_SEED !== undefined || process.env.FC_RUNS !== undefined) {
  console.log(`fast-check: seed ${FC_SEED}, ${FC_RUNS} runs per property (replay: FC_SEED=${FC_SEED} FC_RUNS=${FC_RUNS} npm run test:fuzz)`);
}

/** The parameters of `fc.assert`: the configured seed, and the configured runs times `scale`. */
export function fuzz(scale = 1): { seed: number; numRuns: number } {
  return { seed: FC_SEED, numRuns: Math.max(1, Math.round(FC_RUNS * scale)) };
}
