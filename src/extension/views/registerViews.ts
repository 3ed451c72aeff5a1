import * as vscode from 'vscode';
import type { LearningsService } from '../service';
import type { LiveAnchors } from '../editor/liveAnchors';
import { TopicsProvider, type TopicsNode } from './topicsView';
import { ThisFileProvider, type ThisFileNode } from './thisFileView';
import { FollowupsProvider } from './followupsView';
import { ReviewProvider } from './reviewView';
import { AttentionProvider, type AttentionNode } from './attentionView';
import { FolderThisFileProvider, FolderTopicsProvider, type FolderTopicsNode } from './folderViews';
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
  const topicsView = vscode.window.createTreeView<TopicsNode | FolderTopicsNode>('teamLearnings.topics', { treeDataProvider: topicsTree, showCollapseAll: true });
  const reviewView = vscode.window.createTreeView('teamLearnings.review', { treeDataProvider: review });
  review.view = reviewView;
  const attention = new AttentionProvider(service);
  const attentionView = vscode.window.createTreeView('teamLearnings.attention', { treeDataProvider: attention });
  attention.view = attentionView;
  const thisFileView = vscode.window.createTreeView('teamLearnings.thisFile', { treeDataProvider: thisFileTree });
  const followupsView = vscode.window.createTreeView('teamLearnings.followups', { treeDataProvider: followups });
  context.subscriptions.push(topicsView, reviewView, review, attentionView, thisFileView, followupsView);
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
  };
  context.subscriptions.push(
    service.onDidChange(refreshAll),
    live.onDidChange(() => thisFile.refresh()),
    // Statuses follow typing (paused), saves and file operations: the attention view too, when shown.
    service.anchors.onDidChange(() => attention.refreshIfVisible()),
    attentionView.onDidChangeVisibility((e) => {
      if (e.visible) attention.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => thisFile.refresh()),
  );
  return { topics, topicsView, thisFile, followups, review, attention, attentionView, treeViews, refreshAll, topicsTree, thisFileTree };
}
