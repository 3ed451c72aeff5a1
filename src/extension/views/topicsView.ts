// The Topics view: the topic tree with counts, ambassadors and undescribed
// topics marked; each topic lists its subtopics, then its own notes.

import * as vscode from 'vscode';
import type { Note } from '../../core/model';
import type { Topic } from '../../core/topics/topics';
import { flattenTopics } from '../../core/topics/topics';
import type { LearningsService } from '../service';
import { escapeMd, noteTreeItem } from './noteItem';
import { summaryOf } from '../../core/teamLoop/digest';
import { Disposable } from '../disposable';

/** Characters of a topic's description in its tooltip; longer ones are cut at a word. */
const TOOLTIP_DESCRIPTION = 400;

export type TopicsNode = { type: 'topic'; topic: Topic } | { type: 'note'; note: Note; parent: Topic };

export class TopicsProvider extends Disposable implements vscode.TreeDataProvider<TopicsNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<TopicsNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private nodes = new Map<string, TopicsNode>();

  constructor(private readonly service: LearningsService) {
    super();
  }

  refresh(): void {
    this.nodes.clear();
    this.emitter.fire(undefined);
  }

  async getChildren(node?: TopicsNode): Promise<TopicsNode[]> {
    if (!node) {
      // The first rows may come from the warm-start cache before it is validated (the view is refreshed if that changes anything).
      const rows = (await this.service.firstRowsIndex()).topics().map((topic) => this.topicNode(topic));
      this.service.firstRowsServed();
      return rows;
    }
    if (node.type !== 'topic') return [];
    const index = await this.service.ready();
    const direct = index.directNotes(node.topic.slug);
    return [...node.topic.children.map((t) => this.topicNode(t)), ...direct.map((note) => ({ type: 'note' as const, note, parent: node.topic }))];
  }

  getParent(node: TopicsNode): TopicsNode | undefined {
    if (node.type === 'note') return this.topicNode(node.parent);
    const parent = node.topic.slug.includes('/') ? node.topic.slug.slice(0, node.topic.slug.lastIndexOf('/')) : undefined;
    return parent ? this.nodes.get(parent) : undefined;
  }

  getTreeItem(node: TopicsNode): vscode.TreeItem {
    if (node.type === 'note') {
      const item = noteTreeItem(this.service, node.note);
      item.id = `${node.parent.slug}\u0000${node.note.path}`;
      return item;
    }
    const t = node.topic;
    const item = new vscode.TreeItem(t.described ? t.title : t.slug.slice(t.slug.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `topic:${t.slug}`;
    item.iconPath = new vscode.ThemeIcon(t.described ? 'tag' : 'circle-large-outline');
    const parts = [t.noteCount === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', t.noteCount)];
    if (t.ambassadors.length) parts.push(t.ambassadors.join(', '));
    if (!t.described) parts.push(vscode.l10n.t('not yet described'));
    item.description = parts.join(' · ');
    item.contextValue = `topic:${t.described ? 'described' : 'undescribed'}`;
    const tooltip = new vscode.MarkdownString(undefined, false);
    // The title as the header, the slug (what notes write) beside it.
    tooltip.appendMarkdown(`**${escapeMd(t.described ? t.title : t.slug)}**`);
    if (t.described && t.title !== t.slug) tooltip.appendMarkdown(` \u00b7 ${escapeMd(t.slug)}`);
    tooltip.appendMarkdown('\n\n');
    if (t.page?.description) tooltip.appendText(`${summaryOf(t.page.description, TOOLTIP_DESCRIPTION)}\n\n`);
    if (t.ambassadors.length) tooltip.appendText(`${vscode.l10n.t('Ambassadors: {0}', t.ambassadors.join(', '))}\n`);
    if (t.aliases.length) tooltip.appendText(`${vscode.l10n.t('Also known as: {0}', t.aliases.join(', '))}\n`);
    if (!t.described) {
      tooltip.appendText(
        t.page
          ? vscode.l10n.t('Not yet described: its page has no description yet. An ambassador can write one.')
          : vscode.l10n.t('Not yet described: no topic page. An ambassador can write one.'),
      );
    }
    item.tooltip = tooltip;
    return item;
  }

  /** The node of a topic by slug (or alias), for `TreeView.reveal`. */
  async nodeFor(slug: string): Promise<TopicsNode | undefined> {
    const index = await this.service.ready();
    const topic = index.topic(slug);
    if (!topic) return undefined;
    for (const t of flattenTopics(index.topics())) this.topicNode(t);
    return this.nodes.get(topic.slug);
  }

  private topicNode(topic: Topic): TopicsNode {
    let node = this.nodes.get(topic.slug);
    if (!node || node.type !== 'topic' || node.topic !== topic) {
      node = { type: 'topic', topic };
      this.nodes.set(topic.slug, node);
    }
    return node;
  }
}
