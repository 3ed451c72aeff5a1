// "Generate Digest": what the team learned in a period, as markdown for the
// team meeting, opened in an untitled editor to copy or save.

import * as vscode from 'vscode';
import { buildDigest, DEFAULT_DIGEST_DAYS } from '../../core/teamLoop/digest';
import { renderDigestHtml, renderDigestMarkdown } from '../../core/teamLoop/digestRender';
import { addDays, isIsoDate } from '../../core/dates';
import type { LearningsService } from '../service';
import { gitApi } from '../git';
import { digestLabels } from './digestLabels';

export interface DigestArgs {
  since?: string;
  until?: string;
  format?: 'md' | 'html';
  /** Open the digest in an editor (default true). */
  open?: boolean;
}

export async function generateDigest(service: LearningsService, arg: unknown): Promise<string | undefined> {
  const args = (arg && typeof arg === 'object' ? arg : {}) as DigestArgs;
  const now = service.clock.today();
  let since = args.since;
  let addedPaths: Set<string> | undefined;
  if (since === undefined) {
    const picked = await pickPeriod(now);
    if (!picked) return undefined;
    since = picked;
  }
  if (!isIsoDate(since)) {
    const fromRef = await sinceRef(service, since);
    if (!fromRef) {
      void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is neither a date (YYYY-MM-DD) nor a git ref here.', since));
      return undefined;
    }
    since = fromRef.date;
    addedPaths = fromRef.added;
  }
  const until = args.until ?? now;
  const index = await service.ready();
  const { anchors } = await service.anchors.check(index.notes());
  const digest = buildDigest(index, { since, until, today: now, addedPaths, anchors });
  const format = args.format ?? 'md';
  const labels = digestLabels();
  // Opened as an untitled file at the workspace root: its links to the notes resolve from there, and Save puts it there.
  const text = format === 'html' ? renderDigestHtml(digest, labels, vscode.env.language) : renderDigestMarkdown(digest, labels, { from: '' });
  if (args.open ?? true) {
    const name = `team-learnings-${since}-to-${until}.${format === 'html' ? 'html' : 'md'}`;
    const untitled = vscode.Uri.joinPath(service.folder.uri, name).with({ scheme: 'untitled' });
    const doc = await vscode.workspace.openTextDocument(untitled);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, doc.lineCount, 0), text));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
  }
  return text;
}

async function pickPeriod(now: string): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { since?: string; ask?: 'date' | 'ref' };
  // The default period (the CLI's too) first, so Enter takes it.
  const items: Item[] = [
    { label: vscode.l10n.t('Last 14 days'), description: vscode.l10n.t('a usual sprint'), since: addDays(now, -DEFAULT_DIGEST_DAYS) },
    { label: vscode.l10n.t('Last 7 days'), since: addDays(now, -7) },
    { label: vscode.l10n.t('Last 30 days'), since: addDays(now, -30) },
    { label: vscode.l10n.t('Since a date…'), ask: 'date' },
  ];
  if (vscode.workspace.isTrusted) items.push({ label: vscode.l10n.t('Since a git tag or branch…'), description: vscode.l10n.t('the notes added since, e.g. the last release'), ask: 'ref' });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Digest of which period?') });
  if (!picked) return undefined;
  if (picked.since) return picked.since;
  return vscode.window.showInputBox({
    title: picked.ask === 'date' ? vscode.l10n.t('Since which date?') : vscode.l10n.t('Since which tag or branch?'),
    placeHolder: picked.ask === 'date' ? vscode.l10n.t('YYYY-MM-DD') : 'v1.4.0',
    validateInput: (v) => (picked.ask === 'date' && !isIsoDate(v.trim()) ? vscode.l10n.t('A date like {0}', addDays(now, -14)) : undefined),
  });
}

async function sinceRef(service: LearningsService, ref: string): Promise<{ date: string; added: Set<string> } | undefined> {
  const api = await gitApi();
  const repo = (api?.getRepository(service.folder.uri) ?? api?.repositories[0]) as
    | (ReturnType<NonNullable<typeof api>['getRepository']> & {
        getCommit(ref: string): Promise<{ commitDate?: Date }>;
        diffBetween(ref1: string, ref2: string): Promise<Array<{ uri: vscode.Uri; status: number }>>;
      })
    | null
    | undefined;
  if (!repo) return undefined;
  try {
    const commit = await repo.getCommit(ref);
    const date = commit.commitDate ? commit.commitDate.toISOString().slice(0, 10) : undefined;
    if (!date) return undefined;
    const changes = await repo.diffBetween(ref, 'HEAD');
    // Status 1 is INDEX_ADDED in the git extension's Status enum.
    const added = new Set(changes.filter((c) => c.status === 1).map((c) => service.relative(c.uri)).filter((p): p is string => !!p));
    return { date, added };
  } catch {
    return undefined;
  }
}
