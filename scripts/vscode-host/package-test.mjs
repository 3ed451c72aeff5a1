// `npm run test:package`: the extension as users get it. Builds the .vsix
// (`npm run package`), installs it into a fresh extensions folder with
// code-server's `--install-extension` (no extensionDevelopmentPath: only
// what the package carries runs), opens the demo workspace in the workbench
// and checks, as a user sees them, that the Topics view has its rows, that a
// CodeLens shows above anchored code and that clicking it opens the note's
// preview. A file the extension needs and the package lacks fails here.
//
// Options: TL_VSIX=path (test that package instead of building one),
// TL_TIMEOUT=seconds (the whole run, default 240), TL_VERBOSE=1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  DEMO_WORKSPACE, REPO_ROOT, HostError, ensureCodeServer, prepareWorkspace, startServer, launchBrowser,
  openWorkbench, workbenchUrl, saveScreenshot, runMain,
} from './host.mjs';
import { uiHelpers } from './ui.mjs';

const EXTENSION_ID = 'team-learnings.team-learnings';
const VSIX = resolve(REPO_ROOT, process.env.TL_VSIX || 'team-learnings.vsix');

function packageVsix() {
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: process.env.TL_VERBOSE ? 'inherit' : ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new HostError(`npm run package failed (exit ${result.status ?? result.signal})`);
  if (!existsSync(VSIX)) throw new HostError(`npm run package made no ${relative(REPO_ROOT, VSIX)}`);
}

/** code-server's own installer, into `extensionsDir`: as a user installs a downloaded .vsix. */
function installVsix(entry, extensionsDir, userDataDir) {
  const result = spawnSync(process.execPath, [entry, '--install-extension', VSIX, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], {
    encoding: 'utf8',
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_DATA_HOME: join(userDataDir, 'xdg'), XDG_CONFIG_HOME: join(userDataDir, 'xdg') },
    timeout: 120_000,
  });
  if (result.status !== 0) throw new HostError(`--install-extension failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  const installed = readdirSync(extensionsDir).find((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (!installed) throw new HostError(`${EXTENSION_ID} is not in ${extensionsDir} after --install-extension:\n${result.stdout}`);
  return join(extensionsDir, installed);
}

async function check(name, fn) {
  const started = Date.now();
  await fn();
  console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
}

async function main(scope) {
  const timeoutMs = Number(process.env.TL_TIMEOUT ?? 240) * 1000;
  const timer = setTimeout(() => {
    console.error(`test:package: timed out after ${timeoutMs / 1000} s`);
    void scope.close().then(() => process.exit(3));
  }, timeoutMs);
  scope.defer(() => clearTimeout(timer));

  if (!process.env.TL_VSIX) packageVsix();
  console.log(`${relative(REPO_ROOT, VSIX)}: ${(statSync(VSIX).size / 1024).toFixed(1)} KB`);
  const { entry } = await ensureCodeServer({ browser: false });
  const dir = mkdtempSync(join(tmpdir(), 'tl-package-'));
  scope.defer(() => rmSync(dir, { recursive: true, force: true }));
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(extensionsDir);
  const installed = installVsix(entry, extensionsDir, join(dir, 'install-user'));
  console.log(`installed into a fresh extensions folder: ${installed.slice(dir.length + 1)}`);

  const folder = prepareWorkspace(DEMO_WORKSPACE, scope);
  const server = await startServer({ workspace: folder, scope, extensionsDir });
  const browser = await launchBrowser(scope);
  // No development path and no tests module: the workbench runs what is installed.
  const page = await openWorkbench(browser, workbenchUrl(server, { folder, extensionDevelopmentPath: null }));
  const ui = uiHelpers(page, { extensionPath: installed });
  let passed = 0;
  try {
    await check('the Topics view lists the demo workspace’s topics', async () => {
      await ui.openContainer('Team Learnings', 60_000);
      const rows = await ui.waitForSidebarRows(30_000);
      // The view's title comes from package.nls.json, the row text from the bundle.
      await page.waitForSelector('#workbench\\.parts\\.sidebar .pane-header[aria-label^="Topics"]', { timeout: 10_000 });
      for (const topic of ['Payments', 'Reliability', 'database']) {
        if (!rows.some((r) => r.startsWith(topic))) throw new HostError(`no "${topic}" row in the Topics view; rows: ${rows.join(' | ')}`);
      }
      if (!rows.some((r) => /\d+ notes/.test(r))) throw new HostError(`no note counts in the Topics rows: ${rows.join(' | ')}`);
      passed++;
    });
    await check('a CodeLens shows above anchored code', async () => {
      await ui.openFile('src/payments/webhook.ts');
      await ui.goToLine(49);
      // Any lens in view: the Comments panel VS Code opens below the editor may push the first one out of it.
      await page.waitForSelector('.codelens-decoration a:visible', { timeout: 30_000 });
      const lens = await page.$eval('.codelens-decoration', (el) => el.textContent ?? '');
      if (!/lesson|note/.test(lens)) throw new HostError(`the CodeLens reads ${JSON.stringify(lens)}`);
      passed++;
    });
    await check('clicking the CodeLens opens the note’s preview', async () => {
      await page.locator('.codelens-decoration a', { hasText: 'Claim a webhook' }).click({ timeout: 20_000 });
      const frame = await ui.webviewFrame('[data-state="note"]', 30_000);
      const title = await frame.$eval('h1', (h) => h.textContent ?? '');
      if (!title.includes('Claim a webhook event')) throw new HostError(`the preview shows ${JSON.stringify(title)}`);
      // Its stylesheet came with the package: the page is styled, not raw. The link loads after
      // the page's text on a busy machine: wait for it (a stylesheet missing never comes).
      let styled = false;
      for (const deadline = Date.now() + 15_000; !styled && Date.now() < deadline; ) {
        styled = await (await ui.webviewFrame('main.note', 5_000)).$eval('main.note', (m) => globalThis.getComputedStyle(m).maxWidth === '860px').catch(() => false);
        if (!styled) await new Promise((done) => setTimeout(done, 250));
      }
      if (!styled) throw new HostError('the preview has no stylesheet (media/preview.css missing from the package?)');
      passed++;
    });
  } catch (error) {
    console.log(`  ✘ ${error instanceof HostError ? error.message : error?.stack ?? error}`);
    const screenshot = await saveScreenshot(page, 'package-failed');
    if (screenshot) console.log(`      screenshot: ${relative(REPO_ROOT, screenshot)}`);
  }
  console.log(`\n${passed} passed, ${3 - passed} failed (the installed ${relative(REPO_ROOT, VSIX)})`);
  return passed === 3 ? 0 : 1;
}

await runMain(main);
