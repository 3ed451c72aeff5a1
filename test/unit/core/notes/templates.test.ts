// Body templates: built in per kind, overridden by `.learnings/templates/<kind>.md`
// in a trusted workspace only, with {{title}}, {{author}} and {{date}} filled in as text.

import * as assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';
import { layoutFor } from '../../../../src/core/layout';
import { builtInTemplate, loadTemplate } from '../../../../src/core/notes/templates';

const values = { title: 'Cost $& of $` and $\'', author: 'Kari', date: '2026-11-23' };

describe('templates', () => {
  it('each kind has its sections, an unknown kind the lesson\'s, one line end at the end', () => {
    assert.equal(builtInTemplate('lesson'), '## What happened\n\n## What we learned\n\n## Next time\n');
    assert.equal(builtInTemplate('plan'), '## Goal\n\n## Measurable target\n\n## Steps\n\n## Check-ins\n');
    assert.equal(builtInTemplate('win'), '## The result\n\n## Thanks to\n');
    assert.equal(builtInTemplate('rant'), builtInTemplate('lesson'));
  });

  it('a template in the repo replaces the built-in one, placeholders filled in as plain text', async () => {
    const fs = new MemoryFileSystem({ '.learnings/templates/retro.md': '\ufeff# {{ title }}\r\nBy {{author}} on {{date}}.\r\n' });
    assert.equal(await loadTemplate(fs, layoutFor(), 'retro', values), '# Cost $& of $` and $\'\nBy Kari on 2026-11-23.\n');
    assert.equal(await loadTemplate(fs, layoutFor(), 'retro', { title: 'T', date: '2026-11-23' }), '# T\nBy  on 2026-11-23.\n', 'no author: empty');
  });

  it('in an untrusted workspace, and for a kind that is no file name, only built-in templates', async () => {
    const fs = new MemoryFileSystem({ '.learnings/templates/retro.md': 'from the repo\n', '.learnings/templates/../x.md': 'no' });
    assert.equal(await loadTemplate(fs, layoutFor(), 'retro', values, false), builtInTemplate('retro'));
    assert.equal(await loadTemplate(fs, layoutFor(), '../x', values), builtInTemplate('lesson'));
  });

  it('a template of 64 KB or more, or a folder in its place, is not read', async () => {
    const fs = new MemoryFileSystem({ '.learnings/templates/idea.md': `${'x'.repeat(64 * 1024)}\n`, '.learnings/templates/win.md/inner.md': 'a folder' });
    assert.equal(await loadTemplate(fs, layoutFor(), 'idea', values), builtInTemplate('idea'));
    assert.equal(await loadTemplate(fs, layoutFor(), 'win', values), builtInTemplate('win'));
  });

  it('follows the configured folder', async () => {
    const fs = new MemoryFileSystem({ 'kb/templates/lesson.md': 'Ours: {{title}}\n' });
    assert.equal(await loadTemplate(fs, layoutFor('kb'), 'lesson', { title: 'T', date: '2026-11-23' }), 'Ours: T\n');
  });
});
