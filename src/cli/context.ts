// What every command gets: the workspace, loaded on demand, and the outputs.

import * as path from 'node:path';
import { LearningsWorkspace } from '../core/index/workspace';
import { formatProblem, type Problem } from '../core/model';
import { NodeFileSystem } from '../node/nodeFileSystem';

export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** Bytes for stdout as they are (a calendar file keeps its CRLF); without it, `out` gets them. */
  write?(text: string): void;
}

export class CliContext {
  readonly fs: NodeFileSystem;
  readonly workspace: LearningsWorkspace;

  constructor(
    readonly root: string,
    folder: string | undefined,
    readonly io: Output,
    readonly stdin: () => Promise<string>,
    /** Tests hand in a file system that fails (a full disk). */
    fs?: NodeFileSystem,
  ) {
    this.fs = fs ?? new NodeFileSystem(path.resolve(root));
    this.workspace = new LearningsWorkspace(this.fs, { folder });
  }

  async load() {
    return this.workspace.load();
  }

  /** Problems go to stderr, one line each, so they never hide the notes on stdout. */
  reportProblems(problems: Problem[]): void {
    for (const p of problems) this.io.err(formatProblem(p));
  }
}
