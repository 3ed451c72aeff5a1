// A kind reads the same in the editor as in core (the CLI, the preview, the
// digest): the extension's kindLabel translates exactly core's English labels.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { KIND_LABELS } from '../../../../src/core/notes/kinds';
import { REPO_ROOT } from '../../../support/paths';

const root = REPO_ROOT;

describe('kind labels', () => {
  it('the extension translates the English of core\'s one table, kind by kind', () => {
    const source = readFileSync(path.join(root, 'src/extension/kinds.ts'), 'utf8');
    const fn = source.slice(source.indexOf('export function kindLabel('), source.indexOf('export function kindDescription('));
    for (const [kind, label] of Object.entries(KIND_LABELS)) {
      assert.match(fn, new RegExp(`case '${kind}':\\s*return vscode\\.l10n\\.t\\('${label}'\\);`), `kindLabel('${kind}') is not l10n.t('${label}')`);
    }
  });
});
