// Anchors on real git workspaces, through the built CLI, with the notes
// committed as a team commits them (issue 11): code moves only to code,
// history wherever there is any (the note's own commit, staged renames),
// the enclosing declaration as a clue, and `check --fix` byte-exact outside
// the anchor it updates.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { learnings } from '../../support/builtCli';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'Kari', GIT_AUTHOR_EMAIL: 'k@example.com', GIT_COMMITTER_NAME: 'Kari', GIT_COMMITTER_EMAIL: 'k@example.com' };

const ROUTER = `import { verify } from './verify';

export class Router {
  private routes = new Map<string, Handler>();

  add(path: string, handler: Handler): void {
    this.routes.set(path, handler);
  }

  handle(request: Request, secret: string): Response {
    const route = this.routes.get(request.path);
    if (!route) return notFound(request);
    if (!verify(request.headers['x-signature'], secret)) return forbidden(request);
    const response = route(request);
    log(request, response);
    return response;
  }
}
`;

interface AnchorJson {
  note: string;
  path: string;
  lines?: string;
  status: string;
  similarity?: number;
  was: string;
}

class Repo {
  readonly root: string;
  constructor(files: Record<string, string> = {}) {
    this.root = mkdtempSync(path.join(tmpdir(), 'learnings-git-'));
    this.git('init', '-q', '-b', 'main');
    for (const [rel, text] of Object.entries(files)) this.write(rel, text);
  }
  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.root, ...args], { env: ENV, encoding: 'utf8' });
  }
  write(rel: string, text: string): void {
    mkdirSync(path.dirname(path.join(this.root, rel)), { recursive: true });
    writeFileSync(path.join(this.root, rel), text);
  }
  read(rel: string): string {
    return readFileSync(path.join(this.root, rel), 'utf8');
  }
  commitAll(message: string): void {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
  }
  /** `learnings new` with one anchor, as a user records it; returns the note's path. */
  record(anchor: string): string {
    const r = learnings(this.root, 'new', '--title', 'Verify the signature before routing', '--topic', 'payments', '--author', 'Kari', '--anchor', anchor);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.trim();
  }
  check(): AnchorJson[] {
    const r = learnings(this.root, 'check', '--json');
    return (JSON.parse(r.stdout) as { anchors: AnchorJson[] }).anchors;
  }
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function linesOf(a: AnchorJson): { start: number; end: number } {
  const [start, end] = (a.lines ?? '0-0').split('-').map(Number);
  return { start, end };
}

/** 1-based lines of the declaration starting at the line holding `head` in `text`, to its closing line at the same indentation. */
function declarationLines(text: string, head: string): { start: number; end: number } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes(head));
  const indent = lines[start].length - lines[start].trimStart().length;
  let end = start + 1;
  while (end < lines.length && !(lines[end].trim() === '}' && lines[end].length - lines[end].trimStart().length === indent)) end++;
  return { start: start + 1, end: end + 1 };
}

/** The note's text with anchor `index`'s entry (from its `- ` line to the next entry or field) cut out: all `check --fix` may change. */
function outsideAnchor(text: string, index: number): string {
  const lines = text.split('\n');
  const anchorsAt = lines.findIndex((l) => /^anchors:/.test(l));
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const first = lines.findIndex((l, i) => i > anchorsAt && /^\s*- /.test(l));
  const itemIndent = indentOf(lines[first]);
  const items: number[] = [];
  for (let i = first; i < lines.length && (lines[i].trim() === '' || indentOf(lines[i]) >= itemIndent) && lines[i] !== '---'; i++) {
    if (indentOf(lines[i]) === itemIndent && lines[i].trimStart().startsWith('- ')) items.push(i);
  }
  const from = items[index];
  let to = from + 1;
  while (to < lines.length && lines[to] !== '---' && (lines[to].trim() === '' || indentOf(lines[to]) > itemIndent)) to++;
  return [...lines.slice(0, from), '<anchor>', ...lines.slice(to)].join('\n');
}

