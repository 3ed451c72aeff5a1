// A workspace's notes folder, loaded into a NoteIndex and kept current one
// file at a time. Only the notes folder is ever listed, never the workspace.

import type { FileSystem } from '../fileSystem';
import type { Note, Problem, TopicPage } from '../model';
import { layoutFor, roleOf, type Layout } from '../layout';
import { NoteIndex } from './noteIndex';
import { compareText } from '../textOrder';
import { parseNote, type ParseOptions } from '../notes/parseNote';
import { parseTopicPage } from '../topics/parseTopicPage';
import { NOT_FOUND, readNoteFile, readNoteFiles, type ReadResult } from '../notes/readNoteFile';
import { parseGoal } from '../goals/parseGoal';
import { stillValid, type CachedFile } from './indexCache';
import type { FileStat } from '../fileSystem';
import { parseReply } from '../dialog/reply';

export interface WorkspaceOptions {
  /** The notes folder, relative to the workspace root. */
  folder?: string;
  /** Milliseconds since the epoch; tests hand in their own. */
  now?: () => number;
  /** How notes are parsed (the front-matter fast path on by default). */
  parse?: ParseOptions;
}

/** A warm start (see indexCache): the last session's files, and how to stat many files at once. */
export interface WarmStart {
  cache: ReadonlyMap<string, CachedFile>;
  stat(paths: string[]): Promise<Array<FileStat | undefined>>;
}

/** What a load read and what it took from the cache. */
export interface LoadReport {
  read: number;
  restored: number;
}

/** How many files are read at once: enough to hide latency, few enough to keep memory flat. */
const READ_CONCURRENCY = 64;

export class LearningsWorkspace {
  readonly layout: Layout;
  readonly index = new NoteIndex();
  /** When each indexed file's text was read from disk; absent for text from an editor (never cached). */
  private readonly readAt = new Map<string, number>();
  private readonly now: () => number;
  private readonly parseOptions: ParseOptions;
  lastLoad: LoadReport = { read: 0, restored: 0 };

  constructor(
    readonly fs: FileSystem,
    options: WorkspaceOptions = {},
  ) {
    this.layout = layoutFor(options.folder);
    this.now = options.now ?? Date.now;
    this.parseOptions = options.parse ?? {};
  }

  /** Reads every note and topic page; with `warm`, only those changed since the cache was made. */
  async load(warm?: WarmStart): Promise<NoteIndex> {
    const folderProblems: Problem[] = [];
    const onProblem = (p: Problem) => folderProblems.push(p);
    const [notes, pages, replies, goals] = await Promise.all([
      listMarkdown(this.fs, this.layout.notesDir, onProblem),
      listMarkdown(this.fs, this.layout.topicsDir, onProblem),
      // Most workspaces have no replies yet: a folder that is not there is not listed (no failed read to log).
      this.fs.stat(this.layout.repliesDir).then((s) => (s ? listMarkdown(this.fs, this.layout.repliesDir, onProblem) : [])),
      this.fs.stat(this.layout.goalsDir).then((s) => (s ? listMarkdown(this.fs, this.layout.goalsDir, onProblem) : [])),
    ]);
    // A folder problem is kept under the folder's path: one line, and every other note still loads.
    for (const p of folderProblems) this.index.setNote(p.file, undefined, [p]);
    let paths = [...notes, ...pages, ...replies].map((f) => f.path);
    let restored = 0;
    if (warm && warm.cache.size > 0) {
      const stats = await warm.stat(paths);
      paths = paths.filter((path, i) => {
        const entry = warm.cache.get(path);
        if (!stillValid(entry, stats[i])) return true;
        if (!this.restore(path, entry)) return true;
        restored++;
        return false;
      });
    }
    // Goals are few and never cached: each load reads them.
    paths = paths.concat(goals.map((f) => f.path));
    if (this.fs.readFilesWithLimit) {
      // In batches: one call to the file system per batch, each parsed before the next is read.
      for (let i = 0; i < paths.length; i += READ_CONCURRENCY) {
        const batch = paths.slice(i, i + READ_CONCURRENCY).filter((path) => isIndexed(path, this.layout));
        const readAt = this.now();
        const reads = await readNoteFiles(this.fs, batch);
        batch.forEach((path, k) => this.applyRead(path, reads[k], readAt));
      }
    } else {
      await forEachLimited(paths, READ_CONCURRENCY, (path) => this.refresh(path));
    }
    // `read` counts what the cache could have held: goals are not cached.
    this.lastLoad = { read: paths.length - goals.length, restored };
    return this.index;
  }

  /** Every indexed file read from disk, as the cache keeps it. */
  *cacheEntries(): Iterable<{ path: string; readAt: number; note?: Note; page?: TopicPage; problems: Problem[] }> {
    for (const [path, readAt] of this.readAt) {
      const entry = this.index.fileEntry(path);
      if (entry) yield { path, readAt, ...entry };
    }
  }

  private restore(path: string, entry: CachedFile): boolean {
    const role = roleOf(path, this.layout);
    if (role === 'note' && !entry.page) this.index.setNote(path, entry.note, entry.problems);
    else if (role === 'topic' && !entry.note) this.index.setTopicPage(path, entry.page, entry.problems);
    else return false;
    this.readAt.set(path, entry.readAt);
    return true;
  }

