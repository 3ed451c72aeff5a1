// The in-memory index of a workspace's notes and topic pages. Built once,
// then updated one file at a time as files change.

import type { Note, Problem, TopicPage } from '../model';
import { AliasMap, buildTopicTree, flattenTopics, type Topic } from '../topics/topics';
import { compareNotes, NoteSearch, type SearchHit } from './search';
import { crossFileProblems, unknownGoals } from './crossFileProblems';
import type { Reply } from '../dialog/reply';
import { buildThread, type Thread } from '../dialog/thread';
import type { Goal } from '../goals/parseGoal';

export interface NoteQuery {
  topic?: string;
  kind?: string;
  /** Workspace-relative path of an anchored file. */
  file?: string;
  author?: string;
  /** The slug of a goal the notes serve (their `goal` field). */
  goal?: string;
}

/** Paths of the notes with a given topic (as written), kind, author (lowercased) or anchored file. */
interface Lookups {
  byTopic: Map<string, Set<string>>;
  byKind: Map<string, Set<string>>;
  byAuthor: Map<string, Set<string>>;
  byFile: Map<string, Set<string>>;
}

export class NoteIndex {
  private readonly notesByPath = new Map<string, { note: Note }>();
  private readonly pagesByPath = new Map<string, TopicPage>();
  private readonly problemsByFile = new Map<string, Problem[]>();
  /** The team's learning goals (`.learnings/goals/`), by file. */
  private readonly goalsByPath = new Map<string, Goal>();
  /** Bumped when a goal changes: the problems across files depend on which goals exist. */
  private goalsVersion = 0;
  /**
   * Made by the first query, then kept current: loading (and what needs no
   * query: the topic tree, `check`) does not pay for them. About 10% of
   * building an index of 10,000 notes.
   */
  private lookupCache: Lookups | undefined;
  private topicCache: Topic[] | undefined;
  private aliasCache: AliasMap | undefined;
  /** Every note in display order, until one changes: views and crossFile ask often. */
  private sortedCache: Note[] | undefined;
  /** Each note's place in that order, for search's ties. */
  private rankCache: Map<Note, number> | undefined;
  /** Made by the first search (or prepareSearch), then kept current. */
  private searchCache: NoteSearch | undefined;
  private crossCache: { topics: Topic[]; goalsVersion: number; all: Problem[]; byFile: Map<string, Problem[]> } | undefined;
  /** The dialog: every reply by its path, and the paths of each note's replies. */
  private readonly repliesByPath = new Map<string, Reply>();
  private readonly repliesByNote = new Map<string, Set<string>>();

  /** Sets (or clears, with `note` undefined) what one note file holds. */
  setNote(path: string, note: Note | undefined, problems: Problem[] = []): void {
    this.removeNote(path);
    this.setProblems(path, problems);
    if (!note) return;
    this.notesByPath.set(path, { note });
    this.sortedCache = undefined;
    this.searchCache?.set(note);
    if (this.lookupCache) addLookups(this.lookupCache, path, note);
    this.topicCache = undefined;
  }

  setTopicPage(path: string, page: TopicPage | undefined, problems: Problem[] = []): void {
    this.pagesByPath.delete(path);
    this.setProblems(path, problems);
    if (page) this.pagesByPath.set(path, page);
    this.topicCache = undefined;
    this.aliasCache = undefined;
  }

  /** Sets (or clears, with `reply` undefined) what one reply file holds. */
  setReply(path: string, reply: Reply | undefined, problems: Problem[] = []): void {
    this.removeReply(path);
    this.setProblems(path, problems);
    if (!reply) return;
    this.repliesByPath.set(path, reply);
    addTo(this.repliesByNote, reply.note, path);
  }

  /** The note's thread: its replies in order, who took part, its state. */
  thread(notePath: string): Thread {
    const note = this.get(notePath);
    const replies = [...(this.repliesByNote.get(notePath) ?? [])].map((p) => this.repliesByPath.get(p)!);
    return buildThread(note ?? { path: notePath }, replies);
  }