describe('anchors on real git history (built CLI)', function () {
  this.timeout(30000);
  let repo: Repo | undefined;
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
  });

  it('records the enclosing declaration as symbol at capture', () => {
    repo = new Repo({ 'src/router.ts': ROUTER });
    repo.commitAll('router');
    const note = repo.record('src/router.ts:11-13');
    assert.match(repo.read(note), /\n {4}symbol: Router\.handle\n/);
  });

  it('note committed after the anchor\'s commit, parameter renamed, function moved down: drifted at the function, never in .learnings/', () => {
    repo = new Repo({ 'src/router.ts': ROUTER });
    repo.commitAll('router');
    const notePath = repo.record('src/router.ts:10-17');
    assert.match(repo.read(notePath), /commit: "?[0-9a-f]{7,}"?/);
    repo.commitAll('lesson about the router');
    const helper = `  reset(): void {\n    this.routes.clear();\n    this.routes = new Map();\n  }\n\n  size(): number {\n    return this.routes.size;\n  }\n\n`;
    const edited = ROUTER.replace('  handle(', `${helper}  handle(`).replace(/\brequest\b/g, 'incoming');
    repo.write('src/router.ts', edited);
    repo.commitAll('rename the request parameter, add helpers');
    const [anchor] = repo.check();
    assert.equal(anchor.path, 'src/router.ts', JSON.stringify(anchor));
    assert.equal(anchor.status, 'drifted', JSON.stringify(anchor));
    const fn = declarationLines(edited, 'handle(incoming');
    const at = linesOf(anchor);
    assert.ok(at.start <= fn.end && at.end >= fn.start && at.start >= fn.start - 1, `${anchor.lines} should be on ${fn.start}-${fn.end}`);
    const before = repo.read(notePath);
    const fix = learnings(repo.root, 'check', '--fix');
    // Each line starts with the note's path; what must never name the notes folder is where the anchor went.
    assert.doesNotMatch(fix.stderr + fix.stdout, /(?:to|now) \.learnings\//);
    assert.equal(repo.read(notePath), before, 'a drifted anchor is left for a person');
  });

  it('committed rename of an anchored file, no commit: field: followed, and check --fix changes only that anchor', () => {
    repo = new Repo({ 'src/router.ts': ROUTER, 'src/other.ts': 'export const other = 1;\n' });
    repo.commitAll('router');
    repo.write(
      '.learnings/notes/2026-06-01-hand-written.md',
      [
        '---',
        '# written by hand',
        'title: "Routing: verify first"',
        'kind: lesson',
        'topics: [payments]',
        'anchors:',
        '  - path: src/other.ts',
        '    lines: 1-1',
        '    snippet: |',
        '      export const other = 1;',
        '  - path: src/router.ts   # the router',
        '    lines: 10-12',
        '    snippet: |',
        '        handle(request: Request, secret: string): Response {',
        '          const route = this.routes.get(request.path);',
        '          if (!route) return notFound(request);',
        'created: 2026-06-01',
        '---',
        'Body, untouched.',
        '',
      ].join('\n'),
    );
    repo.commitAll('lesson');
    repo.git('mv', 'src/router.ts', 'src/http-router.ts');
    repo.commitAll('rename the router');
    const anchors = repo.check();
    assert.equal(anchors[0].status, 'fresh');
    assert.equal(anchors[1].status, 'moved', JSON.stringify(anchors[1]));
    assert.equal(anchors[1].path, 'src/http-router.ts');
    assert.equal(anchors[1].lines, '10-12');
    const note = '.learnings/notes/2026-06-01-hand-written.md';
    const before = repo.read(note);
    assert.equal(learnings(repo.root, 'check', '--fix').code, 0);
    const after = repo.read(note);
    assert.notEqual(after, before);
    assert.equal(outsideAnchor(after, 1), outsideAnchor(before, 1));
    assert.match(after, /- path: src\/http-router\.ts {3}# the router\n {4}lines: 10-12\n/);
    assert.equal(repo.check()[1].status, 'fresh');
  });

  it('staged rename (git mv, not committed) of a file whose anchors have no commit: followed', () => {
    repo = new Repo({ 'src/router.ts': ROUTER });
    repo.commitAll('router');
    const notePath = repo.record('src/router.ts:10-13');
    // A note written by hand or by an older version: no commit field.
    repo.write(notePath, repo.read(notePath).replace(/\n {4}commit: .*/, ''));
    repo.commitAll('lesson');
    repo.git('mv', 'src/router.ts', 'src/routing.ts');
    const [anchor] = repo.check();
    assert.equal(anchor.status, 'moved', JSON.stringify(anchor));
    assert.equal(anchor.path, 'src/routing.ts');
    const before = repo.read(notePath);
    assert.equal(learnings(repo.root, 'check', '--fix').code, 0);
    assert.equal(outsideAnchor(repo.read(notePath), 0), outsideAnchor(before, 0));
    assert.equal(repo.read(notePath), before.replace('path: src/router.ts', 'path: src/routing.ts'));
  });

  it('rewritten body under the same declaration: drifted at it, not orphaned', () => {
    repo = new Repo({ 'src/router.ts': ROUTER });
    repo.commitAll('router');
    const notePath = repo.record('src/router.ts:11-16');
    repo.commitAll('lesson');
    const rewritten = ROUTER.replace(
      /handle\(request: Request, secret: string\): Response \{[\s\S]*?\n {2}\}\n/,
      'handle(request: Request, secret: string): Response {\n    return pipeline([authenticate(secret), dispatch(this.routes)]).run(request);\n  }\n',
    );
    repo.write('src/router.ts', rewritten);
    repo.commitAll('rewrite handle as a pipeline');
    const [anchor] = repo.check();
    assert.equal(anchor.status, 'drifted', JSON.stringify(anchor));
    const fn = declarationLines(rewritten, 'handle(request');
    const at = linesOf(anchor);
    assert.ok(at.start >= fn.start && at.end <= fn.end, `${anchor.lines} should be inside ${fn.start}-${fn.end}`);
    const before = repo.read(notePath);
    learnings(repo.root, 'check', '--fix');
    assert.equal(repo.read(notePath), before);
  });

  it('the demo: renaming src/payments/webhook.ts and committing follows both anchors', () => {
    repo = new Repo();
    cpSync(path.resolve(__dirname, '../../../../test/fixtures/demo-workspace'), repo.root, { recursive: true });
    repo.commitAll('demo');
    repo.git('mv', 'src/payments/webhook.ts', 'src/payments/webhook-handler.ts');
    repo.commitAll('rename');
    const onWebhook = repo.check().filter((a) => a.was.startsWith('src/payments/webhook.ts:'));
    assert.equal(onWebhook.length, 2);
    for (const a of onWebhook) {
      assert.equal(a.status, 'moved', JSON.stringify(a));
      assert.equal(a.path, 'src/payments/webhook-handler.ts');
    }
    const notes = readdirSync(path.join(repo.root, '.learnings/notes')).map((n) => `.learnings/notes/${n}`);
    const before = new Map(notes.map((n) => [n, repo!.read(n)]));
    assert.equal(learnings(repo.root, 'check', '--fix').code, 0);
    let changed = 0;
    for (const n of notes) {
      const was = before.get(n)!;
      const now = repo.read(n);
      if (now === was) continue;
      changed++;
      const index = was.split(/\n\s*- path: /).slice(1).findIndex((item) => item.startsWith('src/payments/webhook.ts'));
      assert.equal(outsideAnchor(now, index), outsideAnchor(was, index), n);
      assert.match(now, /path: src\/payments\/webhook-handler\.ts\n/);
    }
    assert.equal(changed, 2);
    assert.equal(repo.check().filter((a) => a.status !== 'fresh').length, 0);
  });

  it('a snippet copied into a generated, ignored, vendored or lock file is never where the code moved', () => {
    repo = new Repo({ 'src/router.ts': ROUTER, '.gitignore': 'tmp/\n' });
    repo.commitAll('router');
    const notePath = repo.record('src/router.ts:10-17');
    repo.commitAll('lesson');
    const body = ROUTER.split('\n').slice(9, 17).join('\n');
    repo.write('src/router.ts', ROUTER.replace(body, '  handle(): Response {\n    return gone();\n  }'));
    repo.write('dist/router.js', `// built\n${body}\n`);
    repo.write('web/app.min.js', `${body}\n`);
    repo.write('tmp/scratch.ts', `${body}\n`);
    repo.write('yarn.lock', `# yarn lockfile v1\n${body}\n`);
    repo.write('node_modules/router/index.ts', `${body}\n`);
    repo.commitAll('rewrite, with build output, a lockfile and a vendored copy committed');
    const [anchor] = repo.check();
    assert.equal(anchor.path, 'src/router.ts', JSON.stringify(anchor));
    assert.notEqual(anchor.status, 'moved');
    const before = repo.read(notePath);
    learnings(repo.root, 'check', '--fix');
    assert.equal(repo.read(notePath), before);
  });
});
