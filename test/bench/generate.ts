// Generated workspaces for the benchmark: N notes of realistic size (about
// 1.7 KB: front matter written by the core's own writer, a body of headings,
// paragraphs and lists), topics from a nested set with a skewed spread,
// 0-3 anchors whose snippets are real lines of a generated source tree, and
// a few topic pages with ambassadors and aliases. Seeded: the same bytes on
// every run and machine.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFrontMatter } from '../../src/core/notes/createNote';
import { addDays } from '../../src/core/dates';
import type { Anchor } from '../../src/core/model';
import { toFileSlug } from '../../src/core/notes/slug';
import { Random, pickBlock, snippetOf } from '../eval/anchorsCases';
import { generateSource } from '../eval/anchors-speed';

export const TOPICS = [
  'payments', 'payments/webhooks', 'payments/refunds', 'payments/currency', 'payments/providers/stripe', 'payments/providers/adyen',
  'database', 'database/migrations', 'database/pooling', 'database/indexes', 'database/postgres',
  'reliability', 'reliability/retries', 'reliability/timeouts', 'reliability/circuit-breakers',
  'security', 'security/auth', 'security/secrets', 'security/dependencies',
  'frontend', 'frontend/accessibility', 'frontend/performance', 'frontend/forms', 'frontend/state',
  'testing', 'testing/flaky-tests', 'testing/contract-tests', 'testing/e2e',
  'observability', 'observability/logging', 'observability/tracing', 'observability/alerts',
  'deploys', 'deploys/feature-flags', 'deploys/rollbacks', 'ci', 'ci/caching',
  'api-design', 'api-design/versioning', 'api-design/pagination',
  'onboarding', 'code-review', 'incident-response', 'incident-response/postmortems',
  'caching', 'queues', 'queues/dead-letters', 'search', 'mobile', 'mobile/offline',
  'data', 'data/privacy', 'data/exports', 'infra/kubernetes', 'infra/terraform', 'infra/dns',
  'team/meetings', 'team/estimation', 'team/pairing', 'docs',
];

/** Topic pages written for these topics (ambassadors, aliases that fold older names in). */
const PAGES: Array<{ slug: string; title: string; aliases: string[] }> = [
  { slug: 'payments', title: 'Payments', aliases: ['billing'] },
  { slug: 'payments/webhooks', title: 'Webhooks', aliases: ['hooks', 'callbacks'] },
  { slug: 'database', title: 'Database', aliases: ['db'] },
  { slug: 'reliability', title: 'Reliability', aliases: [] },
  { slug: 'security', title: 'Security', aliases: ['appsec'] },
  { slug: 'frontend/accessibility', title: 'Accessibility', aliases: ['a11y'] },
  { slug: 'testing/flaky-tests', title: 'Flaky tests', aliases: [] },
  { slug: 'observability', title: 'Observability', aliases: ['monitoring'] },
  { slug: 'deploys', title: 'Deploys', aliases: ['releases'] },
  { slug: 'incident-response', title: 'Incident response', aliases: ['incidents'] },
];