  /** Every reply, to notes that exist or not. */
  replies(): Reply[] {
    return [...this.repliesByPath.values()];
  }

  replyCount(notePath: string): number {
    return this.repliesByNote.get(notePath)?.size ?? 0;
  }

  /** A reply to a note that does not exist (or cannot be read): a warning on the reply, naming both. */
  private replyProblems(): Problem[] {
    const out: Problem[] = [];
    for (const [note, paths] of this.repliesByNote) {
      if (this.notesByPath.has(note)) continue;
      const why = this.problemsByFile.has(note) ? 'which cannot be read as a note' : 'which does not exist';
      for (const path of paths) out.push({ file: path, severity: 'warning', message: `reply to ${note}, ${why}` });
    }
    return out;
  }

  private removeReply(path: string): void {
    const old = this.repliesByPath.get(path);
    if (!old) return;
    this.repliesByPath.delete(path);
    removeFrom(this.repliesByNote, old.note, path);
  }

  /** Sets (or clears, with `goal` undefined) what one goal file holds. */
  setGoal(path: string, goal: Goal | undefined, problems: Problem[] = []): void {
    this.goalsByPath.delete(path);
    this.setProblems(path, problems);
    if (goal) this.goalsByPath.set(path, goal);
    this.goalsVersion++;
  }

