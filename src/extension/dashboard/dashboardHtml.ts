// The dashboard's HTML document: four cards drawn as inline SVG under the
// preview's strict CSP (a fresh nonce, no inline style: sizes are SVG
// attributes, colours are classes in media/dashboard.css). Everything that
// comes from notes (topic titles, names, win titles) is escaped. Each card and
// legend entry carries `data-command` (and `data-arg`): the page's script
// posts them, the extension checks them against an allow-list.
// No `vscode` import: unit-tested without VS Code.

import type { AnchorsSummary, ContributorsSummary, DashboardModel, NotesChart, PlansSummary, TopicSeries } from '../../core/teamLoop/dashboardModel';
import { escapeHtml } from '../../core/render/html';
import { documentHead } from '../webview/lockedDocument';
import { CHECK_ANCHORS, CONTRIBUTORS_DIGEST, FOCUS_FOLLOWUPS, FOCUS_LEARNING_PLAN, FOCUS_TOPICS, REVEAL_GOAL, REVEAL_TOPIC, isGoalArg, isTopicArg } from './messages';

/** Every word the page shows, localized by the caller. */
export interface DashboardLabels {
  title: string;
  asOf: (date: string) => string;
  /** `YYYY-MM` as a short month name, under a bar. */
  month: (month: string) => string;
  /** `YYYY-MM` in full, in a bar's tooltip. */
  monthLong: (month: string) => string;
  /** "1 note", "3 notes". */
  notes: (n: number) => string;
  notesTitle: string;
  /** After the big number: "notes in the last 6 months". */
  notesCaption: (n: number, months: number) => string;
  notesEmpty: string;
  /** A segment's tooltip: "Payments: 3 notes". */
  seriesNotes: (name: string, n: number) => string;
  otherTopics: string;
  noTopic: string;
  legendHint: string;
  plansTitle: string;
  /** After the big number: "plans due for a check-in". */
  plansCaption: (n: number) => string;
  overdue: string;
  dueThisWeek: string;
  onTrack: string;
  done: string;
  dropped: string;
  plansEmpty: string;
  anchorsTitle: string;
  /** After the big number: "of 20 anchors need attention". */
  anchorsCaption: (attention: number, total: number) => string;
  anchorsAllInPlace: string;
  anchorsNone: string;
  anchorsUnchecked: string;
  inPlace: string;
  drifted: string;
  orphaned: string;
  contributorsTitle: string;
  /** After the big number: "people wrote notes this month". */
  contributorsCaption: (people: number) => string;
  /** A person's count: "3 contributions" (notes, check-ins, endorsements). */
  contributions: (n: number) => string;
  thanks: string;
  contributorsEmpty: string;
  winsTitle: string;
  /** "and 3 more" */
  andMore: (n: number) => string;
  /** "3 topics not yet described:" */
  undescribed: (n: number) => string;
  /** "2 open threads:" */
  openThreads: (n: number) => string;
  /** "Replied lately: Ana, Bo" */
  repliers: (names: string) => string;
  goalsTitle: string;
  /** After the big number: "learning goals on track" (of those open). */
  goalsCaption: (onTrack: number, open: number) => string;
  goalsEmpty: string;
  /** "Next session: 2027-01-14 Lunch talk: …" */
  nextSession: (date: string, title: string) => string;
}

/** The goals card: each goal's state and progress (computed in core/goals), the next session. */
export interface GoalsCard {
  goals: { slug: string; title: string; state: string; stateLabel: string; progress: string }[];
  next?: { date: string; title: string; host?: string };
}

export interface DashboardDocument {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `asWebviewUri` of media/dashboard.css and media/dashboard.js, as strings. */
  styleUri: string;
  scriptUri: string;
  /** BCP 47 language of the UI, `vscode.env.language`. */
  lang: string;
  model: DashboardModel;
  labels: DashboardLabels;
  /** The learning plan; without it the page has no goals card. */
  goals?: GoalsCard;
}

