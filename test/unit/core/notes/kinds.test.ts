// One table of note kinds (core): every surface reads a kind from it, and the
// editor translates exactly its English.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { KNOWN_KINDS } from '../../../../src/core/model';
import { kindInfo, kindLabelOf, kindWordOf, NOTE_KINDS, OTHER_KIND_TITLE_PROMPT } from '../../../../src/core/notes/kinds';
import { builtInTemplate } from '../../../../src/core/notes/templates';
import { REPO_ROOT } from '../../../support/paths';

describe('note kinds', () => {
  it('has one entry per known kind, each with a label, description, title prompt, icon and sections', () => {
    assert.deepEqual(Object.keys(NOTE_KINDS).sort(), [...KNOWN_KINDS].sort());
    for (const kind of KNOWN_KINDS) {
      const k = NOTE_KINDS[kind];
      for (const field of ['label', 'description', 'titlePrompt', 'icon'] as const) assert.ok(k[field].length > 0, `${kind}.${field} is empty`);
      assert.ok(k.sections.length > 0, `${kind} has no template sections`);
    }
  });

  it('names an unknown kind as written, and never reads the prototype', () => {
    assert.equal(kindLabelOf('plan'), 'Action plan');
    assert.equal(kindWordOf('retro'), 'retrospective');
    assert.equal(kindLabelOf('postmortem'), 'postmortem');
    assert.equal(kindInfo('constructor'), undefined);
    assert.equal(kindLabelOf('toString'), 'toString');
  });

  it('builds the template from the table: the sections in order; an unknown kind gets the lesson\'s', () => {
    assert.equal(builtInTemplate('plan'), '## Goal\n\n## Measurable target\n\n## Steps\n\n## Check-ins\n');
    assert.equal(builtInTemplate('postmortem'), builtInTemplate('lesson'));
  });

  it('the editor translates every English text of the table under its own literal l10n.t call', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'src/extension/kinds.ts'), 'utf8');
    const texts = Object.values(NOTE_KINDS).flatMap((k) => [k.label, k.description, k.titlePrompt]).concat(OTHER_KIND_TITLE_PROMPT);
    for (const text of texts) {
      const quoted = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.match(source, new RegExp(`'${quoted}': \\(\\) =>\\s*vscode\\.l10n\\.t\\('${quoted}'\\)`), `src/extension/kinds.ts does not translate ${JSON.stringify(text)}`);
    }
  });
});