  /** The team's learning goals, by title. */
  goals(): Goal[] {
    return [...this.goalsByPath.values()].sort((a, b) => a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug));
  }

  goal(slug: string): Goal | undefined {
    for (const goal of this.goalsByPath.values()) if (goal.slug === slug) return goal;
    return undefined;
  }

  /** Forgets a file, whatever it held. */
  remove(path: string): void {
    this.removeReply(path);
    if (this.goalsByPath.delete(path)) this.goalsVersion++;
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
    return [...this.sorted()];
  }

  private sorted(): Note[] {
    if (!this.sortedCache) {
      this.sortedCache = [...this.notesByPath.values()].map((e) => e.note).sort(compareNotes);
      this.rankCache = undefined;
    }
    return this.sortedCache;
  }

  /** What one file holds, as indexed: its note or topic page, and its own problems. */
  fileEntry(path: string): { note?: Note; page?: TopicPage; goal?: Goal; problems: Problem[] } | undefined {
    const note = this.notesByPath.get(path)?.note;
    const page = this.pagesByPath.get(path);
    const goal = this.goalsByPath.get(path);
    const problems = this.problemsByFile.get(path) ?? [];
    if (!note && !page && !goal && problems.length === 0) return undefined;
    return { ...(note ? { note } : {}), ...(page ? { page } : {}), ...(goal ? { goal } : {}), problems };
  }

  pages(): TopicPage[] {
    return [...this.pagesByPath.values()];
  }

  /** Every file's problems, and those across files (duplicate titles, unused topic pages). */
  problems(): Problem[] {
    return [...this.problemsByFile.values()].flat().concat(this.crossFile().all, this.replyProblems());
  }

  problemsOf(path: string): Problem[] {
    const own = this.problemsByFile.get(path) ?? [];
    const cross = this.crossFile().byFile.get(path);
    const reply = this.repliesByPath.get(path);
    const orphan = reply && !this.notesByPath.has(reply.note) ? this.replyProblems().filter((p) => p.file === path) : [];
    return cross || orphan.length > 0 ? own.concat(cross ?? [], orphan) : own;
  }

  /** Recomputed when the topic tree is, which is whenever a note or a page changes. */
  private crossFile(): { all: Problem[]; byFile: Map<string, Problem[]> } {
    const topics = this.topics();
    if (this.crossCache?.topics !== topics || this.crossCache.goalsVersion !== this.goalsVersion) {
      const all = crossFileProblems(this.notes(), this.pagesByPath.values(), topics).concat(unknownGoals(this.notes(), this.goalsByPath.values()));
      const byFile = new Map<string, Problem[]>();
      for (const p of all) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
      this.crossCache = { topics, goalsVersion: this.goalsVersion, all, byFile };
    }
    return this.crossCache;
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
    const { byKind, byAuthor, byFile } = this.lookups();
    if (q.topic !== undefined) narrow(this.pathsForTopic(q.topic));
    if (q.kind !== undefined) narrow(byKind.get(q.kind) ?? new Set());
    if (q.author !== undefined) narrow(byAuthor.get(q.author.toLowerCase()) ?? new Set());
    if (q.file !== undefined) narrow(byFile.get(q.file) ?? new Set());
    if (q.goal !== undefined) narrow(new Set(this.notes().filter((n) => n.goal === q.goal).map((n) => n.path)));
    const result = paths === undefined ? this.notes() : [...paths].map((p) => this.get(p)!).sort(compareNotes);
    return result;
  }

  /** The notes filed under the topic itself (by its slug or an alias), not only under a subtopic: what the topic lists below its subtopics. */
  directNotes(slug: string): Note[] {
    const aliases = this.aliases();
    const canonical = aliases.canonical(slug);
    return this.query({ topic: canonical }).filter((n) => n.topics.some((t) => aliases.canonical(t) === canonical));
  }

  /** Notes with an anchor in `file`. */
  notesForFile(file: string): Note[] {
    return this.query({ file });
  }

  anchoredFiles(): string[] {
    return [...this.lookups().byFile.keys()];
  }

  /** The notes that meet every word of `text` (forms, prefixes, accents, a typo), best first. */
  search(text: string, limit = 50): SearchHit[] {
    const sorted = this.sorted();
    if (!this.rankCache) this.rankCache = new Map(sorted.map((note, i) => [note, i]));
    const rank = this.rankCache;
    return this.searchIndex().search(text, limit, (note) => rank.get(note) ?? 0);
  }

  /** Makes the search index now (the first search would), e.g. when the host is idle after loading. */
  prepareSearch(): void {
    this.searchIndex();
  }

  private searchIndex(): NoteSearch {
    if (!this.searchCache || this.searchCache.worn) this.searchCache = new NoteSearch([...this.notesByPath.values()].map((e) => e.note));
    return this.searchCache;
  }

  private pathsForTopic(topic: string): Set<string> {
    const aliases = this.aliases();
    const wanted = aliases.canonical(topic);
    const out = new Set<string>();
    for (const [raw, paths] of this.lookups().byTopic) {
      const slug = aliases.canonical(raw);
      if (slug === wanted || slug.startsWith(`${wanted}/`)) for (const p of paths) out.add(p);
    }
    return out;
  }

  private removeNote(path: string): void {
    const old = this.notesByPath.get(path)?.note;
    if (!old) return;
    this.notesByPath.delete(path);
    this.sortedCache = undefined;
    this.searchCache?.delete(path);
    if (this.lookupCache) removeLookups(this.lookupCache, path, old);
    this.topicCache = undefined;
  }

  private lookups(): Lookups {
    if (!this.lookupCache) {
      const lookups: Lookups = { byTopic: new Map(), byKind: new Map(), byAuthor: new Map(), byFile: new Map() };
      for (const [path, entry] of this.notesByPath) addLookups(lookups, path, entry.note);
      this.lookupCache = lookups;
    }
    return this.lookupCache;
  }
}

function addLookups(l: Lookups, path: string, note: Note): void {
  for (const topic of note.topics) addTo(l.byTopic, topic, path);
  addTo(l.byKind, note.kind, path);
  if (note.author) addTo(l.byAuthor, note.author.toLowerCase(), path);
  for (const anchor of note.anchors) addTo(l.byFile, anchor.path, path);
}

function removeLookups(l: Lookups, path: string, note: Note): void {
  for (const topic of note.topics) removeFrom(l.byTopic, topic, path);
  removeFrom(l.byKind, note.kind, path);
  if (note.author) removeFrom(l.byAuthor, note.author.toLowerCase(), path);
  for (const anchor of note.anchors) removeFrom(l.byFile, anchor.path, path);
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