/** People listed by name in the contributors card; the rest are counted. */
export const MAX_PEOPLE = 10;
/** Undescribed topics named in the closing line; the rest are counted. */
export const MAX_UNDESCRIBED = 5;

const esc = escapeHtml;

export function dashboardDocument(d: DashboardDocument): string {
  const { model, labels } = d;
  return `${documentHead({ ...d, title: labels.title })}
<body data-today="${esc(model.today)}">
<main class="dashboard">
<header class="dashboard-header">
<h1>${esc(labels.title)}</h1>
<p class="as-of">${esc(labels.asOf(model.today))}</p>
</header>
<div class="cards">
${notesCard(model.notes, labels)}
${plansCard(model.plans, labels)}
${anchorsCard(model.anchors, labels)}
${contributorsCard(model.contributors, labels)}
${d.goals ? goalsCard(d.goals, labels) : ''}
</div>
${undescribedLine(model.undescribedTopics, labels)}
${dialogLine(model.dialog, labels)}
</main>
<script nonce="${esc(d.nonce)}" src="${esc(d.scriptUri)}"></script>
</body>
</html>
`;
}

/** The slugs the page offers to revealTopic: a message naming another one is not followed. */
export function revealableTopics(model: DashboardModel): Set<string> {
  const slugs = new Set<string>();
  for (const s of model.notes.series) if (s.kind === 'topic' && isTopicArg(s.slug)) slugs.add(s.slug);
  for (const slug of model.undescribedTopics.slice(0, MAX_UNDESCRIBED)) if (isTopicArg(slug)) slugs.add(slug);
  return slugs;
}

// ---------------------------------------------------------------------------
// Cards

interface CardParts {
  kind: 'notes' | 'plans' | 'anchors' | 'contributors' | 'goals';
  command: string;
  title: string;
  /** The one big number; absent when there is nothing to count. */
  figure?: number;
  caption: string;
  content: string;
}

function card(c: CardParts): string {
  const figure = c.figure === undefined ? '' : `<span class="figure" data-figure="${c.figure}">${c.figure}</span> `;
  return `<section class="card card-${c.kind}" data-card="${c.kind}" data-command="${esc(c.command)}">
<h2 class="card-title"><button type="button" class="card-link" data-command="${esc(c.command)}">${esc(c.title)}</button></h2>
<p class="headline">${figure}<span class="caption">${esc(c.caption)}</span></p>
${c.content}
</section>`;
}

function notesCard(chart: NotesChart, labels: DashboardLabels): string {
  const months = chart.months.length;
  const content =
    chart.notes === 0
      ? `${notesSvg(chart, labels)}\n<p class="empty">${esc(labels.notesEmpty)}</p>`
      : `${notesSvg(chart, labels)}\n${legend(chart.series, labels)}\n<p class="hint">${esc(labels.legendHint)}</p>`;
  return card({ kind: 'notes', command: FOCUS_TOPICS, title: labels.notesTitle, figure: chart.notes, caption: labels.notesCaption(chart.notes, months), content });
}

function plansCard(plans: PlansSummary, labels: DashboardLabels): string {
  const total = plans.open + plans.done + plans.dropped;
  const parts: Part[] = [
    { key: 'overdue', label: labels.overdue, count: plans.overdue },
    { key: 'due', label: labels.dueThisWeek, count: plans.dueThisWeek },
    { key: 'open', label: labels.onTrack, count: plans.onTrack },
    { key: 'done', label: labels.done, count: plans.done },
    { key: 'dropped', label: labels.dropped, count: plans.dropped },
  ];
  const content = total === 0 ? `<p class="empty">${esc(labels.plansEmpty)}</p>` : `${stackedBar(parts, total)}\n${breakdown(parts)}`;
  return card({ kind: 'plans', command: FOCUS_FOLLOWUPS, title: labels.plansTitle, figure: plans.toCheckIn, caption: labels.plansCaption(plans.toCheckIn), content });
}

