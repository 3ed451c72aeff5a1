// Problems no single file shows: two notes whose titles read the same, and a
// topic page no note uses. Warnings on each file concerned.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { LearningsWorkspace } from '../../../../src/core/index/workspace';
import { crossFileProblems, titleKey } from '../../../../src/core/index/crossFileProblems';

const note = (title: string, topics = '[x]') => `---\ntitle: ${title}\ntopics: ${topics}\n---\nBody.\n`;

async function problems(files: Record<string, string>) {
  const index = await new LearningsWorkspace(new MemoryFileSystem(files)).load();
  return crossFileProblems(index.notes(), index.pages(), index.topics());
}

describe('crossFileProblems', () => {
  it('titles that read the same to a person are the same: case, spacing, invisible and compatibility characters', () => {
    const key = titleKey('Retry once');
    for (const t of ['retry once', '  RETRY   once ', 'Retry\u200b once', 'Ｒｅｔｒｙ once', 'Retry\u00a0once', '\u202eRetry once']) assert.equal(titleKey(t), key, JSON.stringify(t));
    assert.notEqual(titleKey('Retry twice'), key);
  });

  it('warns on each note with the same title, at its title line, naming the others', async () => {
    const found = await problems({
      '.learnings/notes/a.md': note('Retry once'),
      '.learnings/notes/b.md': note('retry  ONCE'),
      '.learnings/notes/c.md': note('Something else'),
    });
    assert.deepEqual(found, [
      { file: '.learnings/notes/a.md', line: 2, severity: 'warning', message: 'another note has the same title: .learnings/notes/b.md; give each note its own title' },
      { file: '.learnings/notes/b.md', line: 2, severity: 'warning', message: 'another note has the same title: .learnings/notes/a.md; give each note its own title' },
    ]);
  });

  it('names two others and counts the rest', async () => {
    const files: Record<string, string> = {};
    for (const n of ['a', 'b', 'c', 'd', 'e']) files[`.learnings/notes/${n}.md`] = note('Same');
    const found = await problems(files);
    assert.equal(found.length, 5);
    assert.equal(found[0].message, 'another note has the same title: .learnings/notes/b.md, .learnings/notes/c.md and 2 more; give each note its own title');
  });

  it('warns on a topic page no note uses, through its aliases too; a page in use is fine', async () => {
    const found = await problems({
      '.learnings/notes/a.md': note('A', '[payments, legacy-name]'),
      '.learnings/topics/payments.md': 'Money.\n',
      '.learnings/topics/unused.md': 'Nobody.\n',
      '.learnings/topics/old.md': '---\naliases: [older]\n---\nGone.\n',
      '.learnings/topics/renamed.md': '---\naliases: [legacy-name]\n---\nKept by its alias.\n',
    });
    assert.deepEqual(found.map((p) => [p.file, p.message]), [
      ['.learnings/topics/old.md', 'no note uses the topic "old" or its aliases: tag a note with it, or merge the page into another topic'],
      ['.learnings/topics/unused.md', 'no note uses the topic "unused": tag a note with it, or merge the page into another topic'],
    ].sort());
    assert.ok(found.every((p) => p.severity === 'warning'));
  });
});
