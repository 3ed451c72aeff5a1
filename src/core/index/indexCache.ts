// A warm start: what the last session parsed, kept in the extension's own
// storage (never in the repository), so that a start after the first reads
// only the files that changed. The cache is derived and never trusted: a
// file is taken from it only when its size and modification time are those
// recorded, and it was last modified well before it was read; a cache that
// is missing, corrupt, from another build or for another folder is ignored.

import type { FileStat } from '../fileSystem';
import type { Note, Problem, TopicPage } from '../model';
import { buildTopicTree, type Topic } from '../topics/topics';

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

export const HEAD_FORMAT = 2;

/**
 * The topic tree of a cache (slugs, titles, counts, pages, children), kept
 * beside it in a file of a few kilobytes: a second start draws the Topics
 * view's first rows from it before reading the cache itself, then redraws
 * them if the validated index draws other rows (see sameTopicTree).
 */
export interface IndexHead {
  format: number;
  build: string;
  key: string;
  topics: Topic[];
}

/** The head of `cache`: the topic tree its notes and pages make. */
export function makeIndexHead(cache: IndexCache): IndexHead {
  const notes: Note[] = [];
  const pages: TopicPage[] = [];
  for (const entry of Object.values(cache.files)) {
    if (entry.note) notes.push(entry.note);
    if (entry.page) pages.push(entry.page);
  }
  return { format: HEAD_FORMAT, build: cache.build, key: cache.key, topics: buildTopicTree(notes, pages) };
}

/** The topic tree of a head, or undefined when it is not one for this build and folder. Only ever shown until the load has validated the cache. */
export function parseIndexHead(text: string | undefined, expect: { build: string; key: string }): Topic[] | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.format !== HEAD_FORMAT || data.build !== expect.build || data.key !== expect.key || !Array.isArray(data.topics)) return undefined;
  return data.topics.every(isTopic) ? (data.topics as Topic[]) : undefined;
}

function isTopic(x: unknown): boolean {
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  return (
    isRecord(x) &&
    typeof x.slug === 'string' &&
    typeof x.title === 'string' &&
    typeof x.described === 'boolean' &&
    strings(x.ambassadors) &&
    strings(x.aliases) &&
    typeof x.directCount === 'number' &&
    typeof x.noteCount === 'number' &&
    (x.page === undefined || (isRecord(x.page) && typeof x.page.slug === 'string' && typeof x.page.path === 'string' && typeof x.page.description === 'string' && strings(x.page.ambassadors) && strings(x.page.aliases))) &&
    Array.isArray(x.children) &&
    x.children.every(isTopic)
  );
}