function anchorsCard(anchors: AnchorsSummary | undefined, labels: DashboardLabels): string {
  const base = { kind: 'anchors' as const, command: CHECK_ANCHORS, title: labels.anchorsTitle };
  if (!anchors) return card({ ...base, caption: labels.anchorsUnchecked, content: '' });
  if (anchors.total === 0) return card({ ...base, caption: labels.anchorsNone, content: '' });
  const parts: Part[] = [
    { key: 'orphaned', label: labels.orphaned, count: anchors.orphaned },
    { key: 'drifted', label: labels.drifted, count: anchors.drifted },
    { key: 'inplace', label: labels.inPlace, count: anchors.inPlace },
  ];
  const cheer = anchors.attention === 0 ? `\n<p class="cheer">${esc(labels.anchorsAllInPlace)}</p>` : '';
  return card({
    ...base,
    figure: anchors.attention,
    caption: labels.anchorsCaption(anchors.attention, anchors.total),
    content: `${stackedBar(parts, anchors.total)}\n${breakdown(parts)}${cheer}`,
  });
}

function contributorsCard(c: ContributorsSummary, labels: DashboardLabels): string {
  const out: string[] = [];
  if (c.people.length === 0) {
    out.push(`<p class="empty">${esc(labels.contributorsEmpty)}</p>`);
  } else {
    out.push('<ol class="people">');
    for (const p of c.people.slice(0, MAX_PEOPLE)) {
      out.push(
        `<li class="person"><span class="person-name">${esc(p.name)}</span>` +
          `<svg class="mini-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="fill-people" x="0" y="0" width="${num((100 * p.contributions) / Math.max(1, c.maxNotes))}" height="8" rx="1"/></svg>` +
          `<span class="count">${esc(labels.contributions(p.contributions))}</span></li>`,
      );
    }
    out.push('</ol>');
    if (c.people.length > MAX_PEOPLE) out.push(`<p class="more">${esc(labels.andMore(c.people.length - MAX_PEOPLE))}</p>`);
    out.push(`<p class="cheer">${esc(labels.thanks)}</p>`);
  }
  if (c.wins.length > 0) {
    out.push(`<h3 class="wins-title">${esc(labels.winsTitle)}</h3>`, '<ul class="wins">');
    for (const w of c.wins) {
      const by = w.author ? ` <span class="win-author">${esc(w.author)}</span>` : '';
      out.push(`<li class="win"><span class="win-title">${esc(w.title)}</span>${by}</li>`);
    }
    out.push('</ul>');
  }
  return card({
    kind: 'contributors',
    command: CONTRIBUTORS_DIGEST,
    title: labels.contributorsTitle,
    figure: c.people.length,
    caption: labels.contributorsCaption(c.people.length),
    content: out.join('\n'),
  });
}

/** The dialog under the cards: the open threads by title, and who replied lately. */
function dialogLine(dialog: DashboardModel['dialog'], labels: DashboardLabels): string {
  if (!dialog || (dialog.open.length === 0 && dialog.repliers.length === 0)) return '';
  const out: string[] = [];
  if (dialog.open.length > 0) {
    const shown = dialog.open.slice(0, MAX_UNDESCRIBED).map((t) => `<span class="thread-title">${esc(t.title)}</span> <span class="count">(${t.replies})</span>`);
    const more = dialog.open.length > MAX_UNDESCRIBED ? ` <span class="more">${esc(labels.andMore(dialog.open.length - MAX_UNDESCRIBED))}</span>` : '';
    out.push(`<p class="open-threads" data-card="open-threads">${esc(labels.openThreads(dialog.open.length))} ${shown.join('<span class="sep">, </span>')}${more}</p>`);
  }
  if (dialog.repliers.length > 0) out.push(`<p class="repliers" data-card="repliers">${esc(labels.repliers(dialog.repliers.slice(0, MAX_PEOPLE).join(', ')))}</p>`);
  return out.join('\n');
}

