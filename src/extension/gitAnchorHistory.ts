// What git knows about anchors, for the editor: renames and old file texts
// since each anchor's commit, fetched through the built-in git extension's
// API before relocation asks (the core's AnchorHistory is synchronous).

import type { Anchor } from '../core/model';
import type { AnchorHistory } from '../core/anchors';
import { gitApi, type GitRepository } from './git';
import type { LearningsService } from './service';

/** The git extension's Status values this needs. */
const INDEX_RENAMED = 3;
const DELETED = 6;
const INDEX_DELETED = 2;

interface Since {
  renamed: Map<string, string>;
  deleted: Set<string>;
  changed: string[];
}

type ShowingRepository = GitRepository & { show(ref: string, path: string): Promise<string> };

/** Loads what `anchors` need from git, or undefined without git (untrusted, web, no repository). */
export async function loadAnchorHistory(service: LearningsService, anchors: readonly Anchor[]): Promise<AnchorHistory | undefined> {
  const withCommit = anchors.filter((a) => a.commit);
  if (withCommit.length === 0) return undefined;
  const api = await gitApi();
  const repo = (api?.getRepository(service.folder.uri) ?? undefined) as ShowingRepository | undefined;
  if (!repo) return undefined;
  const since = new Map<string, Since | undefined>();
  const texts = new Map<string, string | undefined>();
  await Promise.all(
    [...new Set(withCommit.map((a) => a.commit!))].map(async (commit) => {
      try {
        const changes = await repo.diffWith(commit);
        const entry: Since = { renamed: new Map(), deleted: new Set(), changed: [] };
        for (const c of changes) {
          const now = service.relative(c.renameUri ?? c.uri);
          const before = service.relative(c.originalUri);
          if (c.status === INDEX_RENAMED && before && now) entry.renamed.set(before, now);
          else if ((c.status === DELETED || c.status === INDEX_DELETED) && before) entry.deleted.add(before);
          if (now && c.status !== DELETED && c.status !== INDEX_DELETED) entry.changed.push(now);
        }
        since.set(commit, entry);
      } catch {
        since.set(commit, undefined);
      }
    }),
  );
  await Promise.all(
    withCommit.map(async (a) => {
      const key = `${a.commit}:${a.path}`;
      if (texts.has(key)) return;
      texts.set(key, undefined);
      try {
        texts.set(key, await repo.show(a.commit!, service.uriOf(a.path).fsPath));
      } catch {
        // Not in that commit (added later), or a shallow clone: history does not know.
      }
    }),
  );
  return {
    renamedTo: (commit, path) => {
      const s = since.get(commit);
      if (!s) return undefined;
      if (s.renamed.has(path)) return s.renamed.get(path);
      return s.deleted.has(path) ? null : undefined;
    },
    textAt: (commit, path) => texts.get(`${commit}:${path}`),
    changedPaths: (commit) => since.get(commit)?.changed,
  };
}
