// A workspace's notes folder, loaded into a NoteIndex and kept current one
// file at a time. Only the notes folder is ever listed, never the workspace.

import type { FileSystem } from './fileSystem';
import { layoutFor, roleOf, type Layout } from './layout';
import { NoteIndex } from './noteIndex';
import { compareText } from './search';
import { parseNote } from './parseNote';
import { parseTopicPage } from './parseTopicPage';
import { NOT_FOUND, readNoteFile } from './readNoteFile';
import type { Problem } from './model';

export interface WorkspaceOptions {
  /** The notes folder, relative to the workspace root. */
  folder?: string;
}

/** How many files are read at once: enough to hide latency, few enough to keep memory flat. */
const READ_CONCURRENCY = 64;

export class LearningsWorkspace {
  readonly layout: Layout;
  readonly index = new NoteIndex();

  constructor(
    readonly fs: FileSystem,
    options: WorkspaceOptions = {},
  ) {
    this.layout = layoutFor(options.folder);
  }

  /** Reads every note and topic page. */
  async load(): Promise<NoteIndex> {
    const folderProblems: Problem[] = [];
    const onProblem = (p: Problem) => folderProblems.push(p);
    const [notes, pages] = await Promise.all([
      listMarkdown(this.fs, this.layout.notesDir, onProblem),
      listMarkdown(this.fs, this.layout.topicsDir, onProblem),
    ]);
    // A folder problem is kept under the folder's path: one line, and every other note still loads.
    for (const p of folderProblems) this.index.setNote(p.file, undefined, [p]);
    await forEachLimited([...notes, ...pages], READ_CONCURRENCY, (file) => this.refresh(file.path));
    return this.index;
  }

  /** Re-reads one file after it changed on disk (or forgets it when it is gone). */
  async refresh(path: string): Promise<void> {
    const role = roleOf(path, this.layout);
    if (role !== 'note' && role !== 'topic') return;
    const read = await readNoteFile(this.fs, path);
    if (!read.ok) {
      if (read.problem.message === NOT_FOUND) {
        this.index.remove(path);
        return;
      }
      if (role === 'note') this.index.setNote(path, undefined, [read.problem]);
      else this.index.setTopicPage(path, undefined, [read.problem]);
      return;
    }
    this.apply(path, read.text);
  }

  /** Indexes text that is already in hand (an open editor's document). */
  apply(path: string, text: string): void {
    const role = roleOf(path, this.layout);
    if (role === 'note') {
      const parsed = parseNote(path, text);
      this.index.setNote(path, parsed.note, parsed.problems);
    } else if (role === 'topic') {
      const parsed = parseTopicPage(path, text, this.layout.topicsDir);
      this.index.setTopicPage(path, parsed.page, parsed.problems);
    }
  }

  remove(path: string): void {
    this.index.remove(path);
  }
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
      else if (name.endsWith('.md') && (type === 'file' || type === 'symlink')) out.push({ path });
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
