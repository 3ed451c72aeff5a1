import * as vscode from 'vscode';
import type { LearningsService } from '../service';
import type { LiveAnchors } from '../editor/liveAnchors';
import { TopicsProvider, type TopicsNode } from './topicsView';
import { ThisFileProvider } from './thisFileView';
import { FollowupsProvider } from './followupsView';
import { ReviewProvider } from './reviewView';

export interface Views {
  topics: TopicsProvider;
  topicsView: vscode.TreeView<TopicsNode>;
  thisFile: ThisFileProvider;
  followups: FollowupsProvider;
  review: ReviewProvider;
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
  context.subscriptions.push(
    topicsView,
    reviewView,
    review,
    vscode.window.registerTreeDataProvider('teamLearnings.thisFile', thisFile),
    vscode.window.registerTreeDataProvider('teamLearnings.followups', followups),
  );
  const refreshAll = () => {
    topics.refresh();
    thisFile.refresh();
    followups.refresh();
    review.refresh();
  };
  context.subscriptions.push(
    service.onDidChange(refreshAll),
    live.onDidChange(() => thisFile.refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => thisFile.refresh()),
  );
  return { topics, topicsView, thisFile, followups, review, refreshAll };
}
