// The digest as markdown (to paste into a meeting page or an e-mail) and as
// one self-contained HTML file in which every piece of note text is escaped.

import type { Digest } from './digest';
import { summaryOf } from './digest';
import type { Note } from '../model';
import { escapeHtml } from '../render/html';
import { inertMarkdownKeepingCode } from '../render/inert';
import { kindWordOf } from '../notes/kinds';
import { progressSummary, stateLabel, type GoalProgress } from '../goals/progress';

/** Where the digest will be read from, so its links to the notes resolve there. */
export interface DigestLinkOptions {
  /** The folder of the digest file, relative to the workspace root, with `/` ('' or absent: the root). */
  from?: string;
}

/** Every word of the digest, so the extension can hand in its translations. */
export interface DigestLabels {
  title(since: string, until: string): string;
  headline(newNotes: number, people: number, wins: number, plansDue: number): string;
  kind(kind: string): string;
  status(status: string): string;
  newByTopic: string;
  noNewNotes: string;
  noTopic: string;
  wins: string;
  plans: string;
  due(title: string, when: string, owner?: string): string;
  done(title: string, owner?: string): string;
  dropped(title: string, owner?: string): string;
  when(dueInDays: number): string;
  checkIns: string;
  contributors: string;
  thanks(names: string): string;
  attention: string;
  anchorStatus(was: string, status: string, where?: string, similarityPercent?: number): string;
  inNote(path: string): string;
  endorsed: string;
  /** The dialog: open threads, and how many replies the period had. */
  openQuestions: string;
  openThread(replies: number, people: string, lastActivity: string): string;
  repliesInPeriod(replies: number): string;
  contribution(notes: number, replies: number): string;
  learningPlan: string;
  goalState(state: GoalProgress['state']): string;
  /** "0 of 1 plan done · 1 session held, 0 planned · 1 win" */
  goalProgress(p: GoalProgress): string;
  /** What served the goal in the period; '' when nothing did. */
  goalPeriod(checkIns: number, sessionsHeld: number, wins: number, plansClosed: number): string;
  sessionsHeld: string;
  sessionsComing: string;
  session(date: string, title: string, host?: string): string;
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const ENGLISH_DIGEST_LABELS: DigestLabels = {
  title: (since, until) => `Team learnings, ${since} to ${until}`,
  headline: (notes, people, wins, plans) =>
    `${n(notes, 'new note', 'new notes')} from ${n(people, 'person', 'people')}, ${n(wins, 'win', 'wins')}, ${n(plans, 'plan', 'plans')} due for a check-in.`,
  kind: kindWordOf,
  status: (status) => status,
  newByTopic: 'New notes by topic',
  noNewNotes: 'No new notes in this period.',
  noTopic: 'No topic',
  wins: 'Wins to celebrate',
  plans: 'Action plans',
  due: (title, when, owner) => `Due: ${title} (${when}${owner ? `, owner ${owner}` : ''})`,
  done: (title, owner) => `Done: ${title}${owner ? ` (${owner})` : ''}`,
  dropped: (title, owner) => `Dropped: ${title}${owner ? ` (${owner})` : ''}`,
  when: (days) => (days < 0 ? `overdue by ${n(-days, 'day', 'days')}` : days === 0 ? 'due today' : `due in ${n(days, 'day', 'days')}`),
  checkIns: 'Check-ins',
  contributors: 'Who contributed',
  thanks: (names) => `${names}. Thank you!`,
  attention: 'Anchors that need attention',
  anchorStatus: (was, status, where, similarity) =>
    `${was} is ${status}${where ? ` (now near ${where}${similarity !== undefined ? `, ${similarity}% similar` : ''})` : ''}`,
  inNote: (path) => `in ${path}`,
  endorsed: 'endorsed',
  openQuestions: 'Open questions',
  openThread: (replies, people, last) => `${n(replies, 'reply', 'replies')} from ${people}, last ${last}`,
  repliesInPeriod: (replies) => `${n(replies, 'reply', 'replies')} in this period.`,
  contribution: (notes, replies) => `${n(notes, 'note', 'notes')}, ${n(replies, 'reply', 'replies')}`,
  learningPlan: 'Learning plan',
  goalState: stateLabel,
  goalProgress: progressSummary,
  goalPeriod: (checkIns, sessions, wins, closed) => {
    const parts = [
      checkIns ? n(checkIns, 'check-in', 'check-ins') : '',
      sessions ? `${n(sessions, 'session', 'sessions')} held` : '',
      wins ? n(wins, 'win', 'wins') : '',
      closed ? `${n(closed, 'plan', 'plans')} closed` : '',
    ].filter(Boolean);
    return parts.length ? `in this period: ${parts.join(', ')}` : '';
  },
  sessionsHeld: 'Sessions held',
  sessionsComing: 'Sessions coming',
  session: (date, title, host) => `${date}: ${title}${host ? ` (${host})` : ''}`,
};

/** A contributor's count: the notes alone, as before replies existed; with replies, both. */
function contribution(c: Digest['contributors'][number], l: DigestLabels): string {
  return c.replies ? l.contribution(c.notes, c.replies) : String(c.notes);
}

function threadLine(q: Digest['openQuestions'][number], l: DigestLabels): string {
  const people = q.thread.replies.map((r) => r.author).filter((a, i, all): a is string => !!a && all.indexOf(a) === i);
  return l.openThread(q.thread.replies.length, people.join(', '), q.thread.lastActivity ?? '');
}

/** The learning plan's lines; `text` escapes what comes from notes (titles, hosts) for the output format. */
function learningPlanLines(d: Digest, l: DigestLabels, text: (s: string) => string): { goals: Array<{ title: string; rest: string }>; held: string[]; coming: string[] } | undefined {
  if (!d.learningPlan.length && !d.sessionsHeld.length && !d.sessionsComing.length) return undefined;
  const goals = d.learningPlan.map((g) => {
    const period = l.goalPeriod(g.checkIns, g.sessionsHeld.length, g.wins.length, g.plansClosed.length);
    return { title: text(g.progress.goal.title), rest: `${l.goalState(g.progress.state)} · ${l.goalProgress(g.progress)}${period ? ` (${period})` : ''}` };
  });
  const session = (s: Note) => l.session(s.date ?? '', text(s.title), s.host && text(s.host));
  return { goals, held: d.sessionsHeld.map(session), coming: d.sessionsComing.map(session) };
}

/** Escapes what would turn plain text (a title, a name) into markup; a code span stays one. */
function md(text: string): string {
  return inertMarkdownKeepingCode(text);
}

/** A summary is written as text: no link, image or HTML from a note is live in the digest (render/inert.ts); code spans read as code. */
function mdSummary(text: string): string {
  return inertMarkdownKeepingCode(text);
}

function headline(d: Digest, l: DigestLabels): string {
  return l.headline(d.newCount, d.contributors.length, d.wins.length, d.plansDue.length);
}

function meta(n: Note, l: DigestLabels): string {
  return [l.kind(n.kind), n.author, n.created].filter(Boolean).join(', ');
}

function groupTitle(slug: string, title: string, l: DigestLabels): string {
  return slug === '' ? l.noTopic : title;
}

/** The path of workspace file `path` as seen from the folder `from` (both relative to the root, with `/`). */
export function relativeLink(path: string, from = ''): string {
  const target = path.split('/');
  const base = from.split('/').filter(Boolean);
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  return [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/** A markdown link destination: in angle brackets, so spaces and parentheses in a file name keep working. */
function mdHref(path: string, link: DigestLinkOptions): string {
  return `<${relativeLink(path, link.from).replace(/[<>\n]/g, encodeURIComponent)}>`;
}

function noteLine(n: Note, l: DigestLabels, link: DigestLinkOptions = {}): string {
  const summary = summaryOf(n.body, 160);
  return `- [**${md(n.title)}**](${mdHref(n.path, link)}) (${md(meta(n, l))})${n.endorsed.length ? ' ✓' : ''}${summary ? `: ${mdSummary(summary)}` : ''}`;
}

function anchorWhere(a: Digest['attention'][number]): string | undefined {
  return a.status === 'drifted' && a.lines ? `${a.path}:${a.lines}` : undefined;
}

function similarity(a: Digest['attention'][number]): number | undefined {
  return a.similarity === undefined ? undefined : Math.round(a.similarity * 100);
}

export function renderDigestMarkdown(d: Digest, l: DigestLabels = ENGLISH_DIGEST_LABELS, link: DigestLinkOptions = {}): string {
  const out: string[] = [`# ${md(l.title(d.since, d.until))}`, '', headline(d, l), ''];
  if (d.byTopic.length) {
    out.push(`## ${l.newByTopic}`, '');
    for (const g of d.byTopic) {
      const title = groupTitle(g.slug, g.title, l);
      out.push(`### ${md(title)}${g.slug && title !== g.slug ? ` (\`${g.slug}\`)` : ''}`, '');
      for (const n of g.notes) out.push(noteLine(n, l, link));
      out.push('');
    }
  } else {
    out.push(l.noNewNotes, '');
  }
  if (d.wins.length) {
    out.push(`## ${l.wins}`, '');
    for (const n of d.wins) out.push(noteLine(n, l, link));
    out.push('');
  }
  if (d.plansDue.length || d.plansDone.length || d.plansDropped.length) {
    out.push(`## ${l.plans}`, '');
    for (const f of d.plansDue) out.push(`- ${l.due(`**${md(f.note.title)}**`, l.when(f.dueIn ?? 0), f.note.owner && md(f.note.owner))}`);
    for (const n of d.plansDone) out.push(`- ${l.done(`**${md(n.title)}**`, n.owner && md(n.owner))}`);
    for (const n of d.plansDropped) out.push(`- ${l.dropped(`**${md(n.title)}**`, n.owner && md(n.owner))}`);
    out.push('');
  }
  if (d.checkIns.length) {
    out.push(`## ${l.checkIns}`, '');
    for (const p of d.checkInsByPlan) {
      out.push(`- [**${md(p.note.title)}**](${mdHref(p.note.path, link)})`);
      for (const c of p.entries) out.push(`  - ${c.date}: ${md(c.text)}`);
    }
    out.push('');
  }
  if (d.openQuestions.length || d.replies) {
    out.push(`## ${l.openQuestions}`, '');
    for (const q of d.openQuestions) out.push(`- [**${md(q.note.title)}**](${mdHref(q.note.path, link)}): ${md(threadLine(q, l))}`);
    if (d.openQuestions.length) out.push('');
    if (d.replies) out.push(l.repliesInPeriod(d.replies), '');
  }
  const plan = learningPlanLines(d, l, md);
  if (plan) {
    out.push(`## ${l.learningPlan}`, '');
    for (const g of plan.goals) out.push(`- **${g.title}**: ${g.rest}`);
    if (plan.goals.length) out.push('');
    if (plan.held.length) out.push(`${l.sessionsHeld}:`, '', ...plan.held.map((s) => `- ${s}`), '');
    if (plan.coming.length) out.push(`${l.sessionsComing}:`, '', ...plan.coming.map((s) => `- ${s}`), '');
  }
  if (d.contributors.length) {
    out.push(`## ${l.contributors}`, '');
    out.push(l.thanks(d.contributors.map((c) => `${md(c.name)} (${contribution(c, l)})`).join(', ')), '');
  }
  if (d.attention.length) {
    out.push(`## ${l.attention}`, '');
    for (const a of d.attention) {
      const where = anchorWhere(a);
      out.push(`- ${l.anchorStatus(`\`${a.was}\``, l.status(a.status), where && `\`${where}\``, similarity(a))}, ${md(l.inNote(a.note))}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export { escapeHtml };

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1rem}
li{margin:.3rem 0}.meta{color:#59636e}.badge{font-size:.75rem;border:1px solid #d0d7de;border-radius:1rem;padding:0 .5rem;margin-left:.3rem}
code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}.meta{color:#9198a1}code{background:#161b22}h2{border-color:#30363d}.badge{border-color:#30363d}}`;

/** Escaped text with its `code spans` shown as code, not as backticks. */
export function htmlWithCode(text: string): string {
  return escapeHtml(text).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

// The HTML digest is one self-contained page, sent by e-mail as often as not: it links nowhere, not even to the notes.
function htmlNote(n: Note, l: DigestLabels): string {
  const summary = summaryOf(n.body, 240);
  return `<li><strong>${escapeHtml(n.title)}</strong>${n.endorsed.length ? `<span class="badge">${escapeHtml(l.endorsed)}</span>` : ''} <span class="meta">(${escapeHtml(meta(n, l))})</span>${summary ? `<br>${htmlWithCode(summary)}` : ''}</li>`;
}

/** One self-contained page: no script, no external resource, every note text escaped. */
export function renderDigestHtml(d: Digest, l: DigestLabels = ENGLISH_DIGEST_LABELS, lang = 'en'): string {
  const e = escapeHtml;
  const s: string[] = [];
  s.push(`<h1>${e(l.title(d.since, d.until))}</h1>`, `<p>${e(headline(d, l))}</p>`);
  if (d.byTopic.length) {
    s.push(`<h2>${e(l.newByTopic)}</h2>`);
    for (const g of d.byTopic) s.push(`<h3>${e(groupTitle(g.slug, g.title, l))}</h3><ul>${g.notes.map((n) => htmlNote(n, l)).join('')}</ul>`);
  } else {
    s.push(`<p>${e(l.noNewNotes)}</p>`);
  }
  if (d.wins.length) s.push(`<h2>${e(l.wins)}</h2><ul>${d.wins.map((n) => htmlNote(n, l)).join('')}</ul>`);
  if (d.plansDue.length || d.plansDone.length || d.plansDropped.length) {
    s.push(`<h2>${e(l.plans)}</h2><ul>`);
    for (const f of d.plansDue) s.push(`<li>${e(l.due(f.note.title, l.when(f.dueIn ?? 0), f.note.owner))}</li>`);
    for (const n of d.plansDone) s.push(`<li>${e(l.done(n.title, n.owner))}</li>`);
    for (const n of d.plansDropped) s.push(`<li>${e(l.dropped(n.title, n.owner))}</li>`);
    s.push('</ul>');
  }
  if (d.checkInsByPlan.length) {
    const plan = (p: Digest['checkInsByPlan'][number]) =>
      `<li><strong>${e(p.note.title)}</strong><ul>${p.entries.map((c) => `<li>${e(c.date)}: ${htmlWithCode(c.text)}</li>`).join('')}</ul></li>`;
    s.push(`<h2>${e(l.checkIns)}</h2><ul>${d.checkInsByPlan.map(plan).join('')}</ul>`);
  }
  if (d.openQuestions.length || d.replies) {
    s.push(`<h2>${e(l.openQuestions)}</h2>`);
    if (d.openQuestions.length) s.push(`<ul>${d.openQuestions.map((q) => `<li><strong>${e(q.note.title)}</strong> <span class="meta">${e(threadLine(q, l))}</span></li>`).join('')}</ul>`);
    if (d.replies) s.push(`<p>${e(l.repliesInPeriod(d.replies))}</p>`);
  }
  // Escaped once: the note text first, then nothing else (the labels hold no markup).
  const plan = learningPlanLines(d, l, e);
  if (plan) {
    s.push(`<h2>${e(l.learningPlan)}</h2>`);
    if (plan.goals.length) s.push(`<ul>${plan.goals.map((g) => `<li><strong>${g.title}</strong>: ${g.rest}</li>`).join('')}</ul>`);
    if (plan.held.length) s.push(`<h3>${e(l.sessionsHeld)}</h3><ul>${plan.held.map((x) => `<li>${x}</li>`).join('')}</ul>`);
    if (plan.coming.length) s.push(`<h3>${e(l.sessionsComing)}</h3><ul>${plan.coming.map((x) => `<li>${x}</li>`).join('')}</ul>`);
  }
  if (d.contributors.length) s.push(`<h2>${e(l.contributors)}</h2><p>${e(l.thanks(d.contributors.map((c) => `${c.name} (${contribution(c, l)})`).join(', ')))}</p>`);
  if (d.attention.length) {
    s.push(`<h2>${e(l.attention)}</h2><ul>${d.attention.map((a) => `<li>${e(l.anchorStatus(a.was, l.status(a.status), anchorWhere(a), similarity(a)))}, ${e(l.inNote(a.note))}</li>`).join('')}</ul>`);
  }
  const title = e(l.title(d.since, d.until));
  return `<!DOCTYPE html>
<html lang="${e(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style></head>
<body>
${s.join('\n')}
</body></html>
`;
}
