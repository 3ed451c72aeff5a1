// `npm run test:ui`: Playwright drives the real workbench (code-server +
// headless Chromium, the extension under development, no tests module) on a
// fresh git copy of the demo workspace, checks what the user would see, and
// writes screenshots to media/screenshots/.
//
//   node scripts/vscode-host/ui.mjs [--no-build] [--workspace DIR] [STEP...]
// With no STEP, every step runs, in order, in one workbench. A failed step
// saves test-results/ui-<step>-failed-*.png and the run exits non-zero.
//
// To add a screenshot (a CodeLens with its hover, the note preview, the
// dashboard), add a step to STEPS below: a name and an async run(ui) using the
// helpers of `ui` (page, openContainer, waitForSidebarRows, runCommand, openFile, shot).
//
// Acceptance flows: after the steps, every flow of test/ui/*.ui.mjs runs, each
// on its own fresh git copy of the demo workspace in its own fresh workbench
// page, so nothing one flow leaves behind reaches the next. A flow file
// exports `flows = [{ name, description, async run(ui) }]`; `ui` has the
// helpers below plus workspace, read, write, cli, git, view and waitFor (see
// flowHelpers); with `ownServer: true`, also userDataDir and restart() (see
// runFlow). A flow fails by throwing; a HostError's message is the story.
//   --steps-only / --flows-only     TL_UI_GREP=<regexp>: only the flows whose name matches
/* global document -- in page.waitForFunction, which runs in the workbench page */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';

import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEMO_WORKSPACE, REPO_ROOT, HostError, build, ensureCodeServer, prepareWorkspace, startServer, launchBrowser,
  openWorkbench, workbenchUrl, saveScreenshot, runMain, sleep, newPage, gotoWorkbench,
} from './host.mjs';

const SCREENSHOTS = join(REPO_ROOT, 'media/screenshots');
const CONTAINER_TITLE = 'Team Learnings';
const SIDEBAR = '#workbench\\.parts\\.sidebar';

