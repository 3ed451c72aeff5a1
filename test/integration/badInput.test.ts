// Bad and hostile notes in a real VS Code (issue #7): the corpus of
// test/fixtures/bad-notes is copied into the demo workspace, with what cannot
// be committed made here (a 10 MB note, symlinks out of the workspace). Each
// bad file gets its expected message in the Problems view, on its line; an
// open note is checked as it is typed; the views and the good notes keep
// working; and everything is removed again afterwards.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, EXTENSION_ID, root, uri, waitFor, restoresWorkspace } from './helpers';
import type { ExpectedCase } from '../support/badInputCorpus';

const SECRET = 'TOP-SECRET-b51e2d';

function fixture(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return path.join(ext.extensionUri.fsPath, 'test', 'fixtures', 'bad-notes');
}

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

describe('Bad input: the corpus of bad and hostile notes in the Problems view', function () {
  // A fresh workspace for this suite and the next: the fixture's git, files and index.
  restoresWorkspace();
  this.timeout(60_000);
  const workspace = () => root().fsPath;
  const abs = (rel: string) => path.join(workspace(), ...rel.split('/'));
  const expected = JSON.parse(fs.readFileSync(path.join(fixture(), 'expected.json'), 'utf8')) as { good: string[]; cases: ExpectedCase[] };
  const indexCases = expected.cases.filter((c) => c.stage !== 'check');
  const added: string[] = [];
  let outside: string;

  before(async () => {
    const { service } = await api();
    await service.ready();
    // Copy the corpus, never over a file of the demo (its topic page for payments/webhooks).
    for (const rel of listFiles(fixture())) {
      if (rel === 'expected.json' || rel === 'README.md' || fs.existsSync(abs(rel))) continue;
      fs.mkdirSync(path.dirname(abs(rel)), { recursive: true });
      fs.copyFileSync(path.join(fixture(), ...rel.split('/')), abs(rel));
      added.push(rel);
    }
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.txt'), `${SECRET} the secret\n`);
    fs.writeFileSync(path.join(outside, 'note.md'), `---\ntitle: ${SECRET}\ntopics: [secret]\n---\n${SECRET}\n`);
    for (const c of expected.cases) {
      if (c.make === '10 MB note') fs.writeFileSync(abs(c.file), `---\ntitle: A ten megabyte note\n---\n${'All work and no play. '.repeat(Math.ceil((10 * 1024 * 1024) / 22))}`);
      if (c.make === 'note symlink out') fs.symlinkSync(path.join(outside, 'note.md'), abs(c.file));
      if (c.make === 'folder symlink out') fs.symlinkSync(outside, abs('src/outside'), 'dir');
      if (c.make) added.push(c.make === 'folder symlink out' ? 'src/outside' : c.file);
    }
    // The watcher sees the new files; the index and the Problems view follow.
    await waitFor(
      'the index to read the corpus',
      () => expected.good.every((g) => service.indexIfLoaded?.get(g)) && indexCases.every((c) => c.severity === null || service.indexIfLoaded!.problemsOf(c.file).length > 0),
      30_000,
    );
    await service.settled();
    // The Problems view has every bad file's diagnostic: a "no problem" case checked after this is
    // checked on published diagnostics, not before any were published.
    const published = (file: string) => vscode.languages.getDiagnostics(uri(file)).some((x) => x.source === 'Team Learnings');
    await waitFor('the diagnostics of every bad file', () => indexCases.every((c) => c.severity === null || published(c.file)), 30_000);
  });

  after(async () => {
    await closeAllEditors();
    const { service } = await api();
    for (const rel of added.reverse()) fs.rmSync(abs(rel), { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
    const index = service.indexIfLoaded!;
    const corpus = new Set([...added, ...expected.cases.map((c) => c.file)]);
    const left = () => [...index.notes().map((n) => n.path), ...index.problems().map((p) => p.file)].filter((p) => corpus.has(p));
    await waitFor('the index to forget the corpus', () => left().length === 0, 30_000).catch((err: Error) => {
      throw new Error(`${err.message}: still there: ${left().join(', ')}`);
    });
    await waitFor('the Problems view to be empty again', () => vscode.languages.getDiagnostics().every(([, d]) => d.every((x) => x.source !== 'Team Learnings')), 10_000);
  });

  for (const c of indexCases) {
    it(`${c.case}: ${c.severity === null ? 'no problem' : `one ${c.severity} in the Problems view`} (${c.file})`, async () => {
      const diagnostics = await waitFor(`diagnostics of ${c.file}`, () => {
        const d = vscode.languages.getDiagnostics(uri(c.file)).filter((x) => x.source === 'Team Learnings');
        return c.severity === null ? (d.length === 0 ? d : undefined) : d.length > 0 ? d : undefined;
      });
      if (c.severity === null) {
        // No problem, and not because the note was never read: the index has it, and found nothing wrong.
        const { service } = await api();
        const index = service.indexIfLoaded!;
        assert.ok(index.get(c.file) || index.pages().some((p) => p.path === c.file), `${c.file} is indexed`);
        assert.deepEqual(index.problemsOf(c.file), [], `${c.file} has no problem in the index`);
        return;
      }
      assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join(' | '));
      const [d] = diagnostics;
      assert.match(d.message, new RegExp(c.message!));
      assert.equal(d.severity, c.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      assert.equal(d.range.start.line, (c.line ?? 1) - 1, 'on its line');
    });
  }

  it('an open bad note: the diagnostic covers its line, and follows what is typed before it is saved', async () => {
    const file = '.learnings/notes/lines-reversed.md';
    const doc = await vscode.workspace.openTextDocument(uri(file));
    const editor = await vscode.window.showTextDocument(doc);
    const ours = () => vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'Team Learnings');
    const [d] = await waitFor('the diagnostic', () => (ours().length ? ours() : undefined));
    assert.equal(d.range.start.line, 5);
    assert.equal(doc.getText(d.range), 'lines: 9-3', 'the range is the text of the line');
    const line = doc.lineAt(5).range;
    await editor.edit((e) => e.replace(line, '    lines: 3-9'));
    await waitFor('the diagnostic to go while typing', () => ours().length === 0);
    assert.equal(doc.isDirty, true, 'not saved: checked as typed');
    await vscode.commands.executeCommand('undo');
    await waitFor('the diagnostic to come back', () => ours().length === 1);
    assert.equal(doc.isDirty, false);
  });

  it('the views keep working: the Topics view lists the demo topics, the good notes are indexed', async () => {
    const { service, views } = await api();
    const index = await service.ready();
    const slugs = (await views.topics.getChildren()).map((n) => (n.type === 'topic' ? n.topic.slug : ''));
    for (const slug of ['database', 'onboarding', 'payments', 'reliability', 'security', 'team-practices', 'testing']) assert.ok(slugs.includes(slug), `${slug} in the Topics view`);
    for (const good of expected.good) assert.ok(index.get(good), `${good} indexed`);
    for (const c of expected.cases.filter((x) => x.file.includes('/notes/'))) assert.equal(index.get(c.file) !== undefined, c.indexed, `${c.file} indexed: ${c.indexed}`);
    const testing = (await views.topics.getChildren()).find((n) => n.type === 'topic' && n.topic.slug === 'testing')!;
    const titles = (await views.topics.getChildren(testing)).map((n) => (n.type === 'note' ? n.note.title : ''));
    assert.ok(titles.includes('Inject the clock in every test of timeouts'), 'a good note of the corpus is in the tree');
    assert.equal(index.search('clock').length > 0, true);
  });

  it('nothing outside the workspace is read or shown', async () => {
    const { service } = await api();
    const index = await service.ready();
    assert.ok(!JSON.stringify(index.notes()).includes(SECRET));
    assert.ok(!JSON.stringify(index.problems()).includes(SECRET));
    const all = vscode.languages.getDiagnostics().flatMap(([, d]) => d.map((x) => x.message));
    assert.ok(!all.join('\n').includes(SECRET));
  });
});
