import * as vscode from 'vscode';
import type { LearningsService } from '../service';
import type { LiveAnchors } from '../editor/liveAnchors';
import { TopicsProvider, type TopicsNode } from './topicsView';
import { ThisFileProvider } from './thisFileView';
import { FollowupsProvider } from './followupsView';
import { ReviewProvider } from './reviewView';
import { AttentionProvider, type AttentionNode } from './attentionView';

export interface Views {
  topics: TopicsProvider;
  topicsView: vscode.TreeView<TopicsNode>;
  thisFile: ThisFileProvider;
  followups: FollowupsProvider;
  review: ReviewProvider;
  attention: AttentionProvider;
  attentionView: vscode.TreeView<AttentionNode>;
  refreshAll(): void;
}

export function registerViews(context: vscode.ExtensionContext, service: LearningsService, live: LiveAnchors): Views {
  const topics = new TopicsProvider(service);
  const thisFile = new ThisFileProvider(service, live);
  const followups = new FollowupsProvider(service);
  const review = new ReviewProvider(service);
  const topicsView = vscode.window.createTreeView('teamLearnings.topics', { treeDataProvider: topics, showCollapseAll: true });
  const reviewView = vscode.window.createTreeView('teamLearnings.review', { treeDataProvider: review });
  review.view = reviewView;
  const attention = new AttentionProvider(service);
  const attentionView = vscode.window.createTreeView('teamLearnings.attention', { treeDataProvider: attention });
  attention.view = attentionView;
  context.subscriptions.push(
    topicsView,
    reviewView,
    attentionView,
    vscode.window.registerTreeDataProvider('teamLearnings.thisFile', thisFile),
    vscode.window.registerTreeDataProvider('teamLearnings.followups', followups),
  );
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
  return { topics, topicsView, thisFile, followups, review, attention, attentionView, refreshAll };
}