const FIRST = ['Kari', 'Ola', 'Mette', 'Lars', 'Ingrid', 'Anders', 'Sofia', 'Erik', 'Maja', 'Jonas', 'Astrid', 'Nils', 'Freja', 'Henrik', 'Emma', 'Oskar', 'Linnea', 'Magnus', 'Sara', 'Mikkel'];
const LAST = ['Nordmann', 'Jensen', 'Hansen', 'Lindqvist', 'Berg', 'Nielsen', 'Johansson', 'Dahl', 'Solberg', 'Holm'];
const KINDS: Array<[kind: string, weight: number]> = [['lesson', 55], ['peer', 15], ['retro', 10], ['plan', 8], ['win', 8], ['idea', 4]];
const VERBS = ['Retry', 'Cache', 'Validate', 'Log', 'Pin', 'Batch', 'Index', 'Split', 'Measure', 'Document', 'Review', 'Lock', 'Stream', 'Throttle', 'Version'];
const THINGS = ['webhook events', 'refund amounts', 'the connection pool', 'feature flags', 'migration scripts', 'session tokens', 'the retry budget', 'queue consumers', 'API responses', 'test fixtures', 'dependency updates', 'the deploy pipeline', 'alert thresholds', 'form inputs', 'cache keys'];
const HOW = ['idempotently', 'before the release', 'per tenant', 'with a timeout', 'in one transaction', 'behind a flag', 'at the edge', 'on every retry', 'in CI', 'with a budget', 'by hand first', 'in small steps'];
const WORDS = (
  'the a we our provider retried handler request response timeout minutes customers charged twice because not idempotent database ' +
  'connection pool exhausted during peak traffic queue consumer dropped messages after deploy flag rollout reverted alert fired late ' +
  'dashboard showed nothing until users reported it test flaked on shared fixture order cache key missed tenant prefix migration locked ' +
  'table for seconds review caught it early pairing helped explain invariant budget limit token expired clock skew header missing ' +
  'latency doubled when logs went synchronous incident lasted hours postmortem found two causes one fix small change big effect'
).split(' ');

/** A skewed pick (earlier items more often), like real topic and author use. */
function skewed<T>(rng: Random, items: readonly T[]): T {
  return items[Math.floor(items.length * rng.next() * rng.next())];
}

function weighted(rng: Random, items: Array<[string, number]>): string {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[0][0];
}