/** The steps, in order. Each one leaves the workbench usable for the next. */
export const STEPS = [
  {
    name: 'sidebar',
    description: `the ${CONTAINER_TITLE} sidebar on the demo workspace`,
    async run(ui) {
      await ui.openContainer(CONTAINER_TITLE);
      await ui.waitForSidebarRows();
      await ui.shot('sidebar');
    },
  },
  {
    name: 'codelens-hover',
    description: 'a CodeLens above anchored code, and the hover with the note',
    async run(ui) {
      const { page } = ui;
      await ui.openFile('src/payments/webhook.ts');
      await ui.goToLine(49);
      await page.waitForSelector('.codelens-decoration a', { timeout: 20_000 });
      const lens = await page.$eval('.codelens-decoration', (el) => el.textContent ?? '');
      if (!/lesson|note/.test(lens)) throw new HostError(`the CodeLens reads ${JSON.stringify(lens)}`);
      const line = page.locator('.view-line', { hasText: 'const claimed = await remember(tx, evt.id, evt.type);' });
      const box = await line.boundingBox();
      if (!box) throw new HostError('line 55 of webhook.ts is not on screen');
      await page.mouse.move(box.x + 120, box.y + box.height / 2);
      await page.waitForSelector('.monaco-hover:not(.hidden) a[data-href*="teamLearnings.previewNote"], .monaco-hover:not(.hidden) a[href*="teamLearnings.previewNote"]', { timeout: 15_000 });
      await ui.shot('codelens-hover');
      await page.mouse.move(700, 890);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'preview',
    description: 'the note preview, opened from the CodeLens',
    async run(ui) {
      const { page } = ui;
      await ui.openFile('src/payments/webhook.ts');
      await ui.goToLine(49);
      await page.locator('.codelens-decoration a', { hasText: 'Claim a webhook' }).click({ timeout: 20_000 });
      const frame = await ui.webviewFrame('[data-state="note"]');
      const title = await frame.$eval('h1', (h) => h.textContent ?? '');
      if (!title.includes('Claim a webhook event')) throw new HostError(`the preview shows ${JSON.stringify(title)}`);
      await ui.shot('preview');
    },
  },
  {
    name: 'dashboard',
    description: 'the dashboard',
    async run(ui) {
      await ui.runCommand('Team Learnings: Show Dashboard');
      await ui.webviewFrame('main.dashboard [data-card="contributors"]');
      await ui.shot('dashboard');
    },
  },
  {
    name: 'digest',
    description: 'a digest of the last 30 days, in the markdown preview',
    async run(ui) {
      const { page } = ui;
      await ui.runCommand('View: Close All Editors');
      await ui.runCommand('Team Learnings: Generate Digest');
      await page.waitForSelector('.quick-input-widget .monaco-list-row', { state: 'visible' });
      await page.keyboard.type('30');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.editor-instance .view-line >> text=Team learnings', { timeout: 20_000 });
      await ui.runCommand('Markdown: Open Preview to the Side');
      await ui.webviewFrame('h1');
      await ui.shot('digest');
    },
  },
];

/** The activity-bar container titles the manifest declares (%keys% resolved from package.nls.json). */
export function declaredContainers(extensionPath = REPO_ROOT) {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  const nlsFile = join(extensionPath, 'package.nls.json');
  const nls = existsSync(nlsFile) ? JSON.parse(readFileSync(nlsFile, 'utf8')) : {};
  const text = (value) => {
    const key = /^%(.+)%$/.exec(value ?? '')?.[1];
    const localized = key ? nls[key] : value;
    return typeof localized === 'object' ? localized?.message : localized;
  };
  return (manifest.contributes?.viewsContainers?.activitybar ?? []).map((c) => text(c.title) ?? c.id);
}

/** Helpers handed to each step. */
export function uiHelpers(page, { extensionPath = REPO_ROOT } = {}) {
  const ui = {
    page,

    /** Clicks the activity-bar entry whose label starts with `title` (unless it is open already). */
    async openContainer(title, timeoutMs = 30_000) {
      const declared = declaredContainers(extensionPath);
      if (!declared.some((t) => t.startsWith(title))) {
        throw new HostError(`package.json contributes no activity-bar container titled "${title}" (contributes.viewsContainers.activitybar: ${declared.join(', ') || 'none'})`);
      }
      const selector = `.activitybar .action-item a[aria-label^="${title}"]`;
      try {
        await page.waitForSelector(selector, { timeout: timeoutMs });
      } catch {
        const seen = await page.$$eval('.activitybar .action-item a[aria-label]', (links) => links.map((a) => a.getAttribute('aria-label')));
        throw new HostError(
          `no activity-bar entry "${title}" after ${timeoutMs / 1000} s (does package.json contribute viewsContainers.activitybar titled "${title}"?); ` +
          `the activity bar shows: ${seen.join(' | ') || 'nothing'}`,
        );
      }
      const open = await page.$eval(selector, (a) => a.closest('.action-item')?.classList.contains('checked') ?? false);
      if (!open) await page.click(selector);
      await page.mouse.move(700, 890); // away, so the entry's tooltip is not in the screenshot
    },

    /** Waits for tree or list rows in the sidebar; fails with what the sidebar shows instead. */
    async waitForSidebarRows(timeoutMs = 20_000) {
      try {
        await page.waitForSelector(`${SIDEBAR} .monaco-list-row`, { timeout: timeoutMs });
      } catch {
        const text = await page.$eval(SIDEBAR, (el) => el.innerText).catch(() => '(no sidebar)');
        throw new HostError(`the sidebar shows no rows after ${timeoutMs / 1000} s; it shows: ${JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 300))}`);
      }
      const rows = await page.$$eval(`${SIDEBAR} .monaco-list-row`, (els) => els.map((el) => el.innerText.trim()).filter(Boolean));
      if (rows.length === 0) throw new HostError('the sidebar rows are all empty');
      return rows;
    },

    /** Runs a command by its title through the command palette. */
    async runCommand(title) {
      const wanted = title.toLowerCase();
      // The palette lists the commands known when it opened: one opened while the extension's
      // contributions were still being registered never shows them, so a person closes it and
      // opens it again. Three tries, 15 s in all.
      let at = -1;
      for (let attempt = 0; attempt < 3 && at < 0; attempt++) {
        if (attempt > 0) await page.keyboard.press('Escape');
        // A focused webview keeps the keyboard to itself: give it back to the workbench first.
        await page.click(`${SIDEBAR} .title-label`).catch(() => undefined);
        await page.keyboard.press('F1');
        await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
        await page.keyboard.type(title);
        // Keys typed before the palette's input had focus are lost: make sure it holds the whole title.
        const input = page.locator('.quick-input-widget .quick-input-box input');
        if ((await input.inputValue()).replace(/^>\s*/, '') !== title) await input.fill(`>${title}`);
        // The row of the command typed, once the list shows it (not a row left from before, nor
        // a longer command listed above it, as "Open Locked Preview to the Side" is): selected
        // with the arrow keys, as a person would, then Enter.
        at = await page
          .waitForFunction(
            (text) => {
              const rows = [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')];
              const labels = rows.map((r) => (r.querySelector('.label-name')?.textContent ?? r.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase());
              const exact = labels.findIndex((l) => l === text);
              const i = exact >= 0 ? exact : labels.findIndex((l) => l.includes(text));
              return i >= 0 ? i + 1 : 0;
            },
            wanted,
            { timeout: 5_000 },
          )
          .then(async (handle) => (await handle.jsonValue()) - 1, () => -1);
      }
      if (at < 0) {
        const first = await page.$eval('.quick-input-widget .quick-input-list .monaco-list-row', (r) => r.textContent).catch(() => 'no row');
        throw new HostError(`the Command Palette offers no "${title}", opened three times (first row: ${JSON.stringify(first)})`);
      }
      for (let k = 0; k < at; k++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    },

    /** Opens a workspace file by its relative path through Quick Open. */
    async openFile(path) {
      // A quick input left open (a palette looked at, not run) would take the keys instead.
      if (await page.$('.quick-input-widget:not([style*="display: none"]) .quick-input-box input')) await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(path);
      // Enter only on the file typed: Quick Open lists recent files first, before it has searched.
      const name = path.slice(path.lastIndexOf('/') + 1);
      await page.waitForFunction(
        (file) => {
          const row = document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row');
          return row && (row.querySelector('.label-name')?.textContent ?? '').trim() === file;
        },
        name,
        { timeout: 15_000 },
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction((file) => document.querySelector('.tabs-container .tab.active .label-name')?.textContent?.trim() === file, name, { timeout: 15_000 });
      await page.waitForSelector('.editor-instance .monaco-editor .view-lines');
    },

    /** Moves the cursor to a line (Ctrl+G), which also scrolls it into view. */
    async goToLine(line) {
      await page.keyboard.press('Control+G');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(String(line));
      await page.keyboard.press('Enter');
      await sleep(300);
    },

    /** The content frame of the active webview, once `selector` shows in it. */
    async webviewFrame(selector, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        // The newest first: a webview re-shown gets a new frame while the old one is on its way out.
        for (const frame of [...page.frames()].reverse()) {
          if (frame.isDetached()) continue;
          const found = await frame.$(selector).catch(() => null);
          if (found) return frame;
        }
        await sleep(200);
      }
      throw new HostError(`no webview shows ${selector} after ${timeoutMs / 1000} s`);
    },

    /** Saves media/screenshots/<name>.png once rendering has settled. */
    async shot(name) {
      await sleep(500);
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path });
      console.log(`    screenshot: ${relative(REPO_ROOT, path)}`);
      return path;
    },
  };
  return ui;
}

export const FLOWS_DIR = join(REPO_ROOT, 'test/ui');
const CLI = join(REPO_ROOT, 'dist/cli.js');

/** Every flow of test/ui/*.ui.mjs, in file then declaration order, each with its file. */
export async function loadFlows(dir = FLOWS_DIR) {
  if (!existsSync(dir)) return [];
  const flows = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ui.mjs')).sort()) {
    const module = await import(pathToFileURL(join(dir, file)).href);
    if (!Array.isArray(module.flows)) throw new HostError(`test/ui/${file} exports no \`flows\` array`);
    for (const flow of module.flows) flows.push({ ...flow, file });
  }
  return flows;
}

/** The step helpers plus what a flow needs to check the files and the CLI of its own workspace. */
export function flowHelpers(page, workspace, options = {}) {
  const ui = uiHelpers(page, options);
  const inWorkspace = (rel) => join(workspace, rel);
  return Object.assign(ui, {
    workspace,
    /** A workspace file's text (undefined when it does not exist). */
    read(rel) {
      const path = inWorkspace(rel);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    },
    /** Writes a workspace file, as another program (git, a teammate's editor) would. */
    write(rel, text) {
      mkdirSync(dirname(inWorkspace(rel)), { recursive: true });
      writeFileSync(inWorkspace(rel), text);
    },
    /**
     * Waits until the machine is quiet: at most half of its CPU time busy over
     * a whole second (at most `timeoutMs`, then goes on). A step that is timed
     * is timed on a quiet workbench, not while VS Code's own TypeScript server
     * starts on the file just opened, which on two cores takes half the machine.
     */
    async settle(timeoutMs = 20_000) {
      const sample = () => cpus().reduce((t, c) => ({ busy: t.busy + c.times.user + c.times.nice + c.times.sys + c.times.irq, all: t.all + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle }), { busy: 0, all: 0 });
      const deadline = Date.now() + timeoutMs;
      let busy = 1;
      while (Date.now() < deadline) {
        const a = sample();
        await sleep(1000);
        const b = sample();
        busy = (b.busy - a.busy) / Math.max(1, b.all - a.all);
        if (busy <= 0.5) return busy;
      }
      console.log(`    (the machine stayed busy: ${Math.round(busy * 100)}% over the last second, after ${timeoutMs / 1000} s)`);
      return busy;
    },
    /** Runs the built CLI on this workspace: { code, stdout, stderr }. */
    cli(...args) {
      const result = spawnSync(process.execPath, [CLI, '--root', workspace, ...args], { encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    /** Runs git in this workspace; throws when it fails. Returns stdout. */
    git(...args) {
      const result = spawnSync('git', args, { cwd: workspace, encoding: 'utf8' });
      if (result.status !== 0) throw new HostError(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
      return result.stdout;
    },
    /** The texts of the rows of the sidebar view whose header starts with `title` (expanding it when collapsed). */
    async view(title) {
      const pane = page.locator(`${SIDEBAR} .pane`, { has: page.locator(`.pane-header[aria-label^="${title}"]`) });
      const header = pane.locator('.pane-header').first();
      if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
      return pane.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
    },
    /** Polls `fn` until it returns something truthy (then returns it); throws naming `what` and the last value. */
    async waitFor(fn, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let last;
      for (;;) {
        try {
          last = await fn();
          if (last) return last;
        } catch (error) {
          last = error?.message ?? error;
        }
        if (Date.now() > deadline) throw new HostError(`${what}: not after ${timeoutMs / 1000} s (last: ${JSON.stringify(last)?.slice(0, 300)})`);
        await sleep(150);
      }
    },
  });
}

async function runSteps(page, steps, tally) {
  for (const step of steps) {
    const started = Date.now();
    try {
      await step.run(uiHelpers(page));
      tally.passed++;
      console.log(`  ✔ ${step.name}: ${step.description} (${Date.now() - started} ms)`);
    } catch (error) {
      tally.failed++;
      console.log(`  ✘ ${step.name}: ${step.description}\n      ${error instanceof HostError ? error.message : error?.stack ?? error}`);
      const screenshot = await saveScreenshot(page, `ui-${step.name}-failed`);
      if (screenshot) console.log(`      screenshot: ${relative(REPO_ROOT, screenshot)}`);
    }
  }
}

/**
 * The workbench the flows drive: VS Code's own settings, but the Comments
 * panel is not opened by itself on the first file with threads. Opened while
 * a flow points at a line, it shrank the editor under the pointer; the flows
 * that need the panel open it as a person does.
 */
const FLOW_SETTINGS = { 'comments.openView': 'never' };

/**
 * One flow on a fresh workspace copy. A flow with `ownServer: true` gets a
 * server and VS Code profile of its own, and `ui.restart()`: the server
 * stopped (every extension host with it) and started again on the same
 * profile and workspace, as a person quits and reopens (`whileStopped`, if
 * given, runs in between); it resolves to the new page's helpers.
 */
async function runFlow(flow, { server, browser, scope, tally }) {
  const started = Date.now();
  const folder = prepareWorkspace(DEMO_WORKSPACE, scope);
  let userDataDir;
  if (flow.ownServer) {
    userDataDir = mkdtempSync(join(tmpdir(), 'tl-profile-'));
    scope.defer(() => rmSync(userDataDir, { recursive: true, force: true }));
    server = await startServer({ workspace: folder, scope, userDataDir, settings: FLOW_SETTINGS });
  }
  let page;
  const open = async () => {
    page = await newPage(browser);
    await gotoWorkbench(page, workbenchUrl(server, { folder, extensionDevelopmentPath: REPO_ROOT }));
    await page.waitForSelector('.activitybar', { timeout: 30_000 });
    const ui = flowHelpers(page, folder);
    if (flow.ownServer) {
      ui.userDataDir = userDataDir;
      ui.restart = async (whileStopped) => {
        await page.context().close().catch(() => undefined);
        await server.stop();
        await whileStopped?.();
        // The same port: the browser workbench keys workspace storage by the folder's remote URI, port included.
        const port = server.port;
        server = await startServer({ workspace: folder, scope, userDataDir, port, settings: FLOW_SETTINGS });
        if (server.port !== port) throw new HostError(`port ${port} was taken on restart: workspace storage would not be the same`);
        return open();
      };
    }
    return ui;
  };
  try {
    await flow.run(await open());
    tally.passed++;
    console.log(`  ✔ ${flow.name}: ${flow.description} (${Date.now() - started} ms)`);
  } catch (error) {
    if (scope.closing) return;
    tally.failed++;
    console.log(`  ✘ ${flow.name} (test/ui/${flow.file}): ${flow.description}\n      ${error instanceof HostError ? error.message : error?.stack ?? error}`);
    const screenshot = page && (await saveScreenshot(page, `ui-${flow.name}-failed`));
    if (screenshot) console.log(`      screenshot: ${relative(REPO_ROOT, screenshot)}`);
  } finally {
    await page?.context().close().catch(() => undefined);
    if (flow.ownServer) await server.stop();
  }
}

async function main(scope) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'no-build': { type: 'boolean' },
      workspace: { type: 'string' },
      'steps-only': { type: 'boolean' },
      'flows-only': { type: 'boolean' },
    },
  });
  const unknown = positionals.filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length) throw new HostError(`unknown step(s): ${unknown.join(', ')}; steps: ${STEPS.map((s) => s.name).join(', ')}`);
  const steps = values['flows-only'] ? [] : positionals.length ? STEPS.filter((step) => positionals.includes(step.name)) : STEPS;
  const grep = process.env.TL_UI_GREP ? new RegExp(process.env.TL_UI_GREP) : undefined;
  const flows = values['steps-only'] || positionals.length ? [] : (await loadFlows()).filter((flow) => !grep || grep.test(flow.name));
  if (grep && flows.length === 0 && !values['steps-only']) throw new HostError(`no flow matches TL_UI_GREP=${process.env.TL_UI_GREP}`);

  if (!values['no-build'] && !process.env.TL_NO_BUILD) build();
  await ensureCodeServer();
  const folder = prepareWorkspace(values.workspace ?? process.env.TL_WORKSPACE ?? DEMO_WORKSPACE, scope);
  const server = await startServer({ workspace: folder, scope, settings: FLOW_SETTINGS });
  const browser = await launchBrowser(scope);
  const tally = { passed: 0, failed: 0 };
  if (steps.length) {
    console.log('screenshot steps');
    const page = await openWorkbench(browser, workbenchUrl(server, { folder, extensionDevelopmentPath: REPO_ROOT }));
    await page.waitForSelector('.activitybar', { timeout: 30_000 });
    await runSteps(page, steps, tally);
    await page.context().close().catch(() => undefined);
  }
  if (flows.length) console.log('acceptance flows (each on a fresh workspace and workbench)');
  for (const flow of flows) {
    if (scope.closing) return 130;
    await runFlow(flow, { server, browser, scope, tally });
  }
  if (scope.closing) return 130;
  console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runMain(main);
