// The dashboard: one webview panel with a few indicators a team can act on
// (notes per topic over time, plans to check in on, anchors needing
// attention, contributors and wins this month), each a link into the view
// where the team acts on it. Numbers come from core/stats; the page is drawn
// by dashboardHtml; the page's messages are checked by messages.

import * as vscode from 'vscode';
import { lockedWebviewOptions } from '../webview/webviewOptions';
import type { AnchorResult } from '../../core/anchors/checkAnchors';
import { CONTRIBUTOR_DAYS, dashboardModel, type DashboardModel } from '../../core/teamLoop/dashboardModel';
import { addDays } from '../../core/dates';
import { computeStats } from '../../core/teamLoop/stats';
import { flattenTopics } from '../../core/topics/topics';
import { makeNonce } from '../webview/lockedDocument';
import type { LearningsService } from '../service';
import type { LearningsServices } from '../services';
import { foldersWithNotes, namedFolder, pickFolder } from '../commands/folderPick';
import { dashboardDocument, revealableTopics, type GoalsCard } from './dashboardHtml';
import { plansProgress } from '../../core/goals/progress';
import { sessionsOf } from '../../core/goals/sessions';
import { goalProgressLabel, goalStateLabel } from '../views/learningPlanView';
import { dashboardLabels } from './labels';
import { CONTRIBUTORS_DIGEST, REVEAL_GOAL, REVEAL_TOPIC, parseDashboardMessage } from './messages';

export const DASHBOARD_VIEW_TYPE = 'teamLearnings.dashboard';
export const SHOW_DASHBOARD = 'teamLearnings.showDashboard';

/** Saves of anchored code within this window re-render once. */
const SAVE_DEBOUNCE_MS = 300;

