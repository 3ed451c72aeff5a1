// A warm start: what the last session parsed, kept in the extension's own
// storage (never in the repository), so that a start after the first reads
// only the files that changed. The cache is derived and never trusted: a
// file is taken from it only when its size and modification time are those
// recorded, and it was last modified well before it was read; a cache that
// is missing, corrupt, from another build or for another folder is ignored.

import type { FileStat } from '../fileSystem';
import type { Note, Problem, TopicPage } from '../model';
import { NoteIndex } from './noteIndex';

export const CACHE_FORMAT = 1;

/** Modification times this close to the read are not trusted: file systems keep mtimes coarsely. */
export const RACY_MS = 2000;

export interface CachedFile {
  size: number;
  mtime: number;
  /** When the text behind `note` or `page` was read (ms since the epoch). */
  readAt: number;
  note?: Note;
  page?: TopicPage;
  problems: Problem[];
}

export interface IndexCache {
  format: number;
  /** The build that wrote it: another build may parse differently. */
  build: string;
  /** The workspace folder and notes folder it describes. */
  key: string;
  files: Record<string, CachedFile>;
}

/** What can be restored from a cache, or undefined when it is not one for this build and folder. */
export function parseIndexCache(text: string | undefined, expect: { build: string; key: string }): Map<string, CachedFile> | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.format !== CACHE_FORMAT || data.build !== expect.build || data.key !== expect.key || !isRecord(data.files)) return undefined;
  const files = new Map<string, CachedFile>();
  for (const [path, entry] of Object.entries(data.files)) {
    if (!isCachedFile(path, entry)) return undefined;
    files.set(path, entry);
  }
  return files;
}

/** The cache of what is indexed now: only the files whose stat shows them unchanged since they were read. */
export function makeIndexCache(
  entries: Iterable<{ path: string; readAt: number; note?: Note; page?: TopicPage; problems: Problem[] }>,
  stats: ReadonlyMap<string, FileStat | undefined>,
  meta: { build: string; key: string },
): IndexCache {
  const files: Record<string, CachedFile> = {};
  for (const e of entries) {
    const stat = stats.get(e.path);
    if (!stat || stat.type !== 'file' || !(stat.mtime < e.readAt - RACY_MS)) continue;
    files[e.path] = { size: stat.size, mtime: stat.mtime, readAt: e.readAt, ...(e.note ? { note: e.note } : {}), ...(e.page ? { page: e.page } : {}), problems: e.problems };
  }
  return { format: CACHE_FORMAT, build: meta.build, key: meta.key, files };
}

/** The cached entry of `path` when the file on disk is still the one it was made from. */
export function stillValid(entry: CachedFile | undefined, stat: FileStat | undefined): entry is CachedFile {
  return !!entry && !!stat && stat.type === 'file' && stat.size === entry.size && stat.mtime === entry.mtime && entry.mtime < entry.readAt - RACY_MS;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCachedFile(path: string, x: unknown): x is CachedFile {
  if (!isRecord(x) || typeof x.size !== 'number' || typeof x.mtime !== 'number' || typeof x.readAt !== 'number' || !Array.isArray(x.problems)) return false;
  if (x.note !== undefined && !(isRecord(x.note) && x.note.path === path && typeof x.note.title === 'string' && Array.isArray(x.note.topics) && Array.isArray(x.note.anchors) && typeof x.note.body === 'string')) return false;
  if (x.page !== undefined && !(isRecord(x.page) && x.page.path === path && typeof x.page.slug === 'string')) return false;
  return x.problems.every((p) => isRecord(p) && p.file === path && typeof p.message === 'string');
}

export const HEAD_FORMAT = 1;

/**
 * What the Topics view's first rows need of each note (its topics, kind and
 * the few fields a row shows), kept beside the cache in a file a few percent
 * of its size: a second start draws its first rows from it before reading the
 * cache itself. Bodies and anchors are not in it.
 */
export interface HeadNote {
  path: string;
  title: string;
  kind: string;
  topics: string[];
  author?: string;
  created?: string;
  status?: string;
  endorsed: string[];
}

export interface IndexHead {
  format: number;
  build: string;
  key: string;
  notes: HeadNote[];
  pages: TopicPage[];
}

/** The head of `cache`: the same files, only what the first rows show. */
export function makeIndexHead(cache: IndexCache): IndexHead {
  const notes: HeadNote[] = [];
  const pages: TopicPage[] = [];
  for (const entry of Object.values(cache.files)) {
    const n = entry.note;
    if (n) notes.push({ path: n.path, title: n.title, kind: n.kind, topics: n.topics, author: n.author, created: n.created, status: n.status, endorsed: n.endorsed });
    if (entry.page) pages.push(entry.page);
  }
  return { format: HEAD_FORMAT, build: cache.build, key: cache.key, notes, pages };
}

/**
 * The notes (without bodies or anchors) and topic pages of a head, or
 * undefined when it is not one for this build and folder. Only ever shown
 * until the load has validated the cache itself.
 */
export function parseIndexHead(text: string | undefined, expect: { build: string; key: string }): { notes: Note[]; pages: TopicPage[] } | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.format !== HEAD_FORMAT || data.build !== expect.build || data.key !== expect.key || !Array.isArray(data.notes) || !Array.isArray(data.pages)) return undefined;
  const notes: Note[] = [];
  for (const n of data.notes as unknown[]) {
    if (!isHeadNote(n)) return undefined;
    notes.push({ ...n, anchors: [], body: '', bodyLine: 1 });
  }
  const pages = data.pages as unknown[];
  if (!pages.every((p) => isRecord(p) && typeof p.path === 'string' && typeof p.slug === 'string' && Array.isArray(p.ambassadors) && Array.isArray(p.aliases) && typeof p.description === 'string')) return undefined;
  return { notes, pages: pages as TopicPage[] };
}

function isHeadNote(x: unknown): x is HeadNote {
  return (
    isRecord(x) &&
    typeof x.path === 'string' &&
    typeof x.title === 'string' &&
    typeof x.kind === 'string' &&
    Array.isArray(x.topics) &&
    x.topics.every((t) => typeof t === 'string') &&
    Array.isArray(x.endorsed) &&
    [x.author, x.created, x.status].every((v) => v === undefined || typeof v === 'string')
  );
}

/** An index of a head's notes and pages: enough for the topic tree and its counts. */
export function indexOfHead(head: { notes: Note[]; pages: TopicPage[] }): NoteIndex {
  const index = new NoteIndex();
  for (const note of head.notes) index.setNote(note.path, note);
  for (const page of head.pages) index.setTopicPage(page.path, page);
  return index;
}
