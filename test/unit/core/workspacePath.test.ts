// An anchor's path comes from a note, which is untrusted: it names a file
// inside the workspace or is refused with the reason.

import * as assert from 'node:assert/strict';
import { normalizeRelativePath, unsafePathReason } from '../../../src/core/workspacePath';

describe('anchorPath', () => {
  it('takes workspace-relative paths', () => {
    for (const p of ['src/x.ts', 'a/b/c.py', './src/x.ts', 'src/.hidden/x', 'file..name.ts', '..rc']) assert.equal(unsafePathReason(p), undefined, p);
  });

  it('refuses what could leave the workspace, saying why', () => {
    const cases: Array<[string, string]> = [
      ['', 'is empty'],
      ['   ', 'is empty'],
      ['src/x\0.ts', 'contains a NUL character'],
      ['/etc/passwd', 'is absolute'],
      ['C:/Windows/x', 'is absolute'],
      ['\\\\server\\share', 'is absolute'],
      ['src\\x.ts', 'uses "\\": write paths with "/"'],
      ['../etc/passwd', 'goes outside the workspace with ".."'],
      ['src/../../x', 'goes outside the workspace with ".."'],
      ['file:///etc/passwd', 'is a URI, not a workspace path'],
      ['vscode:extension/x', 'is a URI, not a workspace path'],
    ];
    for (const [path, reason] of cases) assert.equal(unsafePathReason(path), reason, JSON.stringify(path));
  });

  it('normalises "." and empty segments, and leaves a clean path as it is', () => {
    assert.equal(normalizeRelativePath('./a//b/./c.ts'), 'a/b/c.ts');
    assert.equal(normalizeRelativePath('a/b/'), 'a/b');
    const clean = 'src/core/x.ts';
    assert.equal(normalizeRelativePath(clean), clean);
  });
});
