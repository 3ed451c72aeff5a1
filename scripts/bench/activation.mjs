// Activation in a real VS Code (code-server + headless Chromium, see
// scripts/vscode-host/host.mjs) on a generated workspace, for `npm run bench`.
// Each run starts a fresh server and browser, so every activation is cold:
//
//   activationMs     what activate() took (the extension reports it; it does no scan)
//   firstItemsMs     from the click on the Team Learnings activity-bar entry
//                    until the first row of the Topics view is in the page:
//                    what a user waits for on opening the sidebar, index load
//                    (10,000 notes through workspace.fs) and rendering included
//   hostTopicsMs     the part of it inside the extension host: the Topics
//                    view's first getChildren, from call to items
//
// With `warm`, each measured start is the second start of one VS Code
// profile on the workspace: a first start opens the Topics view and waits
// until the extension has written its index cache (in the profile's
// workspace storage), then the second start is measured.
//
// The tests module (out/test/bench/activation.js, compiled from
// test/bench/activation.ts) runs inside the extension host; the two sides
// meet through files in a temp folder (ready.json, done, result.json).
/* global window, document, MutationObserver -- in page.evaluate, which runs in the workbench page */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HostError, createScope, ensureCodeServer, freePort, indexCacheFiles, launchBrowser, newPage, gotoWorkbench, workbenchUrl, startServer, sleep, saveScreenshot,
} from '../vscode-host/host.mjs';

const CONTAINER = '.activitybar .action-item a[aria-label^="Team Learnings"]';
/** Rows of the Topics view only: its pane is the one whose header says "Topics". */
const TOPICS_ROWS = '#workbench\\.parts\\.sidebar .pane:has(.pane-header[aria-label^="Topics"]) .monaco-list-row';

async function waitForFile(file, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new HostError(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(25);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * One start: server, browser, workbench, activation, click, first row.
 * `userDataDir`: the profile (default a fresh one); `waitForCache`: stay
 * until the extension has written its index cache there.
 */
async function measureOnce({ workspace, extensionPath, testsPath, timeoutMs, print, userDataDir, waitForCache = false, port }) {
  const scope = createScope();
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-activation-'));
  scope.defer(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const server = await startServer({ workspace, scope, env: { TL_BENCH_DIR: dir }, userDataDir, port });
    // The browser workbench keys workspace storage by the folder's remote URI, port included.
    if (port && server.port !== port) throw new HostError(`port ${port} was taken: the second start would not find the first one's storage`);
    const browser = await launchBrowser(scope);
    const page = await newPage(browser, {
      onLog: (_type, text) => {
        if (/error|exception/i.test(text) && !/^\[Service Worker\]/.test(text)) print(`    [extension host] ${text.trim()}`);
      },
    });
    await gotoWorkbench(page, workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath }), { timeoutMs });
    const ready = await waitForFile(join(dir, 'ready.json'), timeoutMs, 'the extension to activate');
    await page.waitForSelector(CONTAINER, { timeout: timeoutMs });
    // Let the workbench settle after activation, as a user would not click in the same millisecond.
    await sleep(1000);
    // In the page: the time of the click's mousedown and of the first Topics row.
    await page.evaluate((rows) => {
      const marks = (window.__tlBench = {});
      document.addEventListener('mousedown', () => (marks.clickAt ??= Date.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (document.querySelector(rows)) {
          marks.rowAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, TOPICS_ROWS);
    await page.click(CONTAINER);
    let marks;
    try {
      await page.waitForFunction(() => window.__tlBench.rowAt !== undefined, undefined, { timeout: timeoutMs, polling: 50 });
      marks = await page.evaluate(() => window.__tlBench);
    } catch (error) {
      const shot = await saveScreenshot(page, 'bench-activation');
      throw new HostError(`no Topics row appeared: ${error.message.split('\n')[0]}${shot ? ` (screenshot: ${shot})` : ''}`);
    }
    if (waitForCache) {
      const deadline = Date.now() + timeoutMs;
      while (indexCacheFiles(server.userDataDir).length === 0) {
        if (Date.now() > deadline) throw new HostError(`no index cache written in ${server.userDataDir} after ${timeoutMs / 1000} s`);
        await sleep(100);
      }
    }
    writeFileSync(join(dir, 'done'), '');
    const result = await waitForFile(join(dir, 'result.json'), 30_000, 'the tests module to finish');
    if (result.error) throw new HostError(`in the extension host: ${result.error}`);
    return {
      activationMs: ready.activationMs,
      loadedAtReady: ready.loadedAtReady,
      firstItemsMs: marks.rowAt - marks.clickAt,
      hostTopicsMs: result.topics ? result.topics.resolvedAt - result.topics.calledAt : undefined,
      clickToHostMs: result.topics ? result.topics.calledAt - marks.clickAt : undefined,
      notes: result.notes,
      restored: result.restored,
    };
  } finally {
    await scope.close();
  }
}

/**
 * `runs` cold starts of VS Code on `workspace` with the extension at
 * `extensionPath` (a folder with package.json and dist/); returns every run's figures.
 */
export async function measureActivation({ workspace, extensionPath, testsPath, runs = 3, timeoutMs = 120_000, print = console.log, warm = false }) {
  await ensureCodeServer();
  if (!existsSync(testsPath)) throw new HostError(`tests module not found: ${testsPath}`);
  const results = [];
  for (let i = 0; i < runs; i++) {
    let run;
    if (warm) {
      const userDataDir = mkdtempSync(join(tmpdir(), 'tl-bench-profile-'));
      try {
        const port = await freePort();
        await measureOnce({ workspace, extensionPath, testsPath, timeoutMs, print, userDataDir, waitForCache: true, port });
        run = await measureOnce({ workspace, extensionPath, testsPath, timeoutMs, print, userDataDir, port });
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    } else {
      run = await measureOnce({ workspace, extensionPath, testsPath, timeoutMs, print });
    }
    print(`    run ${i + 1}/${runs}${warm ? ' (warm)' : ''}: activate() ${run.activationMs.toFixed(1)} ms, first Topics row ${run.firstItemsMs} ms after the click (asked ${run.clickToHostMs} ms after it, getChildren ${run.hostTopicsMs} ms, ${run.notes} notes, ${run.restored ?? 0} from the cache)`);
    results.push(run);
  }
  return results;
}