function goalsCard(g: GoalsCard, labels: DashboardLabels): string {
  const open = g.goals.filter((x) => x.state !== 'met' && x.state !== 'dropped');
  const onTrack = open.filter((x) => x.state === 'on-track').length;
  const out: string[] = [];
  if (g.goals.length === 0) out.push(`<p class="empty">${esc(labels.goalsEmpty)}</p>`);
  else {
    out.push('<ul class="goals">');
    for (const goal of g.goals) {
      const link = isGoalArg(goal.slug) ? ` ${commandAttrs(REVEAL_GOAL, goal.slug)}` : '';
      out.push(
        `<li class="goal" data-goal="${esc(goal.slug)}" data-state="${esc(goal.state)}"><button type="button" class="goal-link"${link}>` +
          `<span class="goal-title">${esc(goal.title)}</span> <span class="goal-state state-${esc(goal.state)}">${esc(goal.stateLabel)}</span></button>` +
          `<span class="goal-progress">${esc(goal.progress)}</span></li>`,
      );
    }
    out.push('</ul>');
  }
  if (g.next) out.push(`<p class="next-session" data-date="${esc(g.next.date)}">${esc(labels.nextSession(g.next.date, g.next.title))}${g.next.host ? ` <span class="win-author">${esc(g.next.host)}</span>` : ''}</p>`);
  return card({ kind: 'goals', command: FOCUS_LEARNING_PLAN, title: labels.goalsTitle, figure: open.length ? onTrack : undefined, caption: open.length ? labels.goalsCaption(onTrack, open.length) : '', content: out.join('\n') });
}

function undescribedLine(slugs: string[], labels: DashboardLabels): string {
  if (slugs.length === 0) return '';
  const shown = slugs.slice(0, MAX_UNDESCRIBED);
  const first = shown.find(isTopicArg);
  const intro = first
    ? `<button type="button" class="undescribed-link" ${commandAttrs(REVEAL_TOPIC, first)}>${esc(labels.undescribed(slugs.length))}</button>`
    : `<span>${esc(labels.undescribed(slugs.length))}</span>`;
  const topics = shown.map((slug) =>
    isTopicArg(slug) ? `<button type="button" class="topic-link" ${commandAttrs(REVEAL_TOPIC, slug)}>${esc(slug)}</button>` : `<span class="topic-name">${esc(slug)}</span>`,
  );
  const more = slugs.length > shown.length ? ` <span class="more">${esc(labels.andMore(slugs.length - shown.length))}</span>` : '';
  return `<p class="undescribed" data-card="undescribed">${intro} ${topics.join('<span class="sep">, </span>')}${more}</p>`;
}

// ---------------------------------------------------------------------------
// Charts

/** Sizes of the notes chart, in SVG user units: one unit is one CSS pixel at full size (the SVG shrinks with the card). */
const SLOT = 96;
const BAR = 48;
const TOP = 22;
const PLOT = 150;
const BOTTOM = 24;

