// One typed reader of the extension's settings (declared in package.json).

import * as vscode from 'vscode';

export interface LearningsConfig {
  folder: string;
  authorName: string;
  codeLens: boolean;
  gutter: boolean;
  hover: boolean;
  /** The key new notes write their topics under. */
  topicsKey: 'topics' | 'tags';
  /** The branch Review compares with; empty: origin/HEAD, then main, master, develop. */
  reviewBaseBranch: string;
}

export function readConfig(scope?: vscode.ConfigurationScope): LearningsConfig {
  const c = vscode.workspace.getConfiguration('teamLearnings', scope);
  return {
    folder: c.get<string>('folder', '.learnings') || '.learnings',
    authorName: c.get<string>('authorName', '').trim(),
    codeLens: c.get<boolean>('codeLens.enabled', true),
    gutter: c.get<boolean>('gutter.enabled', true),
    hover: c.get<boolean>('hover.enabled', true),
    topicsKey: c.get<string>('topicsKey', 'topics') === 'tags' ? 'tags' : 'topics',
    reviewBaseBranch: c.get<string>('review.baseBranch', '').trim(),
  };
}
