// Anchor checks in the CLI: relocation helped by git history where there is one.

import { checkAnchors, type CheckResult } from '../core/anchors/checkAnchors';
import type { Note } from '../core/model';
import type { CliContext } from './context';
import { GitHistory } from '../node/gitHistory';

export function checkWithHistory(ctx: CliContext, notes: Note[]): Promise<CheckResult> {
  return checkAnchors(ctx.fs, notes, { history: new GitHistory(ctx.root), notesFolder: ctx.workspace.layout.folder });
}
