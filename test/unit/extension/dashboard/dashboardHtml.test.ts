// The dashboard's page and messages without VS Code: strict CSP, no inline
// style, untrusted names escaped, and only allow-listed commands accepted.

import * as assert from 'node:assert/strict';
import { dashboardModel, type DashboardModel } from '../../../../src/core/teamLoop/dashboardModel';
import type { Stats } from '../../../../src/core/teamLoop/stats';
import type { Note } from '../../../../src/core/model';
import { dashboardDocument, revealableTopics, type DashboardLabels, type GoalsCard } from '../../../../src/extension/dashboard/dashboardHtml';
import { DASHBOARD_COMMANDS, parseDashboardMessage } from '../../../../src/extension/dashboard/messages';

const plural = (one: string, many: string) => (n: number) => (n === 1 ? one : many.replace('{0}', String(n)));

const labels: DashboardLabels = {
  title: 'Team Learnings Dashboard',
  asOf: (d) => `As of ${d}`,
  month: (m) => m.slice(5),
  monthLong: (m) => m,
  notes: plural('1 note', '{0} notes'),
  notesTitle: 'Notes per month',
  notesCaption: (n, months) => `notes in the last ${months} months`,
  notesEmpty: 'No notes yet.',
  seriesNotes: (name, n) => `${name}: ${n} notes`,
  otherTopics: 'Other topics',
  noTopic: 'No topic',
  legendHint: 'Select a topic.',
  plansTitle: 'Action plans',
  plansCaption: () => 'plans due for a check-in',
  overdue: 'Overdue',
  dueThisWeek: 'Due this week',
  onTrack: 'Open, on track',
  done: 'Done',
  dropped: 'Dropped',
  plansEmpty: 'No plans.',
  anchorsTitle: 'Anchors needing attention',
  anchorsCaption: (_a, total) => `of ${total} anchors need attention`,
  anchorsAllInPlace: 'All in place.',
  anchorsNone: 'No anchors.',
  anchorsUnchecked: 'Not checked.',
  inPlace: 'In place',
  drifted: 'Drifted',
  orphaned: 'Orphaned',
  contributorsTitle: 'Contributors this month',
  contributorsCaption: () => 'people shared what they learned this month',
  thanks: 'Thank you!',
  contributorsEmpty: 'No notes yet this month.',
  contributions: (n) => `${n} contributions`,
  winsTitle: 'Wins this month',
  andMore: (n) => `and ${n} more`,
  undescribed: (n) => `${n} topics not yet described:`,
  openThreads: (n) => `${n} open threads:`,
  repliers: (names) => `Replied lately: ${names}`,
  goalsTitle: 'Learning plan',
  goalsCaption: (_onTrack, open) => `of ${open} open goals on track`,
  goalsEmpty: 'No learning goals yet.',
  nextSession: (date, title) => `Next session: ${date} ${title}`,
};

const EVIL = '<img src=x onerror=alert(1)>';

const lesson = (path: string, author: string, created: string): Note => ({ path, title: path, kind: 'lesson', topics: [], anchors: [], endorsed: [], body: '', bodyLine: 1, created, author });
const NOTES: Note[] = [
  { path: 'w.md', title: `Win ${EVIL}`, kind: 'win', topics: [], anchors: [], endorsed: [], body: '', bodyLine: 1, created: '2026-11-19', author: 'Tomás Ortega' },
  lesson('e1.md', `Eve ${EVIL}`, '2026-11-10'),
  lesson('e2.md', `Eve ${EVIL}`, '2026-10-30'),
];

function model(over: Partial<Stats> = {}, notes: Note[] = NOTES): DashboardModel {
  const stats: Stats = {
    notes: 5,
    topics: 4,
    undescribedTopics: ['security', 'Bad Slug"><script>alert(1)</script>', 'testing'],
    perMonth: [
      { month: '2026-10', total: 2, byTopic: { payments: 2, reliability: 1 } },
      { month: '2026-11', total: 3, byTopic: { payments: 1, security: 2 } },
    ],
    plans: { open: 2, due: 1, overdue: 1, done: 1, dropped: 0 },
    anchors: { total: 20, fresh: 15, moved: 2, drifted: 2, orphaned: 1 },
    contributorsThisMonth: [
      { name: `Eve ${EVIL}`, notes: 2 },
      { name: 'Tomás Ortega', notes: 1 },
    ],
    ...over,
  };
  return dashboardModel(stats, {
    today: '2026-11-23',
    topicTitle: (slug) => (slug === 'payments' ? `Pay "ments" ${EVIL}` : undefined),
    notes,
  });
}

function render(m = model(), goals?: GoalsCard): string {
  return dashboardDocument({
    ...(goals ? { goals } : {}),
    cspSource: 'https://webview.example',
    nonce: 'abc123',
    styleUri: 'https://webview.example/media/dashboard.css',
    scriptUri: 'https://webview.example/media/dashboard.js',
    lang: 'en',
    model: m,
    labels,
  });
}

