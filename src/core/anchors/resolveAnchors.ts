// Resolves many anchors at once over the FileSystem interface, as `check`
// and the editor views need: each file is read and prepared once, and other
// files are read only for anchors not found in their own.

import { unsafePathReason } from '../workspacePath';
import type { FileSystem } from '../fileSystem';
import { readAnchoredFile } from './readAnchoredFile';
import type { Anchor } from '../model';
import type { AnchorHistory } from './history';
import { PreparedFile } from './preparedFile';
import { isFresh, relocateAnchor, type OtherFile } from './relocate';
import type { AnchorResolution } from './resolution';
import { isCodePath, type CodePolicy } from './codePolicy';

export interface ResolveOptions {
  history?: AnchorHistory;
  /** More places moved code may be looked for (files open in the editor, say). */
  otherPaths?: Iterable<string>;
  /** Text that replaces a file's content on disk (unsaved editors). */
  overrides?: ReadonlyMap<string, string>;
  /** Told when an anchored file exists but is not read (outside the workspace, too large, not text). */
  onUnreadable?: (path: string, problem: string, file: { tooLarge?: number }) => void;
  /** Where code may move to: never the notes folder (`.learnings` unless given), generated or ignored files. */
  codePolicy?: CodePolicy;
}

/** Other files read per run at most, so a huge change set cannot stall `check`. */
const MAX_OTHER_FILES = 500;
const READ_BATCH = 64;

export async function resolveAnchors(anchors: readonly Anchor[], fs: FileSystem, options: ResolveOptions = {}): Promise<AnchorResolution[]> {
  const files = new FileCache(fs, options.overrides, options.onUnreadable);
  await files.load(anchors.map((a) => a.path));
  const history = options.history;
  const results = new Array<AnchorResolution>(anchors.length);
  // In file order, so the per-file work (indexes, diffs against history) is reused.
  const order = anchors.map((_, i) => i).sort((a, b) => (anchors[a].path < anchors[b].path ? -1 : anchors[a].path > anchors[b].path ? 1 : 0));
  const stale = order.filter((i) => {
    const file = files.get(anchors[i].path);
    return !file || !isFresh(anchors[i], file);
  });
  history?.prefetch?.(stale.filter((i) => anchors[i].commit).map((i) => ({ commit: anchors[i].commit as string, path: anchors[i].path })));
  for (const i of order) results[i] = relocateAnchor(anchors[i], { text: files.get(anchors[i].path) }, { history });

  const pending = stale.filter((i) => results[i].status === 'drifted' || results[i].status === 'orphaned');
  if (pending.length === 0) return results;
  const extra = [...(options.otherPaths ?? [])];
  const candidates = new Map<number, string[]>();
  const policy = options.codePolicy ?? {};
  for (const i of pending) {
    const { commit, path } = anchors[i];
    const paths: string[] = [];
    if (commit && history) {
      const renamed = history.renamedTo(commit, path);
      if (renamed) paths.push(renamed);
      paths.push(...(history.changedPaths?.(commit) ?? []));
    }
    paths.push(...extra);
    // Code moves only to code: never into the notes folder, a generated or a vendored file.
    candidates.set(i, paths.filter((p) => p !== path && isCodePath(p, policy)));
  }
  const asked = [...new Set([...candidates.values()].flat())];
  const ignored = asked.length > 0 ? history?.ignoredPaths?.(asked) : undefined;
  const wanted = (ignored ? asked.filter((p) => !ignored.has(p)) : asked).slice(0, MAX_OTHER_FILES);
  await files.load(wanted);
  for (const i of pending) {
    const otherFiles: OtherFile[] = [];
    for (const path of new Set(candidates.get(i))) {
      if (ignored?.has(path)) continue;
      const file = files.get(path);
      if (file) otherFiles.push({ path, text: file });
    }
    if (otherFiles.length === 0) continue;
    results[i] = relocateAnchor(anchors[i], { text: files.get(anchors[i].path) }, { history, otherFiles });
  }
  return results;
}

class FileCache {
  private readonly files = new Map<string, PreparedFile | undefined>();

  constructor(
    private readonly fs: FileSystem,
    private readonly overrides: ReadonlyMap<string, string> | undefined,
    private readonly onUnreadable: ResolveOptions['onUnreadable'],
  ) {}

  get(path: string): PreparedFile | undefined {
    return this.files.get(path);
  }

  async load(paths: readonly string[]): Promise<void> {
    const todo = [...new Set(paths)].filter((p) => !this.files.has(p));
    for (let i = 0; i < todo.length; i += READ_BATCH) {
      const batch = todo.slice(i, i + READ_BATCH);
      const texts = await Promise.all(batch.map((p) => this.read(p)));
      batch.forEach((p, k) => this.files.set(p, texts[k] === undefined ? undefined : new PreparedFile(texts[k])));
    }
  }

  /** The file's text, or undefined when it is missing, unsafe, outside the workspace or not text. */
  private async read(path: string): Promise<string | undefined> {
    const override = this.overrides?.get(path);
    if (override !== undefined) return override;
    if (unsafePathReason(path)) return undefined;
    try {
      // One reader for every anchored file: the same refusals everywhere.
      const file = await readAnchoredFile(this.fs, path);
      if (file.problem) this.onUnreadable?.(path, file.problem, file);
      return file.text;
    } catch {
      return undefined;
    }
  }
}