function sentence(rng: Random): string {
  const words = Array.from({ length: rng.int(8, 20) }, () => rng.pick(WORDS));
  if (rng.int(0, 5) === 0) words.splice(rng.int(0, words.length), 0, `\`${rng.pick(WORDS)}${rng.int(1, 99)}\``);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** Wraps at 72 columns, as people write markdown. */
function paragraph(rng: Random, sentences: number): string {
  const words = Array.from({ length: sentences }, () => sentence(rng)).join(' ').split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > 72) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function body(rng: Random, targetBytes: number): string {
  const sections = ['## What happened', '## What we learned', '## Next time'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const heading = i < sections.length ? sections[i] : `## ${sentence(rng).slice(0, 30).replace(/\.$/, '')}`;
    const text = i % 3 === 1
      ? Array.from({ length: rng.int(2, 4) }, () => `- ${sentence(rng)}`).join('\n')
      : paragraph(rng, rng.int(2, 4));
    parts.push(heading, '', text, '');
    size += heading.length + text.length + 3;
  }
  return parts.join('\n');
}

export interface SourceTree {
  files: Array<{ path: string; lines: string[] }>;
}

/** `count` TypeScript-like files of 150-400 lines under src/. */
export function generateSourceTree(rng: Random, count: number): SourceTree {
  const files: SourceTree['files'] = [];
  for (let f = 0; f < count; f++) {
    files.push({ path: `src/${skewed(rng, TOPICS).split('/')[0]}/module${f % 17}/file${f}.ts`, lines: generateSource(rng, rng.int(150, 400)) });
  }
  return { files };
}

export interface GeneratedNote {
  path: string;
  text: string;
}

const START = '2020-01-06';

/** The i-th note of a workspace: deterministic for (seed, i). */
export function generateNote(rng: Random, tree: SourceTree, i: number): GeneratedNote {
  const kind = weighted(rng, KINDS);
  const title = `${rng.pick(VERBS)} ${rng.pick(THINGS)} ${rng.pick(HOW)} (${i})`;
  const topics = [...new Set(Array.from({ length: rng.int(1, 3) }, () => skewed(rng, TOPICS)))];
  // Some notes still use an alias, as teams do before a merge is complete.
  if (rng.int(0, 40) === 0) topics.push(rng.pick(PAGES.flatMap((p) => p.aliases)));
  const created = addDays(START, Math.floor((i * 2200) / 50_000) + rng.int(0, 30));
  const anchors: Anchor[] = [];
  for (let k = rng.int(0, 3); k > 0; k--) {
    const file = tree.files[rng.int(0, tree.files.length - 1)];
    const block = pickBlock(rng, file.lines);
    if (block) anchors.push({ path: file.path, lines: { start: block.start + 1, end: block.end + 1 }, snippet: snippetOf(file.lines, block.start, block.end), commit: rng.int(0, 1) ? (0x1000000 + rng.int(0, 0xeffffff)).toString(16) : undefined });
  }
  const extra: Record<string, string> = {};
  if (kind === 'plan') {
    extra.review = addDays(created, rng.int(14, 90));
    extra.status = rng.pick(['open', 'open', 'done', 'dropped']);
    extra.owner = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  }
  const author = `${skewed(rng, FIRST)} ${skewed(rng, LAST)}`;
  const front = renderFrontMatter({ title, kind, topics, author, created, anchors, extra });
  // Endorsements are added by hand by ambassadors: a plain list field.
  const endorsed = rng.int(0, 12) === 0 ? `endorsed: [${rng.pick(FIRST)} ${rng.pick(LAST)}]\n` : '';
  const head = `---\n${front}${endorsed}---\n`;
  const text = head + body(rng, Math.max(300, 1380 - head.length + rng.int(-300, 300)));
  return { path: `${created}-${toFileSlug(title)}.md`, text };
}

export function topicPage(page: (typeof PAGES)[number], rng: Random): string {
  const ambassadors = [`${rng.pick(FIRST)} ${rng.pick(LAST)}`];
  const aliases = page.aliases.length ? `aliases: [${page.aliases.join(', ')}]\n` : '';
  return `---\ntitle: ${page.title}\nambassadors: [${ambassadors.join(', ')}]\n${aliases}---\n${paragraph(rng, 3)}\n`;
}

export interface WorkspaceStats {
  root: string;
  notes: number;
  sourceFiles: number;
  noteBytes: number;
  anchors: number;
}

/**
 * Writes a workspace of `notes` notes into `root` (which should be empty):
 * `.learnings/notes/*.md`, `.learnings/topics/**.md` and the source tree under `src/`.
 */
export function generateWorkspace(root: string, notes: number, seed = 1): WorkspaceStats {
  const rng = new Random(seed);
  const tree = generateSourceTree(rng, Math.min(1000, Math.max(50, Math.round(notes / 10))));
  const folders = new Set(tree.files.map((f) => f.path.slice(0, f.path.lastIndexOf('/'))));
  for (const folder of folders) mkdirSync(join(root, folder), { recursive: true });
  for (const file of tree.files) writeFileSync(join(root, file.path), file.lines.join('\n') + '\n');
  const notesDir = join(root, '.learnings/notes');
  mkdirSync(notesDir, { recursive: true });
  let noteBytes = 0;
  let anchors = 0;
  for (let i = 0; i < notes; i++) {
    const note = generateNote(rng, tree, i);
    writeFileSync(join(notesDir, note.path), note.text);
    noteBytes += Buffer.byteLength(note.text);
    anchors += (note.text.match(/^ {2}- path: /gm) ?? []).length;
  }
  for (const page of PAGES) {
    const file = join(root, '.learnings/topics', `${page.slug}.md`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, topicPage(page, rng));
  }
  return { root, notes, sourceFiles: tree.files.length, noteBytes, anchors };
}

// `node out/test/bench/generate.js DIR NOTES [SEED]`: writes a workspace, prints its stats as JSON.
if (require.main === module) {
  const [root, notes, seed] = process.argv.slice(2);
  if (!root || !Number(notes)) {
    console.error('usage: node out/test/bench/generate.js DIR NOTES [SEED]');
    process.exit(2);
  }
  mkdirSync(root, { recursive: true });
  console.log(JSON.stringify(generateWorkspace(root, Number(notes), Number(seed ?? 1))));
}
