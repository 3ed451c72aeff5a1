import * as vscode from 'vscode';
import type { LearningsService } from '../service';
import type { LiveAnchors } from '../editor/liveAnchors';
import { TopicsProvider, type TopicsNode } from './topicsView';
import { ThisFileProvider, type ThisFileNode } from './thisFileView';
import { FollowupsProvider } from './followupsView';
import { ReviewProvider } from './reviewView';
import { AttentionProvider, type AttentionNode } from './attentionView';
import { FolderGroupedProvider, FolderThisFileProvider, FolderTopicsProvider, type FolderRow, type FolderTopicsNode } from './folderViews';
import type { FollowupsNode } from './followupsView';
import type { ReviewNode } from './reviewView';
import type { LearningsServices } from '../services';

export interface Views {
  topics: TopicsProvider;
  topicsView: vscode.TreeView<TopicsNode | FolderTopicsNode>;
  thisFile: ThisFileProvider;
  followups: FollowupsProvider;
  review: ReviewProvider;
  attention: AttentionProvider;
  attentionView: vscode.TreeView<AttentionNode>;
  /** Every tree view by its id, as registered (tests check each declared view has one). */
  treeViews: Record<string, vscode.TreeView<unknown>>;
  refreshAll(): void;
  /** What the Topics view shows: grouped by folder in a multi-root workspace. */
  topicsTree: vscode.TreeDataProvider<TopicsNode | FolderTopicsNode>;
  thisFileTree: vscode.TreeDataProvider<ThisFileNode>;
  /** Follow-ups, Review and attention as shown: every folder's, grouped by folder where several have rows. */
  followupsTree: vscode.TreeDataProvider<FollowupsNode | FolderRow>;
  reviewTree: vscode.TreeDataProvider<ReviewNode | FolderRow>;
  attentionTree: vscode.TreeDataProvider<AttentionNode | FolderRow>;
  /** Each folder's attention rows, last shown (several folders: the sum of them). */
  attentionRows(): AttentionNode[];
}

export function registerViews(context: vscode.ExtensionContext, service: LearningsService, live: LiveAnchors, services?: LearningsServices): Views {
  const topics = new TopicsProvider(service);
  const thisFile = new ThisFileProvider(service, live);
  const followups = new FollowupsProvider(service);
  const review = new ReviewProvider(service);
  // Every folder of a multi-root workspace: grouped by folder where several have notes.
  const topicsTree = services ? new FolderTopicsProvider(services, topics) : topics;
  const thisFileTree = services ? new FolderThisFileProvider(services, thisFile) : thisFile;
  if (services) context.subscriptions.push(topicsTree as FolderTopicsProvider, thisFileTree as FolderThisFileProvider);
  const attention = new AttentionProvider(service);
  const grouped = services
    ? {
        followups: new FolderGroupedProvider<FollowupsNode, FollowupsProvider>(services, followups, (e) => new FollowupsProvider(e.service)),
        review: new FolderGroupedProvider<ReviewNode, ReviewProvider>(services, review, (e) => new ReviewProvider(e.service), (view, shown, isGrouped) => {
          if (!view) return;
          // One folder shown: its own message; several: the rows say it; none: the first folder's.
          const one = isGrouped ? undefined : (shown[0]?.provider ?? review);
          view.message = one?.last?.message;
          view.description = one?.last?.branch;
        }),
        attention: new FolderGroupedProvider<AttentionNode, AttentionProvider>(services, attention, (e) => {
          const p = new AttentionProvider(e.service);
          e.subscriptions.push(e.service.anchors.onDidChange(() => (attentionView.visible ? p.refresh() : undefined)));
          return p;
        }, (view, shown) => {
          if (!view) return;
          const count = shown.reduce((n, s) => n + s.rows.length, 0);
          view.badge = count > 0 ? { value: count, tooltip: vscode.l10n.t('{0} anchors need attention', count) } : undefined;
        }),
      }
    : undefined;
  if (grouped) context.subscriptions.push(grouped.followups, grouped.review, grouped.attention);
  const followupsTree = grouped?.followups ?? followups;
  const reviewTree = grouped?.review ?? review;
  const attentionTree = grouped?.attention ?? attention;
  const topicsView = vscode.window.createTreeView<TopicsNode | FolderTopicsNode>('teamLearnings.topics', { treeDataProvider: topicsTree, showCollapseAll: true });
  const reviewView = vscode.window.createTreeView<ReviewNode | FolderRow>('teamLearnings.review', { treeDataProvider: reviewTree });
  review.view = reviewView as vscode.TreeView<ReviewNode>;
  const attentionView = vscode.window.createTreeView<AttentionNode | FolderRow>('teamLearnings.attention', { treeDataProvider: attentionTree });
  attention.view = attentionView as vscode.TreeView<AttentionNode>;
  if (grouped) {
    grouped.review.view = reviewView;
    grouped.attention.view = attentionView;
  }
  const thisFileView = vscode.window.createTreeView('teamLearnings.thisFile', { treeDataProvider: thisFileTree });
  const followupsView = vscode.window.createTreeView<FollowupsNode | FolderRow>('teamLearnings.followups', { treeDataProvider: followupsTree });
  context.subscriptions.push(topicsView, reviewView, topics, thisFile, followups, review, attention, attentionView, thisFileView, followupsView);
  const treeViews = {
    'teamLearnings.topics': topicsView,
    'teamLearnings.thisFile': thisFileView,
    'teamLearnings.followups': followupsView,
    'teamLearnings.review': reviewView,
    'teamLearnings.attention': attentionView,
  } as Record<string, vscode.TreeView<unknown>>;
  const refreshAll = () => {
    topics.refresh();
    thisFile.refresh();
    followups.refresh();
    review.refresh();
    attention.refresh();
    grouped?.followups.refresh();
    grouped?.review.refresh();
    grouped?.attention.refresh();
  };
  context.subscriptions.push(
    service.onDidChange(refreshAll),
    live.onDidChange(() => thisFile.refresh()),
    // Statuses follow typing (paused), saves and file operations: the attention view too, when shown.
    service.anchors.onDidChange(() => attention.refreshIfVisible()),
    attentionView.onDidChangeVisibility((e) => {
      if (e.visible) (grouped?.attention ?? attention).refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => thisFile.refresh()),
  );
  const attentionRows = () => (grouped && services && services.all().length > 1 ? services.all().flatMap((e) => grouped.attention.provider(e).last) : attention.last);
  return { topics, topicsView, thisFile, followups, review, attention, attentionView: attentionView as vscode.TreeView<AttentionNode>, treeViews, refreshAll, topicsTree, thisFileTree, followupsTree, reviewTree, attentionTree, attentionRows };
}