describe('dashboard page', () => {
  it('sets a strict CSP with the nonce, and loads only its own script with that nonce', () => {
    const html = render();
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.match(csp, /style-src https:\/\/webview\.example/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="abc123" src="https://webview.example/media/dashboard.js">']);
  });

  it('uses no inline style and no event handler attributes', () => {
    // Attribute values emptied: an escaped name may read "onerror=" harmlessly inside one.
    const tags = (render().match(/<[^>]*>/g) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
    assert.ok(tags.length > 50);
    for (const tag of tags) {
      assert.doesNotMatch(tag, /\sstyle=/i, tag);
      assert.doesNotMatch(tag, /^<style/i, tag);
      assert.doesNotMatch(tag, /\son[a-z]+=/i, tag);
    }
  });

  it('draws the four cards and the line of undescribed topics', () => {
    const html = render();
    for (const card of ['notes', 'plans', 'anchors', 'contributors', 'undescribed']) assert.match(html, new RegExp(`data-card="${card}"`), card);
    assert.match(html, /<section class="card card-plans" data-card="plans" data-command="teamLearnings\.followups\.focus">/);
    assert.match(html, /data-card="anchors" data-command="teamLearnings\.checkAnchors"/);
    assert.match(html, /data-card="contributors" data-command="teamLearnings\.generateDigest"/);
    assert.match(html, /data-item="overdue" data-count="1"/);
    assert.match(html, /data-item="due" data-count="1"/);
    assert.match(html, /data-item="done" data-count="1"/);
    assert.match(html, /data-item="orphaned" data-count="1"/);
    assert.match(html, /<span class="figure" data-figure="3">3<\/span> <span class="caption">of 20 anchors need attention<\/span>/);
  });

  it('escapes names, titles and topics from notes', () => {
    const html = render();
    assert.ok(!html.includes('<img'), 'no markup from notes');
    assert.ok(!html.includes('<script>alert'), 'no script from notes');
    assert.ok(html.includes('Eve &lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('Win &lt;img'));
    assert.ok(html.includes('Pay &quot;ments&quot; &lt;img'));
    assert.ok(html.includes('Tomás Ortega'));
  });

  it('links legend entries and undescribed topics to revealTopic, only with valid slugs', () => {
    const html = render();
    assert.match(html, /<button type="button" class="legend-item" data-command="teamLearnings\.revealTopic" data-arg="payments"/);
    assert.match(html, /<button type="button" class="topic-link" data-command="teamLearnings\.revealTopic" data-arg="security">security<\/button>/);
    assert.match(html, /<button type="button" class="undescribed-link" data-command="teamLearnings\.revealTopic" data-arg="security">3 topics not yet described:<\/button>/);
    assert.match(html, /<span class="topic-name">Bad Slug&quot;&gt;&lt;script&gt;/, 'an invalid slug is shown, not linked');
    assert.deepEqual([...revealableTopics(model())].sort(), ['payments', 'reliability', 'security', 'testing']);
    for (const arg of html.matchAll(/data-arg="([^"]*)"/g)) assert.match(arg[1], /^[a-z0-9/-]+$/);
    for (const id of html.matchAll(/data-command="([^"]*)"/g)) assert.ok(DASHBOARD_COMMANDS.has(id[1]), id[1]);
  });

  it('sizes bars with SVG attributes: the busiest month is full height', () => {
    const html = render();
    const heights = [...html.matchAll(/<g class="month" data-month="(\d{4}-\d{2})" data-notes="(\d+)">[\s\S]*?<\/g>/g)].map((m) => ({
      month: m[1],
      height: [...m[0].matchAll(/<rect class="seg [^"]*" x="[\d.]+" y="[\d.]+" width="48" height="([\d.]+)"/g)].reduce((sum, r) => sum + Number(r[1]), 0),
    }));
    assert.deepEqual(heights.map((h) => h.month), ['2026-10', '2026-11']);
    assert.ok(Math.abs(heights[1].height - 150) < 0.05, `November: ${heights[1].height}`);
    assert.ok(Math.abs(heights[0].height - (150 * 2) / 3) < 0.05, `October: ${heights[0].height}`);
  });

  it('says so plainly when there is nothing yet', () => {
    const html = render(
      model({
        perMonth: [{ month: '2026-11', total: 0, byTopic: {} }],
        plans: { open: 0, due: 0, overdue: 0, done: 0, dropped: 0 },
        anchors: { total: 0, fresh: 0, moved: 0, drifted: 0, orphaned: 0 },
        contributorsThisMonth: [],
        undescribedTopics: [],
      }, []),
    );
    assert.match(html, /No notes yet\./);
    assert.match(html, /No plans\./);
    assert.match(html, /No anchors\./);
    assert.match(html, /No notes yet this month\./);
    assert.doesNotMatch(html, /data-card="undescribed"/);
  });
});

describe('dashboard goals card', () => {
  const GOALS: GoalsCard = {
    goals: [
      { slug: 'asvs-level-2', title: `ASVS ${EVIL}`, state: 'overdue', stateLabel: 'overdue', progress: '0 of 1 plan done' },
      { slug: 'safe-migrations', title: 'Safe migrations', state: 'on-track', stateLabel: 'on track', progress: '1 of 2 plans done' },
      { slug: 'old', title: 'Old goal', state: 'met', stateLabel: 'met', progress: '2 of 2 plans done' },
      { slug: 'Bad"><x', title: 'Bad slug', state: 'on-track', stateLabel: 'on track', progress: '' },
    ],
    next: { date: '2027-01-14', title: `Chaos ${EVIL}`, host: 'Tomás Ortega' },
  };

  it('shows each goal with its state and progress, each a link into the Learning Plan view; the card links to the view', () => {
    const html = render(model(), GOALS);
    assert.match(html, /<section class="card card-goals" data-card="goals" data-command="teamLearnings\.learningPlan\.focus">/);
    assert.match(html, /<li class="goal" data-goal="safe-migrations" data-state="on-track"><button type="button" class="goal-link" data-command="teamLearnings\.revealGoal" data-arg="safe-migrations"><span class="goal-title">Safe migrations<\/span> <span class="goal-state state-on-track">on track<\/span><\/button><span class="goal-progress">1 of 2 plans done<\/span><\/li>/);
    assert.match(html, /data-goal="asvs-level-2" data-state="overdue">[^]*?ASVS &lt;img/);
    // Of the three open goals (met is not open), two on track.
    assert.match(html, /<span class="figure" data-figure="2">2<\/span> <span class="caption">of 3 open goals on track<\/span>/);
    assert.match(html, /<p class="next-session" data-date="2027-01-14">Next session: 2027-01-14 Chaos &lt;img src=x onerror=alert\(1\)&gt; <span class="win-author">Tomás Ortega<\/span><\/p>/);
    assert.ok(!html.includes('<img'), 'no markup from goals or sessions');
    assert.match(html, /<button type="button" class="goal-link"><span class="goal-title">Bad slug/, 'an invalid slug is shown, not linked');
    for (const id of html.matchAll(/data-command="([^"]*)"/g)) assert.ok(DASHBOARD_COMMANDS.has(id[1]), id[1]);
  });

  it('says there are no goals yet; no card without a learning plan', () => {
    assert.match(render(model(), { goals: [] }), /data-card="goals"[^]*No learning goals yet\./);
    assert.ok(!render(model()).includes('data-card="goals"'));
  });

  it('accepts revealGoal only with a goal slug', () => {
    assert.deepEqual(parseDashboardMessage({ type: 'command', id: 'teamLearnings.revealGoal', arg: 'asvs-level-2' }), { type: 'command', id: 'teamLearnings.revealGoal', arg: 'asvs-level-2' });
    assert.deepEqual(parseDashboardMessage({ type: 'command', id: 'teamLearnings.learningPlan.focus', arg: 'x' }), { type: 'command', id: 'teamLearnings.learningPlan.focus' });
    for (const arg of [undefined, 'a/b', 'Asvs', '../x', 'a'.repeat(201), ['asvs']]) {
      assert.equal(parseDashboardMessage({ type: 'command', id: 'teamLearnings.revealGoal', arg }), undefined, JSON.stringify(arg));
    }
  });
});

describe('dashboard messages', () => {
  it('accepts the allow-listed commands, and revealTopic only with a slug', () => {
    assert.deepEqual(parseDashboardMessage({ type: 'command', id: 'teamLearnings.followups.focus' }), { type: 'command', id: 'teamLearnings.followups.focus' });
    assert.deepEqual(parseDashboardMessage({ type: 'command', id: 'teamLearnings.revealTopic', arg: 'payments/webhooks' }), {
      type: 'command',
      id: 'teamLearnings.revealTopic',
      arg: 'payments/webhooks',
    });
    assert.deepEqual(parseDashboardMessage({ type: 'command', id: 'teamLearnings.topics.focus', arg: 'ignored' }), { type: 'command', id: 'teamLearnings.topics.focus' });
  });

  it('drops everything else', () => {
    for (const bad of [
      undefined,
      null,
      'teamLearnings.topics.focus',
      [],
      { type: 'command', id: 'workbench.action.terminal.new' },
      { type: 'command', id: 'vscode.open', arg: 'file:///etc/passwd' },
      { type: 'open', id: 'teamLearnings.topics.focus' },
      { type: 'command', id: 'teamLearnings.revealTopic' },
      { type: 'command', id: 'teamLearnings.revealTopic', arg: 'Payments' },
      { type: 'command', id: 'teamLearnings.revealTopic', arg: '../x' },
      { type: 'command', id: 'teamLearnings.revealTopic', arg: 'a'.repeat(201) },
      { type: 'command', id: 'teamLearnings.revealTopic', arg: ['payments'] },
    ]) {
      assert.equal(parseDashboardMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