function notesSvg(chart: NotesChart, labels: DashboardLabels): string {
  const width = Math.max(1, chart.months.length) * SLOT;
  const height = TOP + PLOT + BOTTOM;
  const base = TOP + PLOT;
  const scale = chart.maxNotes > 0 ? PLOT / chart.maxNotes : 0;
  const aria = chart.months.map((m) => `${labels.monthLong(m.month)}: ${labels.notes(m.notes)}`).join(', ');
  const out = [`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(aria)}">`];
  chart.months.forEach((m, i) => {
    const x = i * SLOT + (SLOT - BAR) / 2;
    const cx = i * SLOT + SLOT / 2;
    const barHeight = m.notes * scale;
    out.push(`<g class="month" data-month="${esc(m.month)}" data-notes="${m.notes}"><title>${esc(`${labels.monthLong(m.month)}: ${labels.notes(m.notes)}`)}</title>`);
    let top = base;
    for (const seg of m.segments) {
      const h = seg.share * barHeight;
      if (h <= 0) continue;
      top -= h;
      const series = chart.series[seg.series];
      out.push(
        `<rect class="seg ${fillClass(series, seg.series)}" x="${num(x)}" y="${num(top)}" width="${BAR}" height="${num(h)}"${seriesCommand(series)}>` +
          `<title>${esc(`${labels.monthLong(m.month)}, ${labels.seriesNotes(seriesName(series, labels), seg.notes)}`)}</title></rect>`,
      );
    }
    out.push(`<text class="bar-total" x="${num(cx)}" y="${num(base - barHeight - 5)}" text-anchor="middle">${m.notes}</text>`);
    out.push(`<text class="month-label" x="${num(cx)}" y="${height - 6}" text-anchor="middle">${esc(labels.month(m.month))}</text></g>`);
  });
  out.push(`<line class="axis" x1="0" y1="${base}" x2="${width}" y2="${base}"/>`, '</svg>');
  return out.join('\n');
}

function legend(series: TopicSeries[], labels: DashboardLabels): string {
  const items = series.map((s, i) => {
    const inner = `${swatch(fillClass(s, i))}<span class="legend-label">${esc(seriesName(s, labels))}</span> <span class="legend-count">${s.notes}</span>`;
    const command = seriesCommand(s);
    return command
      ? `<li><button type="button" class="legend-item"${command} title="${esc(labels.seriesNotes(seriesName(s, labels), s.notes))}">${inner}</button></li>`
      : `<li><span class="legend-item">${inner}</span></li>`;
  });
  return `<ul class="legend">\n${items.join('\n')}\n</ul>`;
}

interface Part {
  key: string;
  label: string;
  count: number;
}

/** One horizontal bar split into parts, each as wide as its share of `total`. */
function stackedBar(parts: Part[], total: number): string {
  const out = ['<svg class="hbar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">'];
  let x = 0;
  for (const p of parts) {
    if (p.count <= 0 || total <= 0) continue;
    const w = (100 * p.count) / total;
    out.push(`<rect class="fill-${p.key}" x="${num(x)}" y="0" width="${num(w)}" height="10"/>`);
    x += w;
  }
  out.push('</svg>');
  return out.join('');
}

function breakdown(parts: Part[]): string {
  const items = parts.map(
    (p) =>
      `<li class="item item-${p.key}" data-item="${p.key}" data-count="${p.count}">${swatch(`fill-${p.key}`)}<span class="item-label">${esc(p.label)}</span> <span class="item-count">${p.count}</span></li>`,
  );
  return `<ul class="breakdown">\n${items.join('\n')}\n</ul>`;
}

function swatch(fill: string): string {
  return `<svg class="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true"><rect class="${fill}" width="10" height="10" rx="2"/></svg>`;
}

function fillClass(series: TopicSeries, index: number): string {
  if (series.kind === 'other') return 'fill-other';
  if (series.kind === 'none') return 'fill-untagged';
  return `fill-s${index % 5}`;
}

function seriesName(series: TopicSeries, labels: DashboardLabels): string {
  if (series.kind === 'other') return labels.otherTopics;
  if (series.kind === 'none') return labels.noTopic;
  return series.title ?? series.slug ?? '';
}

/** ` data-command=… data-arg=…` for a series that leads somewhere, or ''. */
function seriesCommand(series: TopicSeries): string {
  if (series.kind === 'topic') return isTopicArg(series.slug) ? ` ${commandAttrs(REVEAL_TOPIC, series.slug)}` : '';
  if (series.kind === 'other') return ` ${commandAttrs(FOCUS_TOPICS)}`;
  return '';
}

function commandAttrs(id: string, arg?: string): string {
  return `data-command="${esc(id)}"${arg === undefined ? '' : ` data-arg="${esc(arg)}"`}`;
}

/** A number for an SVG attribute: at most two decimals, no exponent. */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
