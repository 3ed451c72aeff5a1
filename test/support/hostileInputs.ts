// Inputs whose cost must stay linear, shared by the unit tests (what the code
// does with them) and `npm run bench` (how long it takes: the budgets live
// there, not in the unit tests, where a busy machine would fail them).

import type { Anchor } from '../../src/core/model';
import { insertLines, snippetOf } from './anchorSample';

/** About 1 MB of front matter built from `line(i)`. */
function hostile(line: (i: number) => string): string {
  const lines: string[] = ['---', 'title: Hostile'];
  let size = 0;
  for (let i = 0; size < 1024 * 1024 - 64; i++) {
    const l = line(i);
    lines.push(l);
    size += l.length + 1;
  }
  return `${lines.join('\n')}\n---\nbody\n`;
}

/** Front matter the parser must refuse with one message, in time linear in its size (#13). */
export const HOSTILE_FRONT_MATTER: Record<string, string> = {
  'distinct keys': hostile((i) => `k${i}: 1`),
  'a flow list opened on every line': hostile(() => 'a: ['),
  'tab-indented lines': hostile(() => '\tb: 1'),
  'one flow map of distinct keys': `---\ntitle: x\nm: {${Array.from({ length: 90_000 }, (_, i) => `k${i}: 1`).join(', ')}}\n---\n`,
  'lists nested 300,000 deep': `---\ntitle: x\nt: ${'['.repeat(300_000)}\n---\n`,
};

/** An anchor into a 10,000-line file whose snippet was edited, and the file after a line inserted above it. */
export function anchorInLongFile(path: string): { anchor: Anchor; text: string } {
  const lines: string[] = [];
  for (let i = 0; i < 10000; i++) lines.push(i % 7 === 0 ? '}' : `  const value${i} = compute(${i % 13}, "item-${i}");`);
  const text = lines.join('\n') + '\n';
  const anchor: Anchor = { path, lines: { start: 5000, end: 5010 }, snippet: snippetOf(text, 5000, 5010).replace('compute', 'calc') };
  return { anchor, text: insertLines(text, 10, ['// inserted']) };
}

/** A body of 200,000 lines with a link at its end: an excerpt reads only its first lines. */
export const LONG_BODY = `${'Line.\n\n'.repeat(100_000)}[late](command:x)`;