  /** Re-reads one file after it changed on disk (or forgets it when it is gone). */
  async refresh(path: string): Promise<void> {
    if (!isIndexed(path, this.layout)) return;
    const readAt = this.now();
    this.readAt.delete(path);
    this.applyRead(path, await readNoteFile(this.fs, path), readAt);
  }

  /** What a read of `path` (started at `readAt`) found, into the index. */
  private applyRead(path: string, read: ReadResult, readAt: number): void {
    const role = roleOf(path, this.layout);
    this.readAt.delete(path);
    if (!read.ok) {
      if (read.problem.message === NOT_FOUND) {
        this.index.remove(path);
        return;
      }
      if (role === 'note') this.index.setNote(path, undefined, [read.problem]);
      else if (role === 'reply') this.index.setReply(path, undefined, [read.problem]);
      else if (role === 'goal') this.index.setGoal(path, undefined, [read.problem]);
      else this.index.setTopicPage(path, undefined, [read.problem]);
      if (role !== 'goal') this.readAt.set(path, readAt);
      return;
    }
    this.apply(path, read.text);
    if (role !== 'goal') this.readAt.set(path, readAt);
  }

  /**
   * Re-reads a batch of changed paths, `concurrency` files at a time. A path
   * that is not a `.md` file is a folder (a branch switch or a move may
   * report only the folder, not its files): see filesOf.
   */
  async refreshAll(paths: readonly string[], concurrency = READ_CONCURRENCY): Promise<void> {
    await forEachLimited(await this.filesOf(paths), concurrency, (p) => this.refresh(p));
  }

  /**
   * The files a batch of changed paths stands for: each `.md` path itself; a
   * folder, every file indexed under it (a folder deleted) and every file
   * now in it (a folder created or moved in).
   */
  async filesOf(paths: readonly string[]): Promise<string[]> {
    const files = new Set(paths.filter((p) => p.endsWith('.md')));
    const folders = paths.filter((p) => !p.endsWith('.md'));
    if (folders.length > 0) {
      const index = this.index;
      const known = [...index.notes().map((n) => n.path), ...index.pages().map((p) => p.path), ...index.replies().map((r) => r.path), ...index.goals().map((g) => g.path), ...index.problems().map((p) => p.file)];
      for (const file of known) {
        if (folders.some((f) => file.startsWith(`${f}/`))) files.add(file);
      }
      for (const folder of folders) {
        if ((await this.fs.stat(folder))?.type !== 'directory') continue;
        for (const file of await listMarkdown(this.fs, folder)) files.add(file.path);
      }
    }
    return [...files];
  }

  /** Indexes text that is already in hand (an open editor's document). */
  apply(path: string, text: string): void {
    this.readAt.delete(path);
    const role = roleOf(path, this.layout);
    if (role === 'note') {
      const parsed = parseNote(path, text, this.parseOptions);
      this.index.setNote(path, parsed.note, parsed.problems);
    } else if (role === 'topic') {
      const parsed = parseTopicPage(path, text, this.layout.topicsDir);
      this.index.setTopicPage(path, parsed.page, parsed.problems);
    } else if (role === 'reply') {
      const parsed = parseReply(path, text, this.layout);
      this.index.setReply(path, parsed.reply, parsed.problems);
    } else if (role === 'goal') {
      const parsed = parseGoal(path, text, this.layout.goalsDir);
      this.index.setGoal(path, parsed.goal, parsed.problems);
    }
  }

  remove(path: string): void {
    this.readAt.delete(path);
    this.index.remove(path);
  }
}

function isIndexed(path: string, layout: Layout): boolean {
  const role = roleOf(path, layout);
  return role === 'note' || role === 'topic' || role === 'reply' || role === 'goal';
}

export interface ListedFile {
  path: string;
}

/** Folders nested deeper than this under the notes folder are not read (and said so). */
export const MAX_FOLDER_DEPTH = 16;

/**
 * Every `.md` file under `dir`, recursively; symlinked folders are not
 * followed. `dir` itself reached through a symlink out of the workspace
 * (it, or any folder above it) is not listed: `onProblem` hears why, and
 * of folders too deep to read.
 */
export async function listMarkdown(fs: FileSystem, dir: string, onProblem?: (problem: Problem) => void): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  if (fs.realPath && (await fs.stat(dir)) && (await fs.realPath(dir)) === undefined) {
    onProblem?.({ file: dir, severity: 'error', message: 'folder leads out of the workspace (it, or a folder above it, is a symlink): nothing in it is read' });
    return out;
  }
  const walk = async (folder: string, depth: number): Promise<void> => {
    if (depth > MAX_FOLDER_DEPTH) {
      onProblem?.({ file: folder, severity: 'warning', message: `folder is nested more than ${MAX_FOLDER_DEPTH} levels deep: notes in it are not read` });
      return;
    }
    const entries = await fs.readDirectory(folder);
    const subfolders: string[] = [];
    for (const [name, type] of entries) {
      if (name.startsWith('.')) continue;
      const path = `${folder}/${name}`;
      if (type === 'directory') subfolders.push(path);
      // A FIFO or socket named like a note is listed too: reading it refuses it, with a message naming it.
      else if (name.endsWith('.md') && (type === 'file' || type === 'symlink' || type === 'other')) out.push({ path });
    }
    await Promise.all(subfolders.map((f) => walk(f, depth + 1)));
  };
  await walk(dir, 0);
  out.sort((a, b) => compareText(a.path, b.path));
  return out;
}

export async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
