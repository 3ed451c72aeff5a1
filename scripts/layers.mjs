// Part of `npm run lint`: imports between src/core's domain folders form a DAG
// (DESIGN.md section 6), and no module of src imports itself through others.
// ESLint fences the layers (core, node, cli, extension); this checks what a
// per-file rule cannot see: cycles.
//
//   node scripts/layers.mjs           check; exit 1 naming each cycle
//   node scripts/layers.mjs --graph   also print the domain graph

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(root, 'src');
const CORE = join(SRC, 'core');

function tsFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) tsFiles(full, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/**
 * The files `file` imports (relative specifiers only). `withTypes` false
 * leaves out `import type`, which is gone at run time: a service and the
 * helper it owns may name each other's types, but a module never runs before
 * the one it imports has. Between core's domains types count too.
 */
function importsOf(file, withTypes) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\b(\s+type\b)?[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    if (m[2] && !withTypes) continue;
    const base = resolve(dirname(file), m[3]);
    const target = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
    if (target) found.push(target);
  }
  return found;
}

/** Every cycle found by a depth-first search, each once, as a list of nodes. */
function cycles(graph) {
  const state = new Map();
  const stack = [];
  const found = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

const files = tsFiles(SRC);
const fileGraph = new Map(files.map((f) => [f, importsOf(f, false)]));
const domainOf = (file) => {
  const parts = relative(CORE, file).split(sep);
  return parts.length > 1 ? parts[0] : '(core)';
};
const domainGraph = new Map();
for (const file of files) {
  if (!file.startsWith(CORE + sep)) continue;
  const from = domainOf(file);
  if (!domainGraph.has(from)) domainGraph.set(from, new Set());
  for (const t of importsOf(file, true)) if (t.startsWith(CORE + sep) && domainOf(t) !== from) domainGraph.get(from).add(domainOf(t));
}

const show = (f) => relative(root, f);
const problems = [
  ...cycles(domainGraph).map((c) => `src/core domains import each other in a circle: ${c.join(' -> ')}`),
  ...cycles(fileGraph).map((c) => `modules import each other in a circle: ${c.map(show).join(' -> ')}`),
];
if (process.argv.includes('--graph')) {
  for (const [d, to] of [...domainGraph].sort()) console.log(`${d} -> ${[...to].sort().join(', ') || '(nothing)'}`);
}
for (const p of problems) console.error(`error: ${p}`);
if (problems.length) process.exit(1);
console.log(`layers: ${files.length} modules, ${domainGraph.size} core domains, no cycle`);
