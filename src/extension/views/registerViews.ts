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
  /** Every tree view by its id, as registered (tests check each declared view has one). */
  treeViews: Record<string, vscode.TreeView<unknown>>;
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
  const thisFileView = vscode.window.createTreeView('teamLearnings.thisFile', { treeDataProvider: thisFile });
  const followupsView = vscode.window.createTreeView('teamLearnings.followups', { treeDataProvider: followups });
  context.subscriptions.push(topicsView, reviewView, review, thisFileView, followupsView);
  const treeViews = {
    'teamLearnings.topics': topicsView,
    'teamLearnings.thisFile': thisFileView,
    'teamLearnings.followups': followupsView,
    'teamLearnings.review': reviewView,
  } as Record<string, vscode.TreeView<unknown>>;
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
  return { topics, topicsView, thisFile, followups, review, treeViews, refreshAll };
}
