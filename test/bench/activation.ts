// The benchmark's tests module inside a real VS Code (extensionTestsPath),
// driven by scripts/bench/activation.mjs. Not a test suite: it measures.
//
//   1. waits until the extension is active and notes `activationMs`, what
//      activate() itself took (it returns before any scan);
//   2. times the Topics view's first root getChildren (index load through
//      workspace.fs + topic tree), wrapping the provider the view calls;
//   3. writes `ready.json` to TL_BENCH_DIR; the runner then opens the
//      Team Learnings container in the page, as a user clicks it, and times
//      the first row on screen; when it writes `done`, this module writes
//      `result.json` and returns.
// Clocks: Date.now() on both sides (one machine), so the runner can relate
// its click to the extension host's getChildren.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TeamLearningsApi } from '../../src/extension/extension';
import type { TopicsNode } from '../../src/extension/views/topicsView';

const EXTENSION_ID = 'team-learnings.team-learnings';

export interface ActivationReady {
  activationMs: number;
  /** True when something loaded the index before the view asked (it should not). */
  loadedAtReady: boolean;
}

export interface ActivationResult extends ActivationReady {
  /** The first root getChildren of the Topics view that returned items. */
  topics?: { calledAt: number; resolvedAt: number; items: number };
  notes?: number;
  /** Notes and pages taken from the warm-start cache rather than read. */
  restored?: number;
  error?: string;
}

function write(dir: string, name: string, value: unknown): void {
  const file = path.join(dir, name);
  fs.writeFileSync(`${file}.partial`, JSON.stringify(value));
  fs.renameSync(`${file}.partial`, file); // whole or absent: the runner polls for it
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

export async function run(): Promise<void> {
  const dir = process.env.TL_BENCH_DIR;
  if (!dir) throw new Error('TL_BENCH_DIR is not set: run this through scripts/bench/activation.mjs');
  const result: ActivationResult = { activationMs: NaN, loadedAtReady: false };
  try {
    const ext = vscode.extensions.getExtension<TeamLearningsApi>(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
    const api = ext.isActive ? ext.exports : await ext.activate();
    if (!api) throw new Error('the extension returned no API: is a folder open?');
    result.activationMs = api.activationMs;
    result.loadedAtReady = api.service.loaded;

    const provider = api.views.topics;
    const getChildren = provider.getChildren.bind(provider);
    provider.getChildren = async (node?: TopicsNode) => {
      const calledAt = Date.now();
      const children = await getChildren(node);
      if (!node && !result.topics && children.length > 0) result.topics = { calledAt, resolvedAt: Date.now(), items: children.length };
      return children;
    };
    write(dir, 'ready.json', { activationMs: result.activationMs, loadedAtReady: result.loadedAtReady } satisfies ActivationReady);
    if (!(await until(() => fs.existsSync(path.join(dir, 'done')), 120_000))) throw new Error('the runner never said done');
    // The load behind the first rows (on a warm start, the one validating the cache) has finished.
    result.notes = (await api.service.ready()).size;
    result.restored = api.service.lastLoad.restored;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  write(dir, 'result.json', result);
}
