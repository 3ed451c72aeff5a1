// The declaration scan behind `symbol:` (issue 11): one small regex and
// indentation scan per language, no parser.

import * as assert from 'node:assert/strict';
import { declarationsOf, enclosingDeclaration, findDeclaration } from '../../../../src/core/anchors/declarations';
import { symbolAt } from '../../../../src/core/anchors/captureAnchor';
import { parseNote } from '../../../../src/core/notes/parseNote';
import { reanchorEdits, ReanchorError } from '../../../../src/core/anchors/reanchor';
import { editNote } from '../../../../src/core/notes/noteEditor';

const SAMPLES: Array<[string, string, number, string]> = [
  ['src/router.ts', 'export class Router {\n  private x = 1;\n\n  async handle(req: Request): Promise<void> {\n    await this.run(req);\n  }\n}\n', 5, 'Router.handle'],
  ['lib/a.js', 'exports.parse = parse;\n\nfunction parse(input) {\n  return input.trim();\n}\n', 4, 'parse'],
  ['app/views.py', 'class Checkout:\n    def total(self, items):\n        s = 0\n        return s\n', 3, 'Checkout.total'],
  ['pay/hook.go', 'package pay\n\nfunc (h *Handler) Serve(w http.ResponseWriter) {\n\tw.Write(nil)\n}\n', 4, 'Handler.Serve'],
  ['src/Main.java', 'public class Main {\n  public static void main(String[] args) {\n    System.out.println(args);\n  }\n}\n', 3, 'Main.main'],
  ['src/Cart.cs', 'public class Cart\n{\n    public decimal Total(IEnumerable<Item> items)\n    {\n        return 0;\n    }\n}\n', 5, 'Cart.Total'],
  ['src/Cart.kt', 'class Cart {\n    fun total(items: List<Item>): Int {\n        return 0\n    }\n}\n', 3, 'Cart.total'],
  ['src/cart.rs', 'impl Cart {\n    pub fn total(&self) -> u32 {\n        0\n    }\n}\n', 3, 'Cart.total'],
  ['lib/cart.rb', 'class Cart\n  def total(items)\n    items.sum\n  end\nend\n', 3, 'Cart.total'],
];

describe('anchors: the enclosing declaration', () => {
  for (const [path, text, line, symbol] of SAMPLES) {
    it(`names ${symbol} in ${path}`, () => {
      assert.equal(symbolAt(path, text, { start: line, end: line }), symbol);
    });
  }

  it('knows no declaration in a language it does not scan', () => {
    assert.deepEqual(declarationsOf('README.md', '# function x() {\n'), []);
  });

  it('finds a declaration again by its name, not by a same-named alias, and not when two match', () => {
    const decls = declarationsOf('a.js', 'exports.parse = parse;\nfunction parse(a) {\n  return a;\n}\n');
    assert.equal(findDeclaration(decls, 'parse')?.start, 1);
    const twice = declarationsOf('a.py', 'class A:\n    def run(self):\n        pass\nclass B:\n    def run(self):\n        pass\n');
    assert.equal(findDeclaration(twice, 'run'), undefined);
    assert.equal(findDeclaration(twice, 'B.run')?.start, 4);
  });

  it('prefers the declaration a range starts with over the one it sits in', () => {
    const lines = 'class A {\n  run() {\n    go();\n  }\n}\n'.split('\n');
    assert.equal(enclosingDeclaration(declarationsOf('a.ts', lines), lines, 1, 3)?.name, 'A.run');
  });

  it('takes a doc comment at the start of a range as part of the declaration under it', () => {
    const ts = 'export class Router {\n  /** Routes a request. */\n  handle(req) {\n    return go(req);\n  }\n}\n'.split('\n');
    assert.equal(enclosingDeclaration(declarationsOf('a.ts', ts), ts, 1, 4)?.name, 'Router.handle');
    const block = 'class Router {\n  /**\n   * Routes a request.\n   */\n  handle(req) {\n    return go(req);\n  }\n}\n'.split('\n');
    assert.equal(enclosingDeclaration(declarationsOf('a.ts', block), block, 1, 6)?.name, 'Router.handle');
    const py = 'class Router:\n    # Routes a request.\n    def handle(self, req):\n        return go(req)\n'.split('\n');
    assert.equal(enclosingDeclaration(declarationsOf('a.py', py), py, 1, 3)?.name, 'Router.handle');
    // A range of comments only still sits in its class.
    assert.equal(enclosingDeclaration(declarationsOf('a.ts', ts), ts, 1, 1)?.name, 'Router');
  });
});

describe('reanchorEdits', () => {
  const NOTE = '---\ntitle: T\n# keep me\nanchors:\n  - path: src/a.ts\n    lines: 1-1\n    snippet: |\n      old();\n    commit: abc1234\n---\nBody\n';
  const note = parseNote('.learnings/notes/t.md', NOTE).note!;

  it('writes path, lines, snippet, commit and symbol of one anchor, every other byte kept', () => {
    const text = 'export function go() {\n  old();\n}\n';
    const edits = reanchorEdits(note, 0, { path: 'src/b.ts', range: { start: 1, end: 3 }, text, head: 'def5678def5678def5678def5678def5678def56' });
    const after = editNote(NOTE, edits);
    assert.equal(
      after,
      '---\ntitle: T\n# keep me\nanchors:\n  - path: src/b.ts\n    lines: 1-3\n    snippet: |\n      export function go() {\n        old();\n      }\n    commit: def5678\n    symbol: go\n---\nBody\n',
    );
  });

  it('never points an anchor into the notes folder or a generated file', () => {
    for (const path of ['.learnings/notes/t.md', 'node_modules/x/index.js', 'dist/extension.js', 'package-lock.json', 'web/app.min.js', 'src/a.js.map']) {
      assert.throws(() => reanchorEdits(note, 0, { path, range: { start: 1, end: 1 }, text: 'x\n' }), ReanchorError, path);
    }
    assert.throws(() => reanchorEdits(note, 0, { path: 'notes-here/x.ts', range: { start: 1, end: 1 }, text: 'x\n', notesFolder: 'notes-here' }), ReanchorError);
  });
});
