// The topic tree: topics used by notes (with every ancestor of a nested
// slug), topics that have a page, and aliases that point to a canonical topic.

import type { Note, TopicPage } from '../model';
import { parentTopic, topicAncestors } from '../notes/slug';
import { compareText } from '../textOrder';

export interface Topic {
  slug: string;
  /** The page's title, or the last segment of the slug. */
  title: string;
  page?: TopicPage;
  /** False when no page describes the topic yet: an ambassador can curate it. */
  described: boolean;
  ambassadors: string[];
  aliases: string[];
  /** Notes tagged with exactly this topic (or one of its aliases). */
  directCount: number;
  /** Notes on this topic or any topic under it, each counted once. */
  noteCount: number;
  children: Topic[];
}

export class AliasMap {
  private readonly map = new Map<string, string>();

  constructor(pages: Iterable<TopicPage>) {
    const pageSlugs = new Set<string>();
    const all = [...pages];
    for (const page of all) pageSlugs.add(page.slug);
    for (const page of all) {
      for (const alias of page.aliases) {
        // A topic with its own page is never swallowed by another page's alias.
        if (!pageSlugs.has(alias) && !this.map.has(alias)) this.map.set(alias, page.slug);
      }
    }
  }

  canonical(slug: string): string {
    let current = slug;
    // Follow chains (a merged topic that was itself merged), with a bound against cycles.
    for (let i = 0; i < 8; i++) {
      const next = this.map.get(current);
      if (next === undefined || next === current) return current;
      current = next;
    }
    return current;
  }

  isAlias(slug: string): boolean {
    return this.map.has(slug);
  }
}

export function buildTopicTree(notes: Iterable<Note>, pages: Iterable<TopicPage>): Topic[] {
  const pageList = [...pages];
  const aliases = new AliasMap(pageList);
  const topics = new Map<string, Topic>();
  const ensure = (slug: string): Topic => {
    let topic = topics.get(slug);
    if (!topic) {
      topic = { slug, title: slug.slice(slug.lastIndexOf('/') + 1), described: false, ambassadors: [], aliases: [], directCount: 0, noteCount: 0, children: [] };
      topics.set(slug, topic);
      for (const ancestor of topicAncestors(slug)) if (!topics.has(ancestor)) ensure(ancestor);
    }
    return topic;
  };
  for (const page of pageList) {
    const topic = ensure(page.slug);
    topic.page = page;
    // A page that only holds a title, ambassadors or aliases (made by a rename or merge, or saved
    // empty from Edit Topic Page) does not describe the topic yet.
    topic.described = isDescribed(page);
    if (page.title) topic.title = page.title;
    topic.ambassadors = page.ambassadors;
    topic.aliases = page.aliases.filter((alias) => aliases.canonical(alias) === page.slug);
  }
  // Each raw slug resolved once: its canonical topic, then that topic's ancestors.
  const chains = new Map<string, Topic[]>();
  const chainOf = (raw: string): Topic[] => {
    let chain = chains.get(raw);
    if (!chain) {
      const slug = aliases.canonical(raw);
      chain = [slug, ...topicAncestors(slug)].map(ensure);
      chains.set(raw, chain);
    }
    return chain;
  };
  // A note counts once per topic, even when two of its slugs lead there (an
  // alias and its topic, two subtopics): the number of the last note counted.
  const directSeen = new Map<Topic, number>();
  const noteSeen = new Map<Topic, number>();
  let n = 0;
  for (const note of notes) {
    n++;
    for (const raw of note.topics) {
      const chain = chainOf(raw);
      if (directSeen.get(chain[0]) !== n) {
        directSeen.set(chain[0], n);
        chain[0].directCount++;
      }
      for (const topic of chain) {
        if (noteSeen.get(topic) === n) continue;
        noteSeen.set(topic, n);
        topic.noteCount++;
      }
    }
  }
  const roots: Topic[] = [];
  for (const topic of topics.values()) {
    const parent = parentTopic(topic.slug);
    if (parent === undefined) roots.push(topic);
    else topics.get(parent)!.children.push(topic);
  }
  const sort = (list: Topic[]) => {
    list.sort((a, b) => compareText(a.slug, b.slug));
    for (const t of list) sort(t.children);
  };
  sort(roots);
  return roots;
}

/** Every topic in the tree, depth first. */
export function flattenTopics(roots: Topic[]): Topic[] {
  const out: Topic[] = [];
  const walk = (list: Topic[]) => {
    for (const t of list) {
      out.push(t);
      walk(t.children);
    }
  };
  walk(roots);
  return out;
}

/** A topic is described when its page has a description: text in its body. */
export function isDescribed(page: TopicPage): boolean {
  return page.description.trim() !== '';
}

/**
 * Whether two topic trees draw the same rows (slug, title, counts, page,
 * ambassadors, aliases, children): rows drawn from one need no redraw once the
 * other is known.
 */
export function sameTopicTree(a: readonly Topic[], b: readonly Topic[]): boolean {
  const row = (t: Topic) =>
    JSON.stringify([t.slug, t.title, t.described, t.ambassadors, t.aliases, t.directCount, t.noteCount, t.children.length, t.page?.description ?? null]);
  const fa = flattenTopics([...a]);
  const fb = flattenTopics([...b]);
  return fa.length === fb.length && fa.every((t, i) => row(t) === row(fb[i]));
}
