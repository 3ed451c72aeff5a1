// Every fast-check property in test/ runs with fuzzConfig's seed and runs
// (`fuzz(...)`): `npm test` replays the same cases (seed 42), and
// `npm run test:fuzz` can replay a failure from the seed it printed. A
// property given its own `{ numRuns }`, or none, would draw a new seed each run.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/paths';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sources(full);
    return /\.(ts|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** The text of each `fc.assert(...)` call in `text`, with its line. */
export function propertyCalls(text: string): { line: number; call: string }[] {
  const calls: { line: number; call: string }[] = [];
  for (let at = text.indexOf('fc.assert('); at >= 0; at = text.indexOf('fc.assert(', at + 1)) {
    let depth = 0;
    let end = at + 'fc.assert'.length;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    calls.push({ line: text.slice(0, at).split('\n').length, call: text.slice(at, end + 1) });
  }
  return calls;
}

/** True when the call's last argument is `fuzz(...)`. */
export function seeded(call: string): boolean {
  return /,\s*fuzz\([^()]*(\([^()]*\)[^()]*)*\)\s*,?\s*\)$/.test(call);
}

describe('property tests', () => {
  it('the check tells a seeded call from one with its own runs', () => {
    assert.equal(seeded('fc.assert(fc.property(a, (x) => f(x)), fuzz())'), true);
    assert.equal(seeded('fc.assert(\n  fc.property(a, (x) => f(x)),\n  fuzz(10 * RUNS),\n)'), true);
    assert.equal(seeded('fc.assert(fc.property(a, (x) => f(x)), { numRuns: 2000 })'), false);
    assert.equal(seeded('fc.assert(fc.property(a, (x) => f(x)))'), false);
  });

  it('every fc.assert in test/ runs with fuzzConfig\'s seed and runs', () => {
    const unseeded: string[] = [];
    let count = 0;
    for (const file of sources(path.join(REPO_ROOT, 'test'))) {
      for (const { line, call } of propertyCalls(readFileSync(file, 'utf8'))) {
        if (file.endsWith(`setup${path.sep}propertySeeds.test.ts`)) continue;
        count++;
        if (!seeded(call)) unseeded.push(`${path.relative(REPO_ROOT, file)}:${line}`);
      }
    }
    assert.ok(count >= 10, `the scan finds the properties: ${count}`);
    assert.deepEqual(unseeded, [], 'give these fuzz() from test/support/fuzzConfig');
  });
});