export class DashboardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private html: string | undefined;
  /** The page last set, without its nonce: the same page is not set again. */
  private shownPage: string | undefined;
  private model: DashboardModel | undefined;
  private topics = new Set<string>();
  /** The goal slugs the goals card shows: revealGoal is followed for those only. */
  private goalSlugs = new Set<string>();
  /** Bumped by every render, so a slow render never overwrites a newer one. */
  private version = 0;
  private rendering: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private changeListener: vscode.Disposable;

  /** `folderTitle` (multi-root): the folder's name for the panel's title, when the workspace has several. */
  constructor(
    private readonly extensionUri: vscode.Uri,
    private service: LearningsService,
    private readonly folderTitle: (service: LearningsService) => string | undefined = () => undefined,
  ) {
    this.changeListener = this.listen(service);
    this.disposables.push(
      // Anchor statuses follow the code: a saved anchored file may change the anchors card.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        const path = this.panel ? this.service.relative(doc.uri) : undefined;
        if (!path || !this.service.indexIfLoaded?.query({ file: path }).length) return;
        if (this.saveTimer) clearTimeout(this.saveTimer);
        this.saveTimer = setTimeout(() => {
          this.saveTimer = undefined;
          if (this.panel) void this.render();
        }, SAVE_DEBOUNCE_MS);
      }),
    );
  }

  /** The HTML last set on the panel, for tests; undefined before the first render. */
  htmlFor(): string | undefined {
    return this.html;
  }

  /** What the last render drew, for tests. */
  modelFor(): DashboardModel | undefined {
    return this.model;
  }

  /** Resolves when the render under way (if any) has set its HTML. */
  async rendered(): Promise<void> {
    await this.rendering;
  }

  private listen(service: LearningsService): vscode.Disposable {
    return service.onDidChange(() => {
      if (this.panel) void this.render();
    });
  }

  /** The folder the dashboard shows (multi-root: the one last asked for). */
  get folderService(): LearningsService {
    return this.service;
  }

  private title(): string {
    const folder = this.folderTitle(this.service);
    return folder ? vscode.l10n.t('Team Learnings Dashboard: {0}', folder) : vscode.l10n.t('Team Learnings Dashboard');
  }

  /** Opens the dashboard, or reveals it and brings its numbers up to date; `service`: of that folder. */
  async show(service?: LearningsService): Promise<void> {
    if (service && service !== this.service) {
      this.service = service;
      this.changeListener.dispose();
      this.changeListener = this.listen(service);
      if (this.panel) this.panel.title = this.title();
    }
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn);
      await this.render();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      DASHBOARD_VIEW_TYPE,
      this.title(),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { ...lockedWebviewOptions(this.extensionUri), enableFindWidget: false, retainContextWhenHidden: false },
    );
    this.adopt(panel);
    await this.render();
  }

  /** Restores the panel after a window reload (the page keeps no state of its own). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    if (this.panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = lockedWebviewOptions(this.extensionUri);
    this.adopt(panel);
    await this.render();
  }

  /**
   * Runs what the page asks when it is on the allow-list, with a topic the
   * page shows. The command is started, not awaited (it may wait on a quick
   * pick). Public for tests; returns whether a command was started.
   */
  async handleMessage(raw: unknown): Promise<boolean> {
    const message = parseDashboardMessage(raw);
    if (!message) return false;
    const id: string = message.id;
    const args: unknown[] = [];
    if (message.id === REVEAL_TOPIC) {
      if (!message.arg || !this.topics.has(message.arg)) return false;
      args.push(message.arg);
    } else if (message.id === REVEAL_GOAL) {
      if (!message.arg || !this.goalSlugs.has(message.arg)) return false;
      args.push(message.arg);
    } else if (message.id === CONTRIBUTORS_DIGEST) {
      // The same window as the card; the page never chooses the period.
      args.push({ since: addDays(this.model?.today ?? this.service.clock.today(), -(CONTRIBUTOR_DAYS - 1)), ...(this.folderTitle(this.service) ? { folder: this.service.folder.name } : {}) });
    }
    vscode.commands.executeCommand(id, ...args).then(undefined, (err: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('Team Learnings: {0}', err instanceof Error ? err.message : String(err)));
    });
    return true;
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.panel?.dispose();
    this.changeListener.dispose();
    for (const d of this.disposables) d.dispose();
  }


  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    const listeners = [
      panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m)),
      // Hidden panels are not re-rendered as they lose their content; catch up when shown again.
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible && this.model?.today !== this.service.clock.today()) void this.render();
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.html = undefined;
          this.shownPage = undefined;
          this.model = undefined;
          this.topics = new Set();
          this.goalSlugs = new Set();
        }
        for (const l of listeners) l.dispose();
      }),
    ];
  }

  private render(): Promise<void> {
    const version = ++this.version;
    const run = this.rendering.then(() => this.renderNow(version));
    this.rendering = run.catch(() => undefined);
    return run.catch((err: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('Team Learnings: {0}', err instanceof Error ? err.message : String(err)));
    });
  }

  private async renderNow(version: number): Promise<void> {
    // A newer render is queued behind this one: let it do the work.
    if (version !== this.version || !this.panel) return;
    const index = await this.service.ready();
    const day = this.service.clock.today();
    let anchors: AnchorResult[] | undefined;
    try {
      anchors = (await this.service.anchors.check(index.notes())).anchors;
    } catch {
      anchors = undefined; // the other cards still show; the anchors card says it could not check
    }
    const panel = this.panel;
    if (version !== this.version || !panel) return;
    const stats = computeStats(index, day, anchors ?? []);
    const titles = new Map(flattenTopics(index.topics()).map((t) => [t.slug, t.title]));
    const model = dashboardModel(stats, {
      today: day,
      topicTitle: (slug) => titles.get(slug),
      notes: index.notes(),
      anchorsChecked: anchors !== undefined,
      replies: index.replies(),
      thread: (path) => index.thread(path),
    });
    const aliases = index.aliases();
    const progress = plansProgress(index.goals(), index.notes(), day, (topic) => aliases.canonical(topic));
    const next = sessionsOf(index.query({ kind: 'session' }), day).planned[0];
    const goals: GoalsCard = {
      goals: progress.map((p) => ({ slug: p.goal.slug, title: p.goal.title, state: p.state, stateLabel: goalStateLabel(p.state), progress: goalProgressLabel(p) })),
      ...(next?.date ? { next: { date: next.date, title: next.title, ...(next.host ? { host: next.host } : {}) } } : {}),
    };
    const webview = panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    const nonce = makeNonce();
    const html = dashboardDocument({
      cspSource: webview.cspSource,
      nonce,
      styleUri: media('dashboard.css'),
      scriptUri: media('dashboard.js'),
      lang: vscode.env.language,
      model,
      labels: dashboardLabels(vscode.env.language),
      goals,
    });
    this.model = model;
    this.topics = revealableTopics(model);
    this.goalSlugs = new Set(goals.goals.map((g) => g.slug));
    // The same page as shown (only the nonce differs) is not set again: that would reload the
    // webview, a flicker for nothing, and a click on the page meanwhile would be lost.
    const page = html.split(nonce).join('');
    if (page === this.shownPage && this.html !== undefined) return;
    this.shownPage = page;
    this.html = html;
    webview.html = html;
  }
}

/** Registers `teamLearnings.showDashboard` and the panel serializer; the dashboard is disposed with the extension. */
/** `services` (multi-root): with several folders with notes, the dashboard is of the one asked for (or named: `{ folder }`). */
export function registerDashboard(context: vscode.ExtensionContext, service: LearningsService, services?: LearningsServices): DashboardPanel {
  const several = () => (services?.all().length ?? 1) > 1;
  const dashboard = new DashboardPanel(context.extensionUri, service, (s) => (several() ? s.folder.name : undefined));
  const show = async (arg: unknown) => {
    if (!services || !several()) return dashboard.show();
    const entry = namedFolder(services, arg) ?? (await pickFolder(await foldersWithNotes(services), vscode.l10n.t('Dashboard of which folder?')));
    return entry ? dashboard.show(entry.service) : undefined;
  };
  context.subscriptions.push(
    dashboard,
    vscode.commands.registerCommand(SHOW_DASHBOARD, show),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, dashboard),
  );
  return dashboard;
}
