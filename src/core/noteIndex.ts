// The in-memory index of a workspace's notes and topic pages. Built once,
// then updated one file at a time as files change.

import type { Note, Problem, TopicPage } from './model';
import { AliasMap, buildTopicTree, flattenTopics, type Topic } from './topics';
import { compareNotes, search, searchEntry, type SearchEntry, type SearchHit } from './search';

export interface NoteQuery {
  topic?: string;
  kind?: string;
  /** Workspace-relative path of an anchored file. */
  file?: string;
  author?: string;
}

export class NoteIndex {
  private readonly notesByPath = new Map<string, SearchEntry>();
  private readonly pagesByPath = new Map<string, TopicPage>();
  private readonly problemsByFile = new Map<string, Problem[]>();
  private readonly byTopic = new Map<string, Set<string>>();
  private readonly byKind = new Map<string, Set<string>>();
  private readonly byAuthor = new Map<string, Set<string>>();
  private readonly byFile = new Map<string, Set<string>>();
  private topicCache: Topic[] | undefined;
  private aliasCache: AliasMap | undefined;

  /** Sets (or clears, with `note` undefined) what one note file holds. */
  setNote(path: string, note: Note | undefined, problems: Problem[] = []): void {
    this.removeNote(path);
    this.setProblems(path, problems);
    if (!note) return;
    this.notesByPath.set(path, searchEntry(note));
    for (const topic of note.topics) addTo(this.byTopic, topic, path);
    addTo(this.byKind, note.kind, path);
    if (note.author) addTo(this.byAuthor, note.author.toLowerCase(), path);
    for (const anchor of note.anchors) addTo(this.byFile, anchor.path, path);
    this.topicCache = undefined;
  }

  setTopicPage(path: string, page: TopicPage | undefined, problems: Problem[] = []): void {
    this.pagesByPath.delete(path);
    this.setProblems(path, problems);
    if (page) this.pagesByPath.set(path, page);
    this.topicCache = undefined;
    this.aliasCache = undefined;
  }

  /** Forgets a file, whatever it held. */
  remove(path: string): void {
    this.removeNote(path);
    this.problemsByFile.delete(path);
    if (this.pagesByPath.delete(path)) {
      this.topicCache = undefined;
      this.aliasCache = undefined;
    }
  }

  setProblems(path: string, problems: Problem[]): void {
    if (problems.length > 0) this.problemsByFile.set(path, problems);
    else this.problemsByFile.delete(path);
  }

  get size(): number {
    return this.notesByPath.size;
  }

  get(path: string): Note | undefined {
    return this.notesByPath.get(path)?.note;
  }

  notes(): Note[] {
    return [...this.notesByPath.values()].map((e) => e.note).sort(compareNotes);
  }

  pages(): TopicPage[] {
    return [...this.pagesByPath.values()];
  }

  problems(): Problem[] {
    return [...this.problemsByFile.values()].flat();
  }

  problemsOf(path: string): Problem[] {
    return this.problemsByFile.get(path) ?? [];
  }

  topics(): Topic[] {
    this.topicCache ??= buildTopicTree(
      [...this.notesByPath.values()].map((e) => e.note),
      this.pagesByPath.values(),
    );
    return this.topicCache;
  }

  topic(slug: string): Topic | undefined {
    const canonical = this.aliases().canonical(slug);
    return flattenTopics(this.topics()).find((t) => t.slug === canonical);
  }

  aliases(): AliasMap {
    this.aliasCache ??= new AliasMap(this.pagesByPath.values());
    return this.aliasCache;
  }

  /** Notes matching every given criterion; a topic includes its subtopics and aliases. */
  query(q: NoteQuery): Note[] {
    let paths: Set<string> | undefined;
    const narrow = (set: Set<string>) => {
      paths = paths ? new Set([...paths].filter((p) => set.has(p))) : set;
    };
    if (q.topic !== undefined) narrow(this.pathsForTopic(q.topic));
    if (q.kind !== undefined) narrow(this.byKind.get(q.kind) ?? new Set());
    if (q.author !== undefined) narrow(this.byAuthor.get(q.author.toLowerCase()) ?? new Set());
    if (q.file !== undefined) narrow(this.byFile.get(q.file) ?? new Set());
    const result = paths === undefined ? this.notes() : [...paths].map((p) => this.get(p)!).sort(compareNotes);
    return result;
  }

  /** Notes with an anchor in `file`. */
  notesForFile(file: string): Note[] {
    return this.query({ file });
  }

  anchoredFiles(): string[] {
    return [...this.byFile.keys()];
  }

  search(text: string, limit?: number): SearchHit[] {
    return search(this.notesByPath.values(), text, limit);
  }

  private pathsForTopic(topic: string): Set<string> {
    const aliases = this.aliases();
    const wanted = aliases.canonical(topic);
    const out = new Set<string>();
    for (const [raw, paths] of this.byTopic) {
      const slug = aliases.canonical(raw);
      if (slug === wanted || slug.startsWith(`${wanted}/`)) for (const p of paths) out.add(p);
    }
    return out;
  }

  private removeNote(path: string): void {
    const old = this.notesByPath.get(path)?.note;
    if (!old) return;
    this.notesByPath.delete(path);
    for (const topic of old.topics) removeFrom(this.byTopic, topic, path);
    removeFrom(this.byKind, old.kind, path);
    if (old.author) removeFrom(this.byAuthor, old.author.toLowerCase(), path);
    for (const anchor of old.anchors) removeFrom(this.byFile, anchor.path, path);
    this.topicCache = undefined;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
